/** REST `POST /orders.json` body (`order` object), as Shopify documents it. Amounts: decimal string or number. */
export type DecimalInput = string | number;

export interface RestAddressInput {
  first_name?: string | null;
  last_name?: string | null;
  name?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  province_code?: string | null;
  country?: string | null;
  country_code?: string | null;
  zip?: string | null;
  phone?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface RestTaxLineInput {
  price?: DecimalInput;
  rate?: DecimalInput;
  title?: string;
  channel_liable?: boolean | null;
}

export interface RestDiscountAllocationInput {
  amount: DecimalInput;
  discount_application_index: number;
}

export interface RestDutyInput {
  id?: number;
  price: DecimalInput;
  harmonized_system_code?: string | null;
  country_code_of_origin?: string | null;
}

export interface RestLineItemInput {
  id?: number;
  variant_id?: number | null;
  product_id?: number | null;
  title?: string;
  variant_title?: string | null;
  name?: string;
  sku?: string | null;
  vendor?: string | null;
  quantity: number;
  price?: DecimalInput;
  grams?: number | string;
  taxable?: boolean;
  requires_shipping?: boolean;
  gift_card?: boolean;
  fulfillment_service?: string;
  properties?: { name: string; value: string }[];
  tax_lines?: RestTaxLineInput[];
  discount_allocations?: RestDiscountAllocationInput[];
  duties?: RestDutyInput[];
}

export interface RestShippingLineInput {
  id?: number;
  title?: string;
  code?: string | null;
  source?: string;
  carrier_identifier?: string | null;
  price: DecimalInput;
  tax_lines?: RestTaxLineInput[];
  discount_allocations?: RestDiscountAllocationInput[];
}

export interface RestTransactionInput {
  id?: number;
  kind: string;
  status?: string;
  amount?: DecimalInput;
  gateway?: string;
  parent_id?: number | null;
  authorization?: string | null;
  currency?: string;
  test?: boolean;
  created_at?: string;
  processed_at?: string;
  source_name?: string;
  receipt?: Record<string, unknown>;
  payment_details?: {
    credit_card_bin?: string | null;
    credit_card_company?: string | null;
    credit_card_number?: string | null;
  };
}

export interface RestDiscountCodeInput {
  code: string;
  amount: DecimalInput;
  type?: 'fixed_amount' | 'percentage' | 'shipping';
}

export interface RestDiscountApplicationInput {
  target_type?: 'line_item' | 'shipping_line';
  type?: 'discount_code' | 'manual' | 'script' | 'automatic';
  value: string;
  value_type?: 'fixed_amount' | 'percentage';
  allocation_method?: 'across' | 'each' | 'one';
  target_selection?: 'all' | 'entitled' | 'explicit';
  code?: string | null;
  title?: string | null;
  description?: string | null;
}

export interface RestOrderInput {
  id?: number;
  number?: number;
  name?: string;
  email?: string | null;
  phone?: string | null;
  line_items: RestLineItemInput[];
  shipping_lines?: RestShippingLineInput[];
  transactions?: RestTransactionInput[];
  discount_codes?: RestDiscountCodeInput[];
  /** Explicit applications with per-line `discount_allocations` (import of existing orders). */
  discount_applications?: RestDiscountApplicationInput[];
  tax_lines?: RestTaxLineInput[];
  total_tax?: DecimalInput;
  taxes_included?: boolean;
  tax_exempt?: boolean;
  currency?: string;
  presentment_currency?: string;
  /** Emulator extension: presentment -> shop rate. Default: shop.exchangeRates or "1". */
  exchange_rate?: string;
  customer?: { id?: number; first_name?: string; last_name?: string; email?: string; phone?: string } | null;
  company_id?: number | null;
  billing_address?: RestAddressInput | null;
  shipping_address?: RestAddressInput | null;
  financial_status?: string;
  fulfillment_status?: string | null;
  fulfillments?: { location_id?: number; tracking_number?: string; tracking_company?: string }[];
  source_name?: string;
  tags?: string | string[];
  note?: string | null;
  note_attributes?: { name: string; value: string }[];
  processed_at?: string;
  created_at?: string;
  test?: boolean;
  gateway?: string;
  inventory_behaviour?: 'bypass' | 'decrement_ignoring_policy' | 'decrement_obeying_policy';
  buyer_accepts_marketing?: boolean;
  send_receipt?: boolean;
  send_fulfillment_receipt?: boolean;
  /** Emulator extension: tip received with the order (Shopify's total_tip_received). */
  total_tip_received?: DecimalInput;
  risk_level?: 'LOW' | 'MEDIUM' | 'HIGH';
  location_id?: number | null;
  [extra: string]: unknown;
}
