import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, get, path } from '../api.ts';
import { useMay } from '../session.ts';
import { DataTable, ErrorAlert, Loaded, PageTitle } from '../ui.tsx';
import { SyncPanel } from './sync-progress.tsx';

/** A row of seed 002's "Shopify Orders to Import", with its error. */
interface StagedOrder {
  shopifyOrderId: string;
  name: string;
  financialStatus: string | null;
  fulfillmentStatus: string;
  channel: string | null;
  tags: string[];
  riskLevel: string | null;
  hasError: boolean;
  errorMessage: string | null;
  attempts: number;
}

/** Orders to import (issue 9 item 3): filter, import or retry, delete to exclude, re-import one, sync. */
export function OrdersToImportPage() {
  const code = useParams().code ?? '';
  const maySync = useMay('sync.run');
  const queryClient = useQueryClient();
  const staged = useQuery({
    queryKey: ['orders-to-import', code],
    queryFn: async () =>
      (await get<{ orders: StagedOrder[] }>(path`/api/shops/${code}/orders-to-import`)).orders,
  });
  const [selected, setSelected] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const refresh = async () => {
    setSelected([]);
    await queryClient.invalidateQueries({ queryKey: ['orders-to-import', code] });
  };
  const importOrders = useMutation({
    mutationFn: (orders: string[]) =>
      api<{ results: unknown[] }>('POST', path`/api/shops/${code}/import`, { orders }),
    onSuccess: refresh,
  });
  const exclude = useMutation({
    mutationFn: (orders: string[]) =>
      api('POST', path`/api/shops/${code}/orders-to-import/delete`, { orders }),
    onSuccess: refresh,
  });

  const rows = (staged.data ?? []).filter(
    (row) =>
      (!errorsOnly || row.hasError) &&
      (!status || row.financialStatus === status) &&
      (!search ||
        `${row.name} ${row.tags.join(' ')} ${row.channel ?? ''}`
          .toLowerCase()
          .includes(search.toLowerCase())),
  );
  const statuses = [
    ...new Set((staged.data ?? []).map((row) => row.financialStatus).filter((s): s is string => !!s)),
  ];
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => (on ? [...current, id] : current.filter((x) => x !== id)));
  const failure = importOrders.error ?? exclude.error;

  return (
    <>
      <PageTitle>Orders to import: {code}</PageTitle>
      {maySync && <SyncPanel code={code} />}
      <Group mb="sm" align="end">
        <TextInput
          label="Search"
          placeholder="Order, tag or channel"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
        <Select
          label="Financial status"
          data={statuses}
          value={status}
          onChange={setStatus}
          clearable
          placeholder="Any"
        />
        <Switch
          label="Errors only"
          checked={errorsOnly}
          onChange={(e) => setErrorsOnly(e.currentTarget.checked)}
        />
      </Group>
      {maySync && (
        <Group mb="sm">
          <Button
            disabled={selected.length === 0}
            loading={importOrders.isPending}
            onClick={() => importOrders.mutate(selected)}
          >
            Import selected ({selected.length})
          </Button>
          <Button
            variant="default"
            disabled={!rows.some((row) => row.hasError)}
            onClick={() =>
              importOrders.mutate(rows.filter((row) => row.hasError).map((row) => row.shopifyOrderId))
            }
          >
            Retry orders with errors
          </Button>
          <Button
            color="red"
            variant="outline"
            disabled={selected.length === 0}
            loading={exclude.isPending}
            onClick={() => exclude.mutate(selected)}
          >
            Delete selected (exclude)
          </Button>
        </Group>
      )}
      {importOrders.isSuccess && (
        <Text role="status" size="sm" mb="sm">
          Import ran for {importOrders.data.results.length} order(s).
        </Text>
      )}
      {failure && <ErrorAlert error={failure} />}
      <Loaded query={staged}>
        {() => (
          <DataTable<StagedOrder>
            caption={`${rows.length} order(s) waiting to be imported`}
            rows={rows}
            rowKey={(row) => row.shopifyOrderId}
            empty="No orders waiting to be imported."
            columns={[
              ...(maySync
                ? [
                    {
                      label: 'Select',
                      render: (row: StagedOrder) => (
                        <Checkbox
                          aria-label={`Select order ${row.name}`}
                          checked={selected.includes(row.shopifyOrderId)}
                          onChange={(e) => toggle(row.shopifyOrderId, e.currentTarget.checked)}
                        />
                      ),
                    },
                  ]
                : []),
              { label: 'Order', render: (row) => row.name },
              { label: 'Financial status', render: (row) => row.financialStatus ?? '' },
              { label: 'Fulfillment', render: (row) => row.fulfillmentStatus },
              { label: 'Channel', render: (row) => row.channel ?? '' },
              { label: 'Tags', render: (row) => row.tags.join(', ') },
              { label: 'Risk', render: (row) => row.riskLevel ?? '' },
              {
                label: 'Error',
                render: (row) =>
                  row.hasError ? (
                    <Stack gap={2}>
                      <Badge color="red" variant="filled">
                        Error
                      </Badge>
                      <Text size="sm">{row.errorMessage}</Text>
                    </Stack>
                  ) : (
                    ''
                  ),
              },
              { label: 'Attempts', render: (row) => row.attempts, numeric: true },
              ...(maySync
                ? [
                    {
                      label: 'Action',
                      render: (row: StagedOrder) => (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => importOrders.mutate([row.shopifyOrderId])}
                          aria-label={`${row.hasError ? 'Retry' : 'Import'} ${row.name}`}
                        >
                          {row.hasError ? 'Retry' : 'Import'}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Loaded>
      <FindOrder code={code} maySync={maySync} />
    </>
  );
}

/** Open an imported order, or fetch it again from Shopify (seed 002 "re-import"). */
function FindOrder({ code, maySync }: { code: string; maySync: boolean }) {
  const [order, setOrder] = useState('');
  const reimport = useMutation({
    mutationFn: () => api('POST', path`/api/shops/${code}/orders/${order}/reimport`),
  });
  return (
    <section aria-labelledby="one-order">
      <Title order={2} size="h4" id="one-order" mt="xl" mb="xs">
        One order
      </Title>
      <Group align="end">
        <TextInput
          label="Order (name, id or GID)"
          placeholder="#1001"
          value={order}
          onChange={(e) => setOrder(e.currentTarget.value)}
        />
        <Anchor
          component={Link}
          to={order ? path`/shops/${code}/orders/${order}` : '#'}
          aria-disabled={!order}
        >
          Open the order
        </Anchor>
        {maySync && (
          <Button
            variant="default"
            disabled={!order}
            loading={reimport.isPending}
            onClick={() => reimport.mutate()}
          >
            Re-import from Shopify
          </Button>
        )}
      </Group>
      {reimport.isSuccess && (
        <Text role="status" size="sm">
          Order {order} was fetched again from Shopify.
        </Text>
      )}
      {reimport.error && <ErrorAlert error={reimport.error} />}
    </section>
  );
}
