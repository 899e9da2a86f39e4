/** Public API of the emulator's Shopify domain model. See API.md. */
export { createShopState, ShopState } from './state.ts';
export type { Clock, ShopData, ShopStateJson, CreateShopStateOptions } from './state.ts';
export { UserErrors, NotFound } from './errors.ts';
export type { UserError } from './errors.ts';
export { formatShopTime, formatInTimeZone } from './time.ts';

export { currencyExponent } from './money/currencies.ts';
export { formatMinor, parseDecimalToMinor, type Minor } from './money/decimal.ts';
export { allocate } from './money/allocate.ts';
export { toMoneyBag, addBags, subtractBags, sumBags, zeroBag } from './money/bag.ts';
export type { Bag, Currencies, MoneyV2 } from './money/bag.ts';

export type * from './model/shop.ts';
export type * from './model/order.ts';
export type * from './model/payments.ts';
export type * from './model/fulfillment.ts';
export type * from './model/returns.ts';
export type * from './model/draft.ts';
export type * from './model/edit.ts';
export type * from './model/job.ts';

export { createLocation, getLocation, type LocationInput } from './catalog/locations.ts';
export {
  createProduct,
  findVariant,
  getVariant,
  type ProductInput,
  type VariantInput,
} from './catalog/products.ts';
export {
  adjustInventory,
  connectInventory,
  deleteInventoryLevel,
  findInventoryLevel,
  getInventoryItem,
  setInventoryAvailable,
} from './catalog/inventory.ts';
export {
  createCompany,
  createCustomer,
  findCustomer,
  getCustomer,
  type CompanyInput,
  type CustomerInput,
} from './catalog/customers.ts';

export { orderCurrencies } from './orders/currencies.ts';
export { orderTotals, type OrderTotals } from './orders/order-totals.ts';
export { financialStatus, displayFinancialStatus } from './orders/financial-status.ts';
export {
  fulfillmentStatus,
  displayFulfillmentStatus,
  lineFulfillmentStatus,
  type RestFulfillmentStatus,
} from './orders/fulfillment-status.ts';
export { lineItemQuantities, type LineItemQuantities } from './orders/line-quantities.ts';
export {
  lineItemCurrentAmounts,
  lineDiscountedTotal,
  lineDiscountTotal,
  lineGrossTotal,
  lineTaxTotal,
  unitsSlice,
} from './orders/line-amounts.ts';
export { shippingDiscountedPrice, shippingTaxTotal, shippingDiscountTotal } from './orders/order-totals.ts';
export { maximumRefundable, isRefundableParent } from './orders/transaction-amounts.ts';

export { createOrder, type CreateOrderOptions } from './orders/create-order.ts';
export type * from './orders/order-input.ts';
export {
  findOrder,
  getOrder,
  listOrders,
  type OrderFilter,
  type OrderStatusFilter,
} from './orders/query-orders.ts';
export { findOrderPart, type OrderPartList } from './orders/order-parts-index.ts';
export { searchOrders } from './orders/search-orders.ts';
export { paginate, cursorFor, idFromCursor, type Page, type PageRequest } from './orders/paginate.ts';
export { updateOrder, addTags, removeTags, type OrderPatch } from './orders/update-order.ts';
export { closeOrder, openOrder, deleteOrder } from './orders/close-order.ts';
export { markAsPaid } from './orders/mark-as-paid.ts';
export { createTransaction, type TransactionInput } from './orders/create-transaction.ts';
export { assertCancellable, cancelOrder, type CancelOrderInput } from './orders/cancel-order.ts';

export { calculateRefund, computeRefund } from './refunds/calculate-refund.ts';
export { createRefund, type CreateRefundOptions } from './refunds/create-refund.ts';
export {
  defaultSettleAfterMs,
  pendingSettlements,
  settleDueTransactions,
  settleTransaction,
  type PendingSettlement,
} from './transactions/settle-transactions.ts';
export type { ExchangeItemInput } from './returns/exchange-lines.ts';
export type {
  RefundInput,
  RefundLineItemInput,
  RefundTransactionInput,
  RefundCalculation,
  CalculatedRefundLine,
  CalculatedShippingLine,
  SuggestedTransaction,
} from './refunds/refund-input.ts';

export {
  createFulfillment,
  type FulfillmentInput,
  type TrackingInput,
} from './fulfillments/create-fulfillment.ts';
export {
  cancelFulfillment,
  findFulfillment,
  getFulfillment,
  updateFulfillmentTracking,
} from './fulfillments/manage-fulfillment.ts';
export { findFulfillmentOrder, getFulfillmentOrder } from './fulfillments/fulfillment-orders.ts';

export {
  approveReturn,
  cancelReturn,
  closeReturn,
  createReturn,
  declineReturn,
  findReturn,
  reopenReturn,
  requestReturn,
  type ReturnInput,
} from './returns/manage-returns.ts';
export { returnTransitions } from './returns/return-status.ts';

export {
  orderEditBegin,
  orderEditSetQuantity,
  orderEditAddVariant,
  getOrderEdit,
} from './edits/order-edit.ts';
export { orderEditCommit } from './edits/commit-order-edit.ts';
export { draftOrderCreate, draftOrderComplete, type DraftOrderInput } from './drafts/draft-orders.ts';
export { pollJob } from './jobs/jobs.ts';
export {
  cancelFulfillmentOrder,
  closeFulfillmentOrder,
  fulfillmentOrderTransitions,
  holdFulfillmentOrder,
  openFulfillmentOrder,
  releaseFulfillmentOrderHold,
} from './fulfillments/fulfillment-order-actions.ts';
export {
  moveFulfillmentOrder,
  type MoveFulfillmentOrderInput,
  type MoveFulfillmentOrderResult,
} from './fulfillments/move-fulfillment-order.ts';
