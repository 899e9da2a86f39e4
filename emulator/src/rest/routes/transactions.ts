import { createTransaction, getOrder, NotFound, type TransactionInput } from '../../domain/index.ts';
import { numberParam, objectOf, type Route, type RouteContext } from '../context.ts';
import { ok, type RestResponse } from '../http.ts';
import { pickFields } from '../pagination.ts';
import { restTransaction } from '../serialize/transaction.ts';

function listHandler({ state, params, ids }: RouteContext): RestResponse {
  const order = getOrder(state, ids[0]!);
  const sinceId = numberParam(params, 'since_id');
  const transactions = order.transactions
    .filter((transaction) => sinceId === undefined || transaction.id > sinceId)
    .sort((a, b) => a.id - b.id)
    .map((transaction) => pickFields(restTransaction(state, order, transaction), params.get('fields')));
  return ok({ transactions });
}

function getHandler({ state, params, ids }: RouteContext): RestResponse {
  const order = getOrder(state, ids[0]!);
  const transaction = order.transactions.find((candidate) => candidate.id === ids[1]);
  if (!transaction) throw new NotFound('Transaction', ids[1]!);
  return ok({ transaction: pickFields(restTransaction(state, order, transaction), params.get('fields')) });
}

function createHandler({ state, body, ids }: RouteContext): RestResponse {
  const order = getOrder(state, ids[0]!);
  const input = objectOf(body.transaction);
  const transaction = createTransaction(state, order.id, {
    kind: input.kind as TransactionInput['kind'],
    ...(input.amount !== undefined ? { amount: input.amount as string | number } : {}),
    ...(input.parent_id !== undefined ? { parentId: Number(input.parent_id) } : {}),
    ...(typeof input.authorization === 'string' ? { authorization: input.authorization } : {}),
    ...(typeof input.currency === 'string' ? { currency: input.currency } : {}),
    ...(typeof input.gateway === 'string' ? { gateway: input.gateway } : {}),
    ...(typeof input.test === 'boolean' ? { test: input.test } : {}),
  });
  return ok({ transaction: restTransaction(state, order, transaction) }, 201);
}

export const transactionRoutes: readonly Route[] = [
  { method: 'GET', pattern: /^orders\/(\d+)\/transactions\.json$/, handler: listHandler },
  {
    method: 'GET',
    pattern: /^orders\/(\d+)\/transactions\/count\.json$/,
    handler: ({ state, ids }) => ok({ count: getOrder(state, ids[0]!).transactions.length }),
  },
  { method: 'GET', pattern: /^orders\/(\d+)\/transactions\/(\d+)\.json$/, handler: getHandler },
  { method: 'POST', pattern: /^orders\/(\d+)\/transactions\.json$/, handler: createHandler },
];
