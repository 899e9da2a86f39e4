import { closeReturn, findReturn, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { errorCodes } from '../error-codes.ts';
import { numericId } from '../gid.ts';
import { returnView } from '../views/return-view.ts';

/** returnClose: OPEN -> CLOSED once the items are dealt with. */
export function returnClose(state: ShopState, args: { id: string }) {
  const id = numericId(args.id, 'Return') ?? -1;
  const result = attempt(() => closeReturn(state, id), { codes: errorCodes('ReturnErrorCode') });
  if (!result.ok) return { return: null, userErrors: result.userErrors };
  const found = findReturn(state, id);
  return { return: found ? returnView(state, found.order, found.item) : null, userErrors: [] };
}
