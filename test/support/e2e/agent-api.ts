import type { StorebridgeServer } from '../../../src/http/server.ts';

export interface AgentAnswer {
  status: number;
  body: Record<string, unknown> & {
    error?: { code: string; message: string; userErrors?: { field: string[] | null; message: string }[] };
  };
}

/** The agent actions' /api/ routes (docs/agent-actions.md) as a user with an API key calls them. */
export function agentApi(server: StorebridgeServer, shop: string, apiKey: string) {
  const post = async (order: string, action: string, payload: object = {}): Promise<AgentAnswer> => {
    const response = await server.inject({
      method: 'POST',
      url: `/api/shops/${shop}/orders/${encodeURIComponent(order)}/${action}`,
      headers: { authorization: `Bearer ${apiKey}` },
      payload,
    });
    return { status: response.statusCode, body: response.json() };
  };
  return {
    preview: (order: string, request: object) => post(order, 'refund-preview', request),
    refund: (order: string, request: object) => post(order, 'refunds', request),
    cancel: (order: string, request: object = {}) => post(order, 'cancel', request),
    markAsPaid: (order: string, request: object = {}) => post(order, 'mark-as-paid', request),
  };
}
