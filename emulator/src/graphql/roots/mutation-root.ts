import type { ShopState } from '../../domain/index.ts';
import { bulkOperationCancel } from '../mutations/bulk-operation-cancel.ts';
import { bulkOperationRunQuery } from '../mutations/bulk-operation-run-query.ts';
import { draftOrderComplete } from '../mutations/draft-order-complete.ts';
import { draftOrderCreate } from '../mutations/draft-order-create.ts';
import { fulfillmentCreate } from '../mutations/fulfillment-create.ts';
import { fulfillmentOrderMove } from '../mutations/fulfillment-order-move.ts';
import { fulfillmentTrackingInfoUpdate } from '../mutations/fulfillment-tracking-info-update.ts';
import { orderCancel } from '../mutations/order-cancel.ts';
import { orderClose } from '../mutations/order-close.ts';
import { orderCreate } from '../mutations/order-create.ts';
import { orderEditAddVariant } from '../mutations/order-edit-add-variant.ts';
import { orderEditBegin } from '../mutations/order-edit-begin.ts';
import { orderEditCommit } from '../mutations/order-edit-commit.ts';
import { orderEditSetQuantity } from '../mutations/order-edit-set-quantity.ts';
import { orderMarkAsPaid } from '../mutations/order-mark-as-paid.ts';
import { orderOpen } from '../mutations/order-open.ts';
import { orderUpdate } from '../mutations/order-update.ts';
import { refundCreate } from '../mutations/refund-create.ts';
import { returnApproveRequest } from '../mutations/return-approve-request.ts';
import { returnClose } from '../mutations/return-close.ts';
import { returnCreate } from '../mutations/return-create.ts';
import { returnRequest } from '../mutations/return-request.ts';
import { tagsAdd } from '../mutations/tags-add.ts';
import { tagsRemove } from '../mutations/tags-remove.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mutation = (state: ShopState, args: any) => unknown;

/** Every served mutation, one use case per file under graphql/mutations. */
const mutations: Record<string, Mutation> = {
  orderCreate,
  draftOrderCreate,
  draftOrderComplete,
  orderMarkAsPaid,
  fulfillmentCreate,
  fulfillmentTrackingInfoUpdate,
  fulfillmentOrderMove,
  returnCreate,
  returnRequest,
  returnApproveRequest,
  returnClose,
  orderEditBegin,
  orderEditSetQuantity,
  orderEditAddVariant,
  orderEditCommit,
  orderCancel,
  orderUpdate,
  tagsAdd,
  tagsRemove,
  orderClose,
  orderOpen,
  refundCreate,
  bulkOperationRunQuery,
  bulkOperationCancel,
  // Deprecated aliases with the same arguments and payload fields (2025-01 schema).
  fulfillmentCreateV2: fulfillmentCreate,
  fulfillmentTrackingInfoUpdateV2: fulfillmentTrackingInfoUpdate,
};

/** The Mutation root: graphql-js calls each field with its arguments; the shop is bound here. */
export function mutationRoot(state: ShopState): Record<string, (args: unknown) => unknown> {
  return Object.fromEntries(
    Object.entries(mutations).map(([name, run]) => [name, (args: unknown) => run(state, args)]),
  );
}
