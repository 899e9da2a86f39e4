import type { FastifyInstance } from 'fastify';
import { listShippingAgents } from '../books/shipments/index.ts';
import type { Store } from '../db/index.ts';
import { NotFoundError } from '../shared/errors.ts';
import { listMasterDataAsFileRows } from './list-master-data.ts';
import { importKinds, isImportKind } from './types.ts';

/**
 * The kinds by the names the shop form's `reference` gives them (settings-catalogue.ts), so a UI
 * can go from a field to its choices without a table of its own.
 */
const referenceKinds: Record<string, string> = {
  item: 'items',
  location: 'locations',
  customer: 'customers',
  gl_account: 'gl-accounts',
  shipping_agent: 'shipping-agents',
};

const kindNames = [...importKinds, 'shipping-agents'];

/**
 * `GET /api/master-data/:kind` -> `{ rows }`: the records as `master list --json` prints them
 * (items, locations, customers, gl-accounts), and shipping agents, so the web UI can offer
 * choices for the fields that name them.
 */
export function registerMasterDataRoutes(app: FastifyInstance, deps: { store: Store }): void {
  app.get<{ Params: { kind: string } }>('/api/master-data/:kind', async (request) => {
    const kind = referenceKinds[request.params.kind] ?? request.params.kind;
    if (kind === 'shipping-agents') return { rows: await listShippingAgents(deps.store.db) };
    if (!isImportKind(kind))
      throw new NotFoundError(
        `kind: there is no master data "${request.params.kind}"; kinds are ${kindNames.join(', ')}`,
      );
    return { rows: await listMasterDataAsFileRows(deps.store.db, kind) };
  });
}
