import { findReturn, requestReturn, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { errorCodes } from '../error-codes.ts';
import { returnInputToDomain, type GqlReturnInput } from '../inputs/return-input.ts';
import { returnView } from '../views/return-view.ts';

/** returnRequest: a customer's request, REQUESTED until approved or declined. */
export function returnRequest(state: ShopState, args: { input: GqlReturnInput }) {
  const result = attempt(() => requestReturn(state, returnInputToDomain(args.input)), {
    codes: errorCodes('ReturnErrorCode'),
  });
  if (!result.ok) return { return: null, userErrors: result.userErrors };
  const found = findReturn(state, result.value.id);
  return { return: found ? returnView(state, found.order, found.item) : null, userErrors: [] };
}
