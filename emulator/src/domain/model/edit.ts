/** An open order edit (GraphQL CalculatedOrder): staged changes applied on commit. */
export interface StagedQuantityChange {
  lineItemId: number;
  quantity: number;
  restock: boolean;
}

export interface StagedAddedVariant {
  /** Id of the CalculatedLineItem, also the id the new LineItem receives on commit. */
  calculatedLineItemId: number;
  variantId: number;
  quantity: number;
  locationId: number | null;
}

export interface OrderEditSession {
  id: number;
  orderId: number;
  quantityChanges: StagedQuantityChange[];
  addedVariants: StagedAddedVariant[];
  committed: boolean;
  createdAt: string;
}
