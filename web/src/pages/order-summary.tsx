import { Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { customerName, formatBag, humanize, type ShopifyOrder, type TotalName } from '../shopify-order.ts';
import { captionStyle, formatDateTime } from '../ui.tsx';

const totalLabels: [TotalName, string][] = [
  ['subtotal', 'Subtotal'],
  ['totalDiscounts', 'Discounts'],
  ['totalShipping', 'Shipping'],
  ['totalTax', 'Tax'],
  ['totalPrice', 'Total'],
  ['totalRefunded', 'Refunded'],
  ['totalOutstanding', 'Outstanding'],
];

const riskColors: Record<string, string> = { low: 'green', medium: 'orange', high: 'red' };

/** The order at a glance: who, where from, when, its statuses, tags, note and totals. */
export function OrderSummary({
  order,
  financialStatus,
  fulfillmentStatus,
}: {
  order: ShopifyOrder;
  financialStatus: string | null;
  fulfillmentStatus: string;
}) {
  const customer = customerName(order);
  const email = order.email ?? order.customer?.email ?? '';
  const facts: [string, string][] = [
    ['Order', order.name ?? ''],
    ['Customer', customer],
    ['Email', email === customer ? '' : email],
    ['Company', order.company?.name ?? ''],
    ['Channel', order.channel ?? order.sourceName ?? ''],
    ['Created', formatDateTime(order.createdAt)],
    ['Processed', formatDateTime(order.processedAt)],
    ['Closed', formatDateTime(order.closedAt)],
    ['Cancel reason', humanize(order.cancelReason)],
  ];
  const shown = facts.filter(([, value]) => value !== '');
  return (
    <Stack gap="xs">
      <Group gap="xs" aria-label="Statuses in Shopify" role="group">
        <Badge variant="light" color="blue" tt="none">
          Payment: {humanize(financialStatus) || 'none'}
        </Badge>
        <Badge variant="light" color="grape" tt="none">
          Fulfillment: {humanize(fulfillmentStatus)}
        </Badge>
        {order.riskLevel && (
          <Badge variant="light" color={riskColors[order.riskLevel] ?? 'gray'} tt="none">
            Risk: {humanize(order.riskLevel)}
          </Badge>
        )}
        {order.test && <Badge color="yellow">Test order</Badge>}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Table captionSide="top">
          <Table.Caption style={captionStyle}>The order</Table.Caption>
          <Table.Tbody>
            {shown.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row">{label}</Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Totals order={order} />
      </SimpleGrid>
      {order.tags && order.tags.length > 0 && (
        <Group gap={4} role="group" aria-label="Tags">
          <Text size="sm" fw={600}>
            Tags:
          </Text>
          {order.tags.map((tag) => (
            <Badge key={tag} variant="outline" color="gray.8" tt="none">
              {tag}
            </Badge>
          ))}
        </Group>
      )}
      {order.note && (
        <Text size="sm">
          <Text span fw={600}>
            Note:{' '}
          </Text>
          {order.note}
        </Text>
      )}
    </Stack>
  );
}

function Totals({ order }: { order: ShopifyOrder }) {
  const rows = totalLabels.filter(([key]) => order.totals?.[key]);
  return (
    <Table captionSide="top">
      <Table.Caption style={captionStyle}>
        Totals{order.taxesIncluded ? ' (prices include tax)' : ''}
      </Table.Caption>
      <Table.Tbody>
        {rows.map(([key, label]) => (
          <Table.Tr key={key}>
            <Table.Th scope="row" fw={key === 'totalPrice' ? 700 : undefined}>
              {label}
            </Table.Th>
            <Table.Td style={{ textAlign: 'right' }} fw={key === 'totalPrice' ? 700 : undefined}>
              {formatBag(order.totals?.[key])}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
