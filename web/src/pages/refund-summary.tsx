import { Card, Loader, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { formatAmount } from '../money.ts';
import type { RefundPreview } from '../refunds.ts';
import { ErrorAlert } from '../ui.tsx';

/** Shopify's calculation of the agent's current choice, refreshed as it changes. */
export function RefundSummary({
  preview,
  enabled,
}: {
  preview: UseQueryResult<RefundPreview>;
  enabled: boolean;
}) {
  return (
    <Card withBorder aria-live="polite" aria-labelledby="refund-summary">
      <Title order={3} size="h5" id="refund-summary" mb="xs">
        Summary (Shopify's calculation)
      </Title>
      {!enabled ? (
        <Text size="sm">Choose items or shipping to refund.</Text>
      ) : preview.isPending || (preview.isFetching && !preview.data) ? (
        <Loader size="sm" aria-label="Calculating" />
      ) : preview.isError ? (
        <ErrorAlert title="This refund is not possible" error={preview.error} />
      ) : (
        <SummaryTable preview={preview.data} />
      )}
    </Card>
  );
}

function SummaryTable({ preview }: { preview: RefundPreview }) {
  const m = (value: string) => formatAmount(value, preview.currency);
  const rows: [string, string][] = [
    ['Items', m(preview.subtotal)],
    ['Discounts', m(preview.discounts)],
    ['Tax', m(preview.tax)],
    ['Shipping', m(preview.shipping)],
    ['Total to refund', m(preview.total)],
    ['Still refundable on the order', m(preview.maximumRefundable)],
  ];
  if (preview.shopCurrency !== preview.currency)
    rows.push([`In the shop's currency`, formatAmount(preview.shopTotal, preview.shopCurrency)]);
  return (
    <Table>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th scope="row">{label}</Table.Th>
            <Table.Td style={{ textAlign: 'right' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
