import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, get, path } from '../api.ts';
import { useMay } from '../session.ts';
import { DataTable, ErrorAlert, Loaded, formatDateTime } from '../ui.tsx';

interface Subscription {
  topic: string;
  address?: string;
  format?: string;
  status?: string;
  lastDeliveryAt?: string | null;
  [detail: string]: unknown;
}

/** Connection test against Shopify and the shop's webhook subscriptions (issue 9 item 2). */
export function ShopConnection({ code }: { code: string }) {
  const mayConfigure = useMay('shop.configure');
  const test = useMutation({
    mutationFn: () => api<Record<string, unknown>>('POST', path`/api/shops/${code}/connection-test`),
  });
  const webhooks = useQuery({
    queryKey: ['webhooks', code],
    queryFn: async () => {
      const answer = await get<
        { subscriptions?: Subscription[]; webhooks?: Subscription[] } | Subscription[]
      >(path`/api/shops/${code}/webhooks`);
      return Array.isArray(answer)
        ? { subscriptions: answer }
        : { ...answer, subscriptions: answer.subscriptions ?? answer.webhooks ?? [] };
    },
  });
  return (
    <Stack>
      <section aria-labelledby="connection-test">
        <Title order={2} size="h4" id="connection-test" mb="xs">
          Connection test
        </Title>
        {mayConfigure ? (
          <Button onClick={() => test.mutate()} loading={test.isPending} mb="sm">
            Test the connection
          </Button>
        ) : (
          <Text size="sm">Your role may not test the connection.</Text>
        )}
        {test.isSuccess && (
          <Alert
            color={test.data.ok === false ? 'red' : 'green'}
            role="status"
            title={test.data.ok === false ? 'Connection failed' : 'Connected'}
          >
            {String(test.data.message ?? test.data.shopName ?? test.data.name ?? 'Shopify answered.')}
          </Alert>
        )}
        {test.error && <ErrorAlert title="Connection failed" error={test.error} />}
      </section>
      <section aria-labelledby="webhook-status">
        <Title order={2} size="h4" id="webhook-status" mb="xs">
          Webhook status
        </Title>
        <Loaded query={webhooks}>
          {(answer) => (
            <>
              {Object.entries(answer)
                .filter(([key, value]) => key !== 'subscriptions' && typeof value !== 'object')
                .map(([key, value]) => (
                  <Text size="sm" key={key}>
                    {key}: {String(value)}
                  </Text>
                ))}
              <DataTable<Subscription>
                caption="Shopify webhook subscriptions"
                rows={answer.subscriptions}
                rowKey={(row, i) => `${row.topic}-${i}`}
                empty="No webhook subscriptions."
                columns={[
                  { label: 'Topic', render: (row) => row.topic },
                  { label: 'Address', render: (row) => row.address ?? '' },
                  { label: 'Status', render: (row) => row.status ?? '' },
                  { label: 'Last delivery', render: (row) => formatDateTime(row.lastDeliveryAt) },
                ]}
              />
            </>
          )}
        </Loaded>
      </section>
    </Stack>
  );
}
