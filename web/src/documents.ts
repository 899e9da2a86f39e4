import { useQuery } from '@tanstack/react-query';
import { get, path } from './api.ts';

/** docs/order-import.md "Document JSON": money as decimal strings in `currency`. */
export interface DocumentLine {
  lineNo: number;
  type: string;
  no: string | null;
  description: string;
  quantity: string | number;
  unitPrice: string;
  lineDiscount: string;
  amount: string;
  taxAmount: string;
  locationCode: string | null;
}

export interface SalesDocument {
  id: string;
  type: string;
  number: string | null;
  status: string;
  shopifyOrderId: string;
  shopifyOrderName: string;
  customerNo: string;
  currency: string;
  documentDate: string;
  lines: DocumentLine[];
  amount: string;
  taxAmount: string;
  amountIncludingTax: string;
  [detail: string]: unknown;
}

export const documentTypeNames: Record<string, string> = {
  sales_order: 'Sales order',
  sales_invoice: 'Sales invoice',
  cash_sale: 'Cash sale',
  credit_memo: 'Credit memo',
  inventory_credit_memo: 'Inventory credit memo',
  customer_refund: 'Customer refund',
};

export const documentTypeName = (type: string) => documentTypeNames[type] ?? type.replaceAll('_', ' ');

/** `GET /api/shops/:code/documents[?order=]`. */
export function useDocuments(code: string, order?: string) {
  return useQuery({
    queryKey: ['documents', code, order ?? null],
    queryFn: async () => {
      const query = order ? `?order=${encodeURIComponent(order)}` : '';
      return (await get<{ documents: SalesDocument[] }>(`${path`/api/shops/${code}/documents`}${query}`))
        .documents;
    },
  });
}
