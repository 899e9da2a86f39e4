/**
 * The part of Shopify's 2025-01 Admin schema the emulator serves, as data: object type -> fields.
 * Everything else is derived from the real schema by `buildServedSchema`:
 * - arguments and input objects exactly as Shopify declares them (all arguments, all input fields);
 * - enums (all values) and scalars as referenced;
 * - interfaces and unions as referenced, with the selected objects as their possible types
 *   (an interface keeps the fields its selected implementors all have);
 * - `XConnection`, `XEdge` and `PageInfo` with all their fields (Relay shape, Shopify's pagination doc).
 * A field named here but absent from the real type fails the build: nothing is typed by hand.
 */

/** Type name -> its served fields, whitespace-separated (kept as text so the list stays readable). */
export type SchemaSelection = Readonly<Record<string, string>>;

/** The field names selected for one type. */
export function selectedFields(selection: SchemaSelection, typeName: string): readonly string[] | undefined {
  return selection[typeName]?.split(/\s+/).filter((name) => name.length > 0);
}

const roots: SchemaSelection = {
  QueryRoot: `
    shop locations location products product productVariants inventoryItem customers customer
    companies company orders ordersCount order draftOrder draftOrders fulfillmentOrder return refund job node nodes
    currentBulkOperation
    webhookSubscriptions webhookSubscription webhookSubscriptionsCount
  `,
  // 2025-01 has no `returnApprove`: approving a requested return is `returnApproveRequest`.
  // `fulfillmentCreate` is the fulfillment-order based mutation; the deprecated V2 names are served
  // too (same input shape) for clients written against them.
  Mutation: `
    orderCreate draftOrderCreate draftOrderComplete orderMarkAsPaid fulfillmentCreate
    fulfillmentTrackingInfoUpdate fulfillmentOrderMove returnCreate returnRequest returnApproveRequest
    returnClose
    orderEditBegin orderEditSetQuantity orderEditAddVariant orderEditCommit orderCancel orderUpdate
    tagsAdd tagsRemove orderClose orderOpen refundCreate fulfillmentCreateV2 fulfillmentTrackingInfoUpdateV2
    bulkOperationRunQuery bulkOperationCancel
    webhookSubscriptionCreate webhookSubscriptionUpdate webhookSubscriptionDelete
  `,
};

const catalogue: SchemaSelection = {
  Shop: `
    id name email contactEmail myshopifyDomain url currencyCode enabledPresentmentCurrencies
    ianaTimezone timezoneOffsetMinutes taxesIncluded taxShipping weightUnit createdAt updatedAt
  `,
  Location: `
    id legacyResourceId name isActive fulfillsOnlineOrders shipsInventory address createdAt
    updatedAt inventoryLevel inventoryLevels
  `,
  LocationAddress: 'address1 address2 city province provinceCode country countryCode zip phone formatted',
  InventoryLevel: 'id item location quantities createdAt updatedAt',
  InventoryQuantity: 'id name quantity updatedAt',
  InventoryItem: `
    id legacyResourceId sku tracked requiresShipping unitCost variant inventoryLevel inventoryLevels
    createdAt updatedAt
  `,
  Product: `
    id legacyResourceId title handle status productType vendor tags totalInventory tracksInventory
    hasOnlyDefaultVariant variants variantsCount createdAt updatedAt
  `,
  ProductVariant: `
    id legacyResourceId title displayName sku barcode price compareAtPrice taxable position
    availableForSale inventoryQuantity inventoryPolicy inventoryItem product createdAt updatedAt
  `,
  Count: 'count precision',
};

const parties: SchemaSelection = {
  Customer: `
    id legacyResourceId firstName lastName displayName email phone note tags taxExempt state
    verifiedEmail defaultAddress addresses numberOfOrders amountSpent orders createdAt updatedAt
  `,
  Company: 'id name externalId note customerSince orders ordersCount totalSpent createdAt updatedAt',
  PurchasingCompany: 'company location',
  CompanyLocation: 'id name',
  MailingAddress: `
    id firstName lastName name company address1 address2 city province provinceCode country
    countryCodeV2 zip phone latitude longitude formatted
  `,
};

const orders: SchemaSelection = {
  Order: `
    id legacyResourceId name email phone poNumber createdAt updatedAt processedAt closed closedAt
    cancelledAt cancelReason cancellation test sourceName sourceIdentifier channelInformation tags
    customAttributes note customer purchasingEntity billingAddress shippingAddress currencyCode
    presentmentCurrencyCode taxesIncluded taxExempt estimatedTaxes edited confirmed fullyPaid unpaid
    canMarkAsPaid capturable fulfillable requiresShipping restockable refundable paymentGatewayNames
    discountCodes lineItems shippingLine shippingLines discountApplications taxLines currentTaxLines
    transactions fulfillmentOrders fulfillments refunds returns returnStatus risk riskLevel
    displayFinancialStatus displayFulfillmentStatus subtotalLineItemsQuantity
    currentSubtotalLineItemsQuantity subtotalPriceSet totalPriceSet totalTaxSet totalDiscountsSet
    totalShippingPriceSet cartDiscountAmountSet originalTotalPriceSet currentSubtotalPriceSet
    currentTotalPriceSet currentTotalTaxSet currentTotalDiscountsSet currentShippingPriceSet
    currentCartDiscountAmountSet totalReceivedSet totalRefundedSet totalRefundedShippingSet
    netPaymentSet totalOutstandingSet totalCapturableSet totalTipReceivedSet refundDiscrepancySet
    suggestedRefund
  `,
  OrderCancellation: 'staffNote',
  ChannelInformation: 'id channelId app',
  App: 'id title handle',
  OrderRiskSummary: 'assessments recommendation',
  OrderRiskAssessment: 'riskLevel facts',
  RiskFact: 'description sentiment',
  Attribute: 'key value',
  LineItem: `
    id name title variantTitle sku vendor quantity currentQuantity refundableQuantity
    unfulfilledQuantity nonFulfillableQuantity requiresShipping taxable isGiftCard restockable
    merchantEditable product variant customAttributes discountAllocations taxLines
    originalUnitPriceSet discountedUnitPriceSet discountedUnitPriceAfterAllDiscountsSet
    originalTotalSet discountedTotalSet totalDiscountSet unfulfilledDiscountedTotalSet
    unfulfilledOriginalTotalSet
  `,
  ShippingLine: `
    id title code source carrierIdentifier custom isRemoved originalPriceSet discountedPriceSet
    currentDiscountedPriceSet taxLines discountAllocations
  `,
  MoneyBag: 'shopMoney presentmentMoney',
  MoneyV2: 'amount currencyCode',
  TaxLine: 'title rate ratePercentage priceSet channelLiable source',
  DiscountAllocation: 'allocatedAmountSet discountApplication',
  DiscountCodeApplication: 'code allocationMethod index targetSelection targetType value',
  ManualDiscountApplication: 'title description allocationMethod index targetSelection targetType value',
  AutomaticDiscountApplication: 'title allocationMethod index targetSelection targetType value',
  ScriptDiscountApplication: 'title allocationMethod index targetSelection targetType value',
  PricingPercentageValue: 'percentage',
  OrderTransaction: `
    id kind status gateway formattedGateway amountSet maximumRefundableV2 totalUnsettledSet
    createdAt processedAt test errorCode authorizationCode paymentId accountNumber
    manualPaymentGateway parentTransaction order
  `,
  Job: 'id done query',
};

const refundsAndReturns: SchemaSelection = {
  Refund: `
    id legacyResourceId note createdAt updatedAt order return totalRefundedSet refundLineItems
    refundShippingLines orderAdjustments transactions
  `,
  RefundLineItem: 'id lineItem location quantity restockType restocked priceSet subtotalSet totalTaxSet',
  RefundShippingLine: 'id shippingLine subtotalAmountSet taxAmountSet',
  OrderAdjustment: 'id amountSet taxAmountSet reason',
  SuggestedRefund: `
    amountSet maximumRefundableSet subtotalSet discountedSubtotalSet totalTaxSet
    totalCartDiscountAmountSet totalDutiesSet refundLineItems shipping suggestedTransactions
  `,
  ShippingRefund: 'amountSet maximumRefundableSet taxSet',
  SuggestedOrderTransaction:
    'kind gateway formattedGateway accountNumber amountSet maximumRefundableSet parentTransaction',
  Return: `
    id name status order totalQuantity decline returnLineItems reverseFulfillmentOrders refunds
    exchangeLineItems
  `,
  ExchangeLineItem: 'id lineItem',
  ReturnDecline: 'reason note',
  ReturnLineItem: `
    id quantity refundableQuantity refundedQuantity returnReason returnReasonNote customerNote
    fulfillmentLineItem withCodeDiscountedTotalPriceSet
  `,
  ReverseFulfillmentOrder: 'id status order lineItems',
  ReverseFulfillmentOrderLineItem: 'id totalQuantity fulfillmentLineItem dispositions',
  ReverseFulfillmentOrderDisposition: 'id quantity type location',
};

const fulfilment: SchemaSelection = {
  FulfillmentOrder: `
    id status requestStatus createdAt updatedAt fulfillAt order orderId orderName orderProcessedAt
    assignedLocation destination lineItems fulfillments supportedActions
  `,
  FulfillmentOrderSupportedAction: 'action',
  FulfillmentOrderAssignedLocation: 'name address1 address2 city province zip countryCode phone location',
  FulfillmentOrderDestination:
    'id firstName lastName company address1 address2 city province zip countryCode email phone',
  FulfillmentOrderLineItem: `
    id lineItem totalQuantity remainingQuantity sku productTitle variantTitle vendor
    requiresShipping inventoryItemId variant
  `,
  Fulfillment: `
    id legacyResourceId name status displayStatus createdAt updatedAt deliveredAt inTransitAt
    estimatedDeliveryAt order location totalQuantity requiresShipping trackingInfo
    fulfillmentLineItems fulfillmentOrders
  `,
  FulfillmentTrackingInfo: 'company number url',
  FulfillmentLineItem: 'id lineItem quantity originalTotalSet discountedTotalSet',
};

const edits: SchemaSelection = {
  CalculatedOrder: `
    id originalOrder lineItems addedLineItems shippingLines subtotalLineItemsQuantity
    subtotalPriceSet cartDiscountAmountSet taxLines totalPriceSet totalOutstandingSet
  `,
  CalculatedLineItem: `
    id title sku variantTitle quantity editableQuantity editableQuantityBeforeChanges restockable
    restocking hasStagedLineItemDiscount originalUnitPriceSet discountedUnitPriceSet
    editableSubtotalSet uneditableSubtotalSet variant customAttributes
  `,
  CalculatedShippingLine: 'id title price stagedStatus',
};

const draftOrders: SchemaSelection = {
  DraftOrder: `
    id legacyResourceId name status email note2 tags taxExempt taxesIncluded currencyCode
    presentmentCurrencyCode ready customer billingAddress shippingAddress shippingLine
    appliedDiscount customAttributes lineItems taxLines subtotalPriceSet totalLineItemsPriceSet
    totalDiscountsSet totalShippingPriceSet totalTaxSet totalPriceSet order completedAt createdAt
    updatedAt
  `,
  DraftOrderLineItem: `
    id uuid name title sku variantTitle vendor quantity custom taxable requiresShipping isGiftCard
    appliedDiscount originalUnitPriceSet originalTotalSet discountedTotalSet totalDiscountSet
    taxLines variant product customAttributes
  `,
  DraftOrderAppliedDiscount: 'title description value valueType amountSet',
};

// HTTP endpoints only: EventBridge and Pub/Sub subscriptions are not emulated.
const webhooks: SchemaSelection = {
  WebhookSubscription: `
    id legacyResourceId topic endpoint callbackUrl format includeFields metafieldNamespaces filter
    apiVersion createdAt updatedAt
  `,
  WebhookHttpEndpoint: 'callbackUrl',
  ApiVersion: 'handle displayName supported',
  WebhookSubscriptionCreatePayload: 'webhookSubscription userErrors',
  WebhookSubscriptionUpdatePayload: 'webhookSubscription userErrors',
  WebhookSubscriptionDeletePayload: 'deletedWebhookSubscriptionId userErrors',
};

const bulkOperations: SchemaSelection = {
  BulkOperation: `
    id status type query createdAt completedAt objectCount rootObjectCount fileSize url
    partialDataUrl errorCode
  `,
  BulkOperationUserError: 'field message code',
  BulkOperationRunQueryPayload: 'bulkOperation userErrors',
  BulkOperationCancelPayload: 'bulkOperation userErrors',
};

const payloads: SchemaSelection = {
  UserError: 'field message',
  OrderCreateUserError: 'field message code',
  OrderCancelUserError: 'field message code',
  ReturnUserError: 'field message code',
  OrderCreatePayload: 'order userErrors',
  DraftOrderCreatePayload: 'draftOrder userErrors',
  DraftOrderCompletePayload: 'draftOrder userErrors',
  OrderMarkAsPaidPayload: 'order userErrors',
  FulfillmentCreatePayload: 'fulfillment userErrors',
  FulfillmentTrackingInfoUpdatePayload: 'fulfillment userErrors',
  FulfillmentCreateV2Payload: 'fulfillment userErrors',
  FulfillmentTrackingInfoUpdateV2Payload: 'fulfillment userErrors',
  FulfillmentOrderMovePayload:
    'movedFulfillmentOrder originalFulfillmentOrder remainingFulfillmentOrder userErrors',
  ReturnCreatePayload: 'return userErrors',
  ReturnRequestPayload: 'return userErrors',
  ReturnApproveRequestPayload: 'return userErrors',
  ReturnClosePayload: 'return userErrors',
  OrderEditBeginPayload: 'calculatedOrder userErrors',
  OrderEditSetQuantityPayload: 'calculatedLineItem calculatedOrder userErrors',
  OrderEditAddVariantPayload: 'calculatedLineItem calculatedOrder userErrors',
  OrderEditCommitPayload: 'order userErrors',
  OrderCancelPayload: 'job orderCancelUserErrors userErrors',
  OrderUpdatePayload: 'order userErrors',
  TagsAddPayload: 'node userErrors',
  TagsRemovePayload: 'node userErrors',
  OrderClosePayload: 'order userErrors',
  OrderOpenPayload: 'order userErrors',
  RefundCreatePayload: 'order refund userErrors',
};

export const servedSelection: SchemaSelection = {
  ...roots,
  ...catalogue,
  ...parties,
  ...orders,
  ...refundsAndReturns,
  ...fulfilment,
  ...edits,
  ...draftOrders,
  ...webhooks,
  ...bulkOperations,
  ...payloads,
};
