import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, get, path } from '../api.ts';
import { documentTypeName, useDocuments, type SalesDocument } from '../documents.ts';
import { formatAmount } from '../money.ts';
import { useMay } from '../session.ts';
import { DataTable, ErrorAlert, Loaded, PageTitle, formatDateTime } from '../ui.tsx';
import { CancelDialog } from './cancel-dialog.tsx';
import type { ShopifyOrder } from '../shopify-order.ts';
import { OrderSections, type PayloadVersion } from './order-sections.tsx';
import { OrderSummary } from './order-summary.tsx';
import { RefundDialog } from './refund-dialog.tsx';
import { RefundImports, type RefundImport } from './refund-imports.tsx';

/** The order as the API shows it: the mirror's summary and, when given, Shopify's full picture. */
export interface OrderPicture {
  shopifyOrderId: string;
  name: string;
  processed: boolean;
  conflict: boolean;
  conflictMessage: string | null;
  financialStatus: string | null;
  fulfillmentStatus: string;
  cancelledAt: string | null;
  documentNos?: string[];
  /** Shopify's order as storebridge mapped it: lines, transactions, shipping, risk, tags, ... */
  shopify?: ShopifyOrder;
  payloadVersions?: PayloadVersion[];
  documents?: SalesDocument[];
  refundImports?: RefundImport[];
  reconciliation?: { status: string; differences: Finding[]; expected: Finding[] };
  [section: string]: unknown;
}

/** One Shopify order beside the documents it produced (issue 9 item 4). */
export function OrderPage() {
  const { code = '', order = '' } = useParams();
  const picture = useQuery({
    queryKey: ['order', code, order],
    queryFn: () => get<OrderPicture>(path`/api/shops/${code}/orders/${order}`),
  });
  const [dialog, setDialog] = useState<'refund' | 'cancel' | null>(null);
  const mayRefund = useMay('refund.create');
  const mayCancel = useMay('order.cancel');
  return (
    <>
      <PageTitle>Order {picture.data?.name ?? decodeURIComponent(order)}</PageTitle>
      <Loaded query={picture}>
        {(o) => (
          <>
            {o.conflict && <ConflictBanner code={code} order={o} />}
            <Group mb="md">
              <Badge color={o.processed ? 'green' : 'gray'} tt="none">
                {o.processed ? 'In the books' : 'Not in the books yet'}
              </Badge>
              {o.cancelledAt && (
                <Badge color="red" tt="none">
                  Cancelled {formatDateTime(o.cancelledAt)}
                </Badge>
              )}
              {mayRefund && (
                <Button size="sm" onClick={() => setDialog('refund')} disabled={!!o.cancelledAt}>
                  Refund…
                </Button>
              )}
              {mayCancel && !o.cancelledAt && (
                <Button size="sm" color="red" variant="outline" onClick={() => setDialog('cancel')}>
                  Cancel order…
                </Button>
              )}
            </Group>
            <OrderSummary
              order={o.shopify ?? { name: o.name }}
              financialStatus={o.financialStatus}
              fulfillmentStatus={o.fulfillmentStatus}
            />
            <Grid mt="md">
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <InShopify picture={o} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <OrderDocuments code={code} order={o.shopifyOrderId} />
                <Reconciliation code={code} order={o.shopifyOrderId} />
                {o.refundImports && o.refundImports.length > 0 && (
                  <section aria-labelledby="refund-imports">
                    <Title order={2} size="h4" id="refund-imports" mt="lg" mb="xs">
                      Refunds in the books
                    </Title>
                    <RefundImports code={code} refunds={o.refundImports} />
                  </section>
                )}
              </Grid.Col>
            </Grid>
            {dialog === 'refund' && <RefundDialog code={code} order={o} onClose={() => setDialog(null)} />}
            {dialog === 'cancel' && <CancelDialog code={code} order={o} onClose={() => setDialog(null)} />}
          </>
        )}
      </Loaded>
    </>
  );
}

/** Shopify's side: lines, payments, shipping, ..., then each payload version Shopify sent. */
function InShopify({ picture }: { picture: OrderPicture }) {
  return (
    <section aria-labelledby="shopify-order">
      <Title order={2} size="h4" id="shopify-order" mb="xs">
        In Shopify
      </Title>
      <OrderSections order={picture.shopify ?? {}} versions={picture.payloadVersions ?? []} />
    </section>
  );
}

function OrderDocuments({ code, order }: { code: string; order: string }) {
  const documents = useDocuments(code, order);
  return (
    <section aria-labelledby="order-documents">
      <Title order={2} size="h4" id="order-documents" mb="xs">
        Back-office documents
      </Title>
      <Loaded query={documents}>
        {(rows) => (
          <DataTable<SalesDocument>
            caption="Documents this order produced"
            rows={rows}
            rowKey={(row) => row.id}
            empty="No documents yet."
            columns={[
              { label: 'Type', render: (row) => documentTypeName(row.type) },
              {
                label: 'No.',
                render: (row) =>
                  row.number ? (
                    <Anchor component={Link} to={path`/shops/${code}/documents/${row.number}`}>
                      {row.number}
                    </Anchor>
                  ) : (
                    '(draft)'
                  ),
              },
              { label: 'Status', render: (row) => row.status },
              {
                label: 'Amount incl. tax',
                render: (row) => formatAmount(row.amountIncludingTax, row.currency),
                numeric: true,
              },
            ]}
          />
        )}
      </Loaded>
    </section>
  );
}

interface Finding {
  cause: string;
  message: string;
}

function Reconciliation({ code, order }: { code: string; order: string }) {
  const result = useQuery({
    queryKey: ['reconcile', code, order],
    queryFn: () =>
      get<{
        summary: { differences: number; expected: number };
        differences: Finding[];
        expected: Finding[];
      }>(`${path`/api/shops/${code}/reconcile`}?order=${encodeURIComponent(order)}`),
  });
  return (
    <section aria-labelledby="reconciliation">
      <Title order={2} size="h4" id="reconciliation" mt="lg" mb="xs">
        Reconciliation with Shopify
      </Title>
      <Loaded query={result}>
        {(r) => (
          <Stack gap="xs">
            {r.summary.differences === 0 ? (
              <Alert color="green" title="In step">
                The books agree with Shopify for this order.
              </Alert>
            ) : (
              <Alert color="orange" title={`${r.summary.differences} difference(s)`}>
                {r.differences.map((d, i) => (
                  <Text size="sm" key={i}>
                    {d.message}
                  </Text>
                ))}
              </Alert>
            )}
            {r.expected.map((d, i) => (
              <Text size="sm" key={i}>
                Expected: {d.message}
              </Text>
            ))}
          </Stack>
        )}
      </Loaded>
    </section>
  );
}

/** seed 002: an order edited in Shopify after its documents were made; unlink or re-import. */
function ConflictBanner({ code, order }: { code: string; order: OrderPicture }) {
  const maySync = useMay('sync.run');
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: (action: 'unlink' | 'reimport') =>
      api('POST', path`/api/shops/${code}/orders/${order.shopifyOrderId}/${action}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['order', code] }),
  });
  return (
    <Alert color="orange" title="Conflict" role="alert" mb="md">
      <Text size="sm">{order.conflictMessage ?? 'The order changed in Shopify after it was processed.'}</Text>
      {maySync && (
        <Group mt="sm">
          <Button size="xs" variant="white" onClick={() => act.mutate('unlink')} loading={act.isPending}>
            Unlink documents
          </Button>
          <Button size="xs" onClick={() => act.mutate('reimport')} loading={act.isPending}>
            Re-import
          </Button>
        </Group>
      )}
      {act.error && <ErrorAlert error={act.error} />}
    </Alert>
  );
}
