import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { path } from '../api.ts';
import { humanize } from '../shopify-order.ts';
import { DataTable, formatDateTime } from '../ui.tsx';

/** Where one Shopify refund stands in the books (GET …/orders/:id `refundImports`). */
export interface RefundImport {
  shopifyRefundId: string;
  createdAt: string;
  status: string;
  statusReason: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  attempts: number;
  documentNos: string[];
}

/** "gid://shopify/Refund/123" -> "Refund 123": the number an operator finds in Shopify's admin. */
function refundLabel(id: string): string {
  return `Refund ${id.split('/').pop() ?? id}`;
}

export function RefundImports({ code, refunds }: { code: string; refunds: RefundImport[] }) {
  return (
    <DataTable<RefundImport>
      caption="Refunds and where each stands"
      rows={refunds}
      rowKey={(row) => row.shopifyRefundId}
      columns={[
        { label: 'Shopify refund', render: (row) => refundLabel(row.shopifyRefundId) },
        { label: 'Date', render: (row) => formatDateTime(row.createdAt) },
        {
          label: 'Status',
          render: (row) => (
            <Text size="sm" fw={600}>
              {humanize(row.status)}
            </Text>
          ),
        },
        { label: 'Error', render: (row) => <RefundProblem refund={row} /> },
        {
          label: 'Documents',
          render: (row) => (
            <Group gap={6}>
              {row.documentNos.map((no) => (
                <Anchor key={no} component={Link} to={path`/shops/${code}/documents/${no}`}>
                  {no}
                </Anchor>
              ))}
            </Group>
          ),
        },
      ]}
    />
  );
}

/** Why the refund is not in the books yet: its error (and how often it was tried) or its reason. */
function RefundProblem({ refund }: { refund: RefundImport }) {
  const message = refund.errorMessage ?? humanize(refund.statusReason);
  if (!message) return null;
  return (
    <Text size="sm">
      {message}
      {refund.errorCode ? ` (${refund.errorCode}` : ''}
      {refund.errorCode && refund.attempts > 1
        ? `, ${refund.attempts} attempts)`
        : refund.errorCode
          ? ')'
          : ''}
    </Text>
  );
}
