/**
 * The JSON Shopify returns for our order operations (graphql/fragments/*), typed as far as
 * storebridge reads it. These are Shopify's shapes, not ours: they stop at `map/`.
 */
export interface MoneyV2Node {
  amount: string;
  currencyCode: string;
}
export interface MoneyBagNode {
  shopMoney: MoneyV2Node;
  presentmentMoney: MoneyV2Node;
}
export interface PageInfoNode {
  hasNextPage: boolean;
  endCursor: string | null;
}
export interface ConnectionNode<T> {
  nodes: T[];
  pageInfo: PageInfoNode;
}
export interface AddressNode {
  name: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  zip: string | null;
  countryCodeV2: string | null;
  phone: string | null;
}
export interface TaxLineNode {
  title: string;
  rate: number | null;
  priceSet: MoneyBagNode;
}
export interface DiscountAllocationNode {
  allocatedAmountSet: MoneyBagNode;
  discountApplication: {
    targetType: string;
    targetSelection: string;
    code?: string | null;
    title?: string | null;
  } | null;
}
export interface LineItemNode {
  id: string;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  quantity: number;
  currentQuantity: number;
  refundableQuantity: number;
  unfulfilledQuantity: number;
  taxable: boolean;
  requiresShipping: boolean;
  isGiftCard: boolean;
  originalUnitPriceSet: MoneyBagNode;
  discountAllocations: DiscountAllocationNode[];
  taxLines: TaxLineNode[];
}
export interface ShippingLineNode {
  id: string | null;
  title: string;
  code: string | null;
  source: string | null;
  isRemoved: boolean;
  originalPriceSet: MoneyBagNode;
  discountedPriceSet: MoneyBagNode;
  taxLines: TaxLineNode[];
}
export interface TransactionNode {
  id: string;
  kind: string;
  status: string;
  gateway: string | null;
  processedAt: string | null;
  paymentId: string | null;
  authorizationCode: string | null;
  test: boolean;
  amountSet: MoneyBagNode;
  parentTransaction: { id: string } | null;
}
export interface LineRefNode {
  lineItem: { id: string } | null;
}
export interface FulfillmentOrderNode {
  id: string;
  status: string;
  assignedLocation: { location: { legacyResourceId: string } | null } | null;
  lineItems?: ConnectionNode<LineRefNode & { remainingQuantity: number }>;
}
export interface FulfillmentNode {
  id: string;
  status: string;
  createdAt: string;
  location: { legacyResourceId: string } | null;
  trackingInfo: { company: string | null; number: string | null; url: string | null }[];
  fulfillmentLineItems?: ConnectionNode<LineRefNode & { quantity: number }>;
}
export interface RefundLineNode extends LineRefNode {
  quantity: number;
  restockType: string;
  restocked: boolean;
  location: { legacyResourceId: string } | null;
  priceSet: MoneyBagNode;
  subtotalSet: MoneyBagNode;
  totalTaxSet: MoneyBagNode;
}
export interface RefundShippingLineNode {
  shippingLine: { id: string | null } | null;
  subtotalAmountSet: MoneyBagNode;
  taxAmountSet: MoneyBagNode;
}
export interface OrderAdjustmentNode {
  id: string;
  reason: string | null;
  amountSet: MoneyBagNode;
  taxAmountSet: MoneyBagNode;
}
export interface RefundNode {
  id: string;
  createdAt: string | null;
  updatedAt: string;
  note: string | null;
  return: { id: string } | null;
  totalRefundedSet: MoneyBagNode;
  refundLineItems?: ConnectionNode<RefundLineNode>;
  refundShippingLines?: ConnectionNode<RefundShippingLineNode>;
  orderAdjustments?: ConnectionNode<OrderAdjustmentNode>;
  transactions?: ConnectionNode<TransactionNode>;
}
export interface ReturnLineNode {
  id?: string;
  quantity?: number;
  refundedQuantity?: number;
  returnReasonNote?: string | null;
  fulfillmentLineItem?: LineRefNode | null;
}
export interface ReturnNode {
  id: string;
  name: string;
  status: string;
  returnLineItems?: ConnectionNode<ReturnLineNode>;
  exchangeLineItems?: ConnectionNode<{ lineItem: { id: string } | null }>;
}
export interface OrderNode {
  id: string;
  legacyResourceId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  closedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  test: boolean;
  sourceName: string | null;
  tags: string[];
  note: string | null;
  email: string | null;
  phone: string | null;
  currencyCode: string;
  presentmentCurrencyCode: string;
  taxesIncluded: boolean;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string;
  channelInformation: { app: { title: string | null } | null } | null;
  customAttributes: { key: string; value: string | null }[];
  risk: { recommendation: string | null; assessments: { riskLevel: string | null }[] } | null;
  customer: {
    legacyResourceId: string;
    email: string | null;
    phone: string | null;
    firstName: string | null;
    lastName: string | null;
  } | null;
  purchasingEntity: {
    company?: { id: string; name: string };
    location?: { id: string } | null;
  } | null;
  billingAddress: AddressNode | null;
  shippingAddress: AddressNode | null;
  subtotalPriceSet: MoneyBagNode | null;
  totalDiscountsSet: MoneyBagNode | null;
  totalShippingPriceSet: MoneyBagNode;
  totalTaxSet: MoneyBagNode | null;
  totalTipReceivedSet: MoneyBagNode;
  totalPriceSet: MoneyBagNode;
  currentTotalPriceSet: MoneyBagNode;
  totalReceivedSet: MoneyBagNode;
  totalRefundedSet: MoneyBagNode;
  netPaymentSet: MoneyBagNode;
  totalOutstandingSet: MoneyBagNode;
  lineItems?: ConnectionNode<LineItemNode>;
  shippingLines?: ConnectionNode<ShippingLineNode>;
  transactions?: TransactionNode[];
  fulfillmentOrders?: ConnectionNode<FulfillmentOrderNode>;
  fulfillments?: FulfillmentNode[];
  refunds?: RefundNode[];
  returns?: ConnectionNode<ReturnNode>;
}
