import { createReturn, findReturn, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { errorCodes } from '../error-codes.ts';
import { returnInputToDomain, type GqlReturnInput } from '../inputs/return-input.ts';
import { returnView } from '../views/return-view.ts';

/** returnCreate: a merchant-made return, open at once. */
export function returnCreate(state: ShopState, args: { returnInput: GqlReturnInput }) {
  const result = attempt(() => createReturn(state, returnInputToDomain(args.returnInput)), {
    codes: errorCodes('ReturnErrorCode'),
  });
  if (!result.ok) return { return: null, userErrors: result.userErrors };
  const found = findReturn(state, result.value.id);
  return { return: found ? returnView(state, found.order, found.item) : null, userErrors: [] };
}
