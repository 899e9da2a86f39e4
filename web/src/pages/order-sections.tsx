import { Accordion, Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import {
  addressLine,
  formatBag,
  humanize,
  type Fulfillment,
  type MoneyBag,
  type OrderLine,
  type Refund,
  type Return,
  type ShippingLine,
  type ShopifyOrder,
  type Transaction,
} from '../shopify-order.ts';
import { captionStyle, DataTable, formatDateTime, Raw } from '../ui.tsx';

export interface PayloadVersion {
  updatedAt: string;
  receivedAt: string;
  payload: unknown;
}

interface Section {
  key: string;
  title: string;
  count: number;
  body: ReactNode;
}

/** Shopify's side of the order, one collapsible section each; lines and transactions open. */
export function OrderSections({ order, versions }: { order: ShopifyOrder; versions: PayloadVersion[] }) {
  const lines = order.lines ?? [];
  const attributes = order.customAttributes ?? [];
  const sections: Section[] = [
    { key: 'lines', title: 'Lines', count: lines.length, body: <Lines lines={lines} /> },
    transactionsSection(order.transactions ?? []),
    shippingSection(order.shippingLines ?? []),
    fulfillmentsSection(order.fulfillments ?? [], lines),
    refundsSection(order.refunds ?? []),
    returnsSection(order.returns ?? []),
    { key: 'addresses', title: 'Addresses', count: -1, body: <Addresses order={order} /> },
    {
      key: 'attributes',
      title: 'Custom attributes',
      count: attributes.length,
      body: (
        <DataTable
          caption="Custom attributes"
          rows={attributes}
          rowKey={(row) => row.key}
          empty="No custom attributes."
          columns={[
            { label: 'Name', render: (row) => row.key },
            { label: 'Value', render: (row) => row.value ?? '' },
          ]}
        />
      ),
    },
    {
      key: 'versions',
      title: 'Payload versions',
      count: versions.length,
      body: <Versions versions={versions} />,
    },
  ];
  return (
    <Accordion multiple defaultValue={['lines', 'transactions']}>
      {sections.map((section) => (
        <Accordion.Item key={section.key} value={section.key}>
          <Accordion.Control>
            {section.title}
            {section.count >= 0 ? ` (${section.count})` : ''}
          </Accordion.Control>
          <Accordion.Panel>{section.body}</Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

function Lines({ lines }: { lines: OrderLine[] }) {
  return (
    <DataTable<OrderLine>
      caption="Order lines"
      rows={lines}
      rowKey={(row) => row.shopifyId}
      empty="No lines."
      columns={[
        { label: 'SKU', render: (row) => row.sku ?? '' },
        { label: 'Title', render: (row) => [row.title, row.variantTitle].filter(Boolean).join(' – ') },
        { label: 'Quantity', render: (row) => quantity(row), numeric: true },
        { label: 'Unit price', render: (row) => formatBag(row.unitPrice), numeric: true },
        { label: 'Tax', render: (row) => (row.taxLines ?? []).map(taxLabel).join(', ') },
        { label: 'Unfulfilled', render: (row) => row.unfulfilledQuantity, numeric: true },
      ]}
    />
  );
}

/** "2" or, after a refund or an edit, "1 of 2". */
function quantity(line: OrderLine): string {
  return line.currentQuantity === line.quantity
    ? String(line.quantity)
    : `${line.currentQuantity} of ${line.quantity}`;
}

function taxLabel(tax: { title: string; rate: string | null; amount: MoneyBag }) {
  const rate = tax.rate === null ? '' : ` ${Number(tax.rate) * 100}%`;
  return `${tax.title}${rate}: ${formatBag(tax.amount)}`;
}

function transactionsSection(transactions: Transaction[]): Section {
  const body = (
    <DataTable<Transaction>
      caption="Payment transactions"
      rows={transactions}
      rowKey={(row) => row.shopifyId}
      empty="No transactions."
      columns={[
        { label: 'Kind', render: (row) => humanize(row.kind) + (row.test ? ' (test)' : '') },
        { label: 'Status', render: (row) => humanize(row.status) },
        { label: 'Gateway', render: (row) => row.gateway ?? '' },
        { label: 'Amount', render: (row) => formatBag(row.amount), numeric: true },
        { label: 'Processed', render: (row) => formatDateTime(row.processedAt) },
      ]}
    />
  );
  return { key: 'transactions', title: 'Transactions', count: transactions.length, body };
}

function shippingSection(shipping: ShippingLine[]): Section {
  const body = (
    <DataTable<ShippingLine>
      caption="Shipping charges"
      rows={shipping}
      rowKey={(row, i) => row.shopifyId ?? String(i)}
      empty="No shipping charges."
      columns={[
        { label: 'Method', render: (row) => row.title + (row.isRemoved ? ' (removed)' : '') },
        { label: 'Code', render: (row) => row.code ?? '' },
        { label: 'Price', render: (row) => formatBag(row.price), numeric: true },
        { label: 'After discounts', render: (row) => formatBag(row.discountedPrice), numeric: true },
      ]}
    />
  );
  return { key: 'shipping', title: 'Shipping', count: shipping.length, body };
}

function fulfillmentsSection(fulfillments: Fulfillment[], lines: OrderLine[]): Section {
  const skuOf = new Map(lines.map((line) => [line.shopifyId, line.sku ?? line.title]));
  const body = (
    <DataTable<Fulfillment>
      caption="Fulfillments"
      rows={fulfillments}
      rowKey={(row) => row.shopifyId}
      empty="Nothing shipped yet."
      columns={[
        { label: 'Created', render: (row) => formatDateTime(row.createdAt) },
        { label: 'Status', render: (row) => humanize(row.status) },
        {
          label: 'Items',
          render: (row) =>
            row.lines.map((l) => `${l.quantity} × ${skuOf.get(l.lineShopifyId) ?? '?'}`).join(', '),
        },
        { label: 'Tracking', render: (row) => <Tracking fulfillment={row} /> },
      ]}
    />
  );
  return { key: 'fulfillments', title: 'Fulfillments', count: fulfillments.length, body };
}

function Tracking({ fulfillment: f }: { fulfillment: Fulfillment }) {
  const label = [f.trackingCompany, f.trackingNumber].filter(Boolean).join(' ');
  if (!f.trackingUrl) return label;
  return (
    <Anchor href={f.trackingUrl} target="_blank" rel="noreferrer">
      {label || 'Track the parcel'}
    </Anchor>
  );
}

function refundsSection(refunds: Refund[]): Section {
  const body = (
    <DataTable<Refund>
      caption="Refunds in Shopify"
      rows={refunds}
      rowKey={(row) => row.shopifyId}
      empty="No refunds."
      columns={[
        { label: 'Created', render: (row) => formatDateTime(row.createdAt) },
        {
          label: 'Items',
          render: (row) => row.lines.reduce((sum, line) => sum + line.quantity, 0),
          numeric: true,
        },
        {
          label: 'Restock',
          render: (row) => [...new Set(row.lines.map((l) => humanize(l.restockType)))].join(', '),
        },
        { label: 'Refunded', render: (row) => formatBag(row.totalRefunded), numeric: true },
        { label: 'Note', render: (row) => row.note ?? '' },
      ]}
    />
  );
  return { key: 'refunds', title: 'Refunds', count: refunds.length, body };
}

function returnsSection(returns: Return[]): Section {
  const body = (
    <DataTable<Return>
      caption="Returns"
      rows={returns}
      rowKey={(row) => row.shopifyId}
      empty="No returns."
      columns={[
        { label: 'Return', render: (row) => row.name },
        { label: 'Status', render: (row) => humanize(row.status) },
        {
          label: 'Items',
          render: (row) => row.lines.reduce((sum, line) => sum + line.quantity, 0),
          numeric: true,
        },
        {
          label: 'Reasons',
          render: (row) =>
            row.lines
              .map((l) => l.reasonNote)
              .filter(Boolean)
              .join('; '),
        },
      ]}
    />
  );
  return { key: 'returns', title: 'Returns', count: returns.length, body };
}

function Addresses({ order }: { order: ShopifyOrder }) {
  const rows: [string, string][] = [
    ['Billing', addressLine(order.billingAddress)],
    ['Shipping', addressLine(order.shippingAddress)],
    ['Phone', order.phone ?? ''],
  ];
  return (
    <Table captionSide="top">
      <Table.Caption style={captionStyle}>Addresses</Table.Caption>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row">{label}</Table.Th>
            <Table.Td>{value || 'none'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Every payload Shopify sent for the order, newest first; each opens on demand (they are long). */
function Versions({ versions }: { versions: PayloadVersion[] }) {
  if (versions.length === 0) return <Text c="gray.8">No payloads kept.</Text>;
  return (
    <Accordion variant="separated">
      {versions.map((version, i) => (
        <Accordion.Item key={`${version.updatedAt}-${i}`} value={String(i)}>
          <Accordion.Control>
            Updated in Shopify {formatDateTime(version.updatedAt)}, received{' '}
            {formatDateTime(version.receivedAt)}
          </Accordion.Control>
          <Accordion.Panel>
            <Raw value={version.payload} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}
