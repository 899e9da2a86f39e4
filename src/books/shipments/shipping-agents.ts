import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, ShippingAgentsTable } from '../../db/index.ts';
import { ValidationError, type ValidationIssue } from '../../shared/errors.ts';
import type { TrackingAgent } from '../../rules/shipment-tracking.ts';

/**
 * A shipping agent (seed 002 "Shipping agents and tracking URL"): master data the shipment
 * method mapping already names by code (src/shops/settings-mappings.ts `shippingAgentCode`).
 */
export interface ShippingAgent extends TrackingAgent {
  /** Shipping agent service codes ("EXPRESS"). Default: []. */
  services: string[];
}

const codePattern = /^[A-Z0-9][A-Z0-9_.-]{0,19}$/;

/** Creates or replaces an agent; each bad field is named. */
export async function setShippingAgent(db: Kysely<Database>, agent: ShippingAgent): Promise<ShippingAgent> {
  const issues: ValidationIssue[] = [];
  if (!codePattern.test(agent.code))
    issues.push({ path: 'code', message: 'must be 1-20 upper-case letters, digits, "_", "." or "-"' });
  if (agent.name.trim() === '') issues.push({ path: 'name', message: 'must not be empty' });
  for (const [index, service] of agent.services.entries())
    if (!codePattern.test(service))
      issues.push({
        path: `services.${index}`,
        message: 'must be 1-20 upper-case letters, digits, "_", "." or "-"',
      });
  const template = agent.trackingUrlTemplate;
  if (template !== null && !/^https?:\/\//.test(template))
    issues.push({
      path: 'trackingUrlTemplate',
      message: 'must be an http(s) URL, with {number} for the tracking no.',
    });
  if (issues.length > 0)
    throw new ValidationError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  const row = {
    code: agent.code,
    name: agent.name.trim(),
    shopify_tracking_company: agent.shopifyTrackingCompany,
    tracking_url_template: template,
    services: JSON.stringify([...new Set(agent.services)]),
  };
  await db
    .insertInto('shipping_agents')
    .values(row)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        name: row.name,
        shopify_tracking_company: row.shopify_tracking_company,
        tracking_url_template: row.tracking_url_template,
        services: row.services,
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
  return { ...agent, name: row.name, services: [...new Set(agent.services)] };
}

export async function listShippingAgents(db: Kysely<Database>): Promise<ShippingAgent[]> {
  const rows = await db.selectFrom('shipping_agents').selectAll().orderBy('code').execute();
  return rows.map(agentFromRow);
}

export async function findShippingAgent(db: Kysely<Database>, code: string): Promise<ShippingAgent | null> {
  const row = await db.selectFrom('shipping_agents').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? agentFromRow(row) : null;
}

function agentFromRow(row: Selectable<ShippingAgentsTable>): ShippingAgent {
  return {
    code: row.code,
    name: row.name,
    shopifyTrackingCompany: row.shopify_tracking_company,
    trackingUrlTemplate: row.tracking_url_template,
    services: row.services,
  };
}
