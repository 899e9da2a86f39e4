import { describe, expect, it } from 'vitest';
import { shipmentTracking, trackingCompany, type TrackingAgent } from './shipment-tracking.ts';

const agent = (over: Partial<TrackingAgent> = {}): TrackingAgent => ({
  code: 'UPS-EXP',
  name: 'UPS Express',
  shopifyTrackingCompany: 'UPS',
  trackingUrlTemplate: null,
  ...over,
});

describe('tracking company by precedence (seed 002 "Shipping agents and tracking URL")', () => {
  it.each([
    { name: 'Shopify tracking company first', agent: agent(), company: 'UPS' },
    { name: 'then the agent name', agent: agent({ shopifyTrackingCompany: null }), company: 'UPS Express' },
    {
      name: 'a blank Shopify tracking company counts as none',
      agent: agent({ shopifyTrackingCompany: '  ' }),
      company: 'UPS Express',
    },
    {
      name: 'then the agent code',
      agent: agent({ shopifyTrackingCompany: null, name: '' }),
      company: 'UPS-EXP',
    },
    { name: 'no shipping agent: no company', agent: null, company: null },
  ])('$name', ({ agent, company }) => {
    expect(trackingCompany(agent)).toBe(company);
  });
});

describe('tracking info sent with the fulfillment', () => {
  it.each([
    {
      name: 'agent and number, the URL typed on the shipment',
      input: { trackingNumber: '1Z999', trackingUrl: 'https://t.example/1Z999', agent: agent() },
      expected: { company: 'UPS', number: '1Z999', url: 'https://t.example/1Z999' },
    },
    {
      name: "no URL on the shipment: the agent's package tracking URL with the number",
      input: {
        trackingNumber: '1Z 999',
        trackingUrl: null,
        agent: agent({ trackingUrlTemplate: 'https://ups.example/track?n={number}' }),
      },
      expected: { company: 'UPS', number: '1Z 999', url: 'https://ups.example/track?n=1Z%20999' },
    },
    {
      name: "the agent's URL needs a number",
      input: {
        trackingNumber: null,
        trackingUrl: null,
        agent: agent({ trackingUrlTemplate: 'https://ups.example/track?n={number}' }),
      },
      expected: { company: 'UPS', number: null, url: null },
    },
    {
      name: 'a number without an agent',
      input: { trackingNumber: 'ABC', trackingUrl: null, agent: null },
      expected: { company: null, number: 'ABC', url: null },
    },
    {
      name: 'nothing at all: no tracking info',
      input: { trackingNumber: null, trackingUrl: null, agent: null },
      expected: null,
    },
  ])('$name', ({ input, expected }) => {
    expect(shipmentTracking(input)).toEqual(expected);
  });
});
