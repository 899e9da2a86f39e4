import type { ShopState } from '../domain/index.ts';
import type { Route, RouteContext } from './context.ts';
import { objectOf } from './context.ts';
import { notFound, queryParams, toResponse, type RestRequest, type RestResponse } from './http.ts';
import { fulfillmentOrderRoutes } from './routes/fulfillment-orders.ts';
import { fulfillmentRoutes } from './routes/fulfillments.ts';
import { inventoryRoutes } from './routes/inventory.ts';
import { locationRoutes } from './routes/locations.ts';
import { orderRoutes } from './routes/orders.ts';
import { refundRoutes } from './routes/refunds.ts';
import { transactionRoutes } from './routes/transactions.ts';

const routes: readonly Route[] = [
  ...refundRoutes,
  ...transactionRoutes,
  ...fulfillmentOrderRoutes,
  ...fulfillmentRoutes,
  ...orderRoutes,
  ...locationRoutes,
  ...inventoryRoutes,
];

const apiPath = /^\/admin\/api\/(\d{4}-\d{2}|unstable)\/(.+)$/;

/**
 * Framework-free REST Admin API router: `/admin/api/{YYYY-MM}/...json`. Unknown paths and ids
 * answer Shopify's 404 `{"errors":"Not Found"}`; invalid input answers 422 `{"errors":{...}}`.
 */
export function handleRest(state: ShopState, request: RestRequest): RestResponse {
  const match = apiPath.exec(request.path.split('?')[0] ?? '');
  if (!match) return notFound();
  const version = match[1]!;
  const rest = match[2]!;
  const method = request.method.toUpperCase();
  for (const route of routes) {
    if (route.method !== method) continue;
    const found = route.pattern.exec(rest);
    if (!found) continue;
    const context: RouteContext = {
      state,
      params: queryParams(request.query ?? request.path.split('?')[1]),
      body: objectOf(typeof request.body === 'string' ? safeJson(request.body) : request.body),
      version,
      ids: found.slice(1).map(Number),
      url: (resourcePath) =>
        `https://${state.data.shop.myshopifyDomain}/admin/api/${version}/${resourcePath}`,
    };
    try {
      return route.handler(context);
    } catch (error) {
      return toResponse(error);
    }
  }
  return notFound();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
