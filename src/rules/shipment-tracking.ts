/**
 * What a shipment tells Shopify (and, through Shopify's shipping confirmation, the customer)
 * about its tracking: seed 002 "Shipping agents and tracking URL".
 */
export interface TrackingAgent {
  code: string;
  name: string;
  /** The agent's "Shopify Tracking Company" (one of Shopify's known carriers, e.g. "UPS"). */
  shopifyTrackingCompany: string | null;
  /** Package tracking URL with `{number}` where the tracking no. goes. */
  trackingUrlTemplate: string | null;
}

export interface ShipmentTrackingInput {
  trackingNumber: string | null;
  /** Typed on the shipment; wins over the agent's URL. */
  trackingUrl: string | null;
  agent: TrackingAgent | null;
}

export interface Tracking {
  company: string | null;
  number: string | null;
  url: string | null;
}

/**
 * seed 002: "The tracking company is populated in the following order (from highest to lowest)
 * based on the shipping agent record: Shopify Tracking Company, Name, Code."
 */
export function trackingCompany(agent: TrackingAgent | null): string | null {
  if (!agent) return null;
  return nonBlank(agent.shopifyTrackingCompany) ?? nonBlank(agent.name) ?? nonBlank(agent.code);
}

/**
 * The fulfillment's tracking info, or null when the shipment has none. seed 002: "If the Package
 * Tracking URL field is filled in for the shipping agent record, the shipping confirmation
 * contains a tracking URL": the agent's URL with the number in it, unless the shipment has its own.
 */
export function shipmentTracking(input: ShipmentTrackingInput): Tracking | null {
  const number = nonBlank(input.trackingNumber);
  const template = nonBlank(input.agent?.trackingUrlTemplate ?? null);
  const url =
    nonBlank(input.trackingUrl) ??
    (template && number ? template.replaceAll('{number}', encodeURIComponent(number)) : null);
  const company = trackingCompany(input.agent);
  if (company === null && number === null && url === null) return null;
  return { company, number, url };
}

function nonBlank(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value.trim();
}
