import { removeTags, type ShopState } from '../../domain/index.ts';
import { attempt } from '../domain-errors.ts';
import { parseGid } from '../gid.ts';
import { orderView } from '../views/order-view.ts';

/** tagsRemove on an order (the resource storebridge tags); other taggable types are not modelled yet (NEEDS.md). */
export function tagsRemove(state: ShopState, args: { id: string; tags: string[] }) {
  const parsed = parseGid(args.id);
  if (parsed?.type !== 'Order') {
    return {
      node: null,
      userErrors: [
        { field: ['id'], message: `Untagging ${parsed?.type ?? 'this id'} is not supported by the emulator` },
      ],
    };
  }
  const result = attempt(() => removeTags(state, Number(parsed.id), args.tags));
  return result.ok
    ? { node: orderView(state, result.value), userErrors: [] }
    : { node: null, userErrors: result.userErrors };
}
