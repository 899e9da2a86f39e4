import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, path } from '../api.ts';
import { useMay } from '../session.ts';
import { DataTable, ErrorAlert, Loaded, formatDateTime } from '../ui.tsx';

/** `POST /api/shops/:code/connection-test` (docs/shops-api.md). */
interface ConnectionTest {
  ok: boolean;
  shop?: { name: string; plan?: string; currency?: string };
  apiVersion?: string;
  missingScopes?: string[];
  latencyMs?: number;
  error?: { code: string; message: string };
}

interface Subscription {
  topic: string;
  callbackUrl?: string;
  status: 'subscribed' | 'missing' | 'unexpected' | string;
}

interface Received {
  topic: string;
  last: string | null;
  accepted: number;
  duplicate: number;
  stale: number;
  ignored: number;
}

interface WebhookStatus {
  address: string | null;
  autoSyncOrders: boolean;
  subscriptions: Subscription[];
  received: Received[];
}

const statusColor: Record<string, string> = { subscribed: 'green', missing: 'red', unexpected: 'orange' };

/** Connection test against Shopify and the shop's webhook status (issue 9 item 2). */
export function ShopConnection({ code }: { code: string }) {
  const mayConfigure = useMay('shop.configure');
  const queryClient = useQueryClient();
  const test = useMutation({
    mutationFn: () => api<ConnectionTest>('POST', path`/api/shops/${code}/connection-test`),
  });
  const webhooks = useQuery({
    queryKey: ['webhooks', code],
    queryFn: () => get<WebhookStatus>(path`/api/shops/${code}/webhooks`),
  });
  const syncWebhooks = useMutation({
    mutationFn: () => api('POST', path`/api/shops/${code}/webhooks/sync`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['webhooks', code] }),
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
        {test.data && <TestResult result={test.data} />}
        {test.error && <ErrorAlert title="Connection failed" error={test.error} />}
      </section>
      <section aria-labelledby="webhook-status">
        <Title order={2} size="h4" id="webhook-status" mb="xs">
          Webhook status
        </Title>
        <Loaded query={webhooks}>
          {(status) => (
            <Stack gap="sm">
              <Text size="sm">
                Address: {status.address ?? 'not set (STOREBRIDGE_PUBLIC_URL)'}; automatic order sync{' '}
                {status.autoSyncOrders ? 'on' : 'off'}.
              </Text>
              {mayConfigure && status.subscriptions.some((s) => s.status !== 'subscribed') && (
                <Group>
                  <Button
                    variant="default"
                    size="xs"
                    loading={syncWebhooks.isPending}
                    onClick={() => syncWebhooks.mutate()}
                  >
                    Sync webhook subscriptions
                  </Button>
                </Group>
              )}
              {syncWebhooks.error && <ErrorAlert error={syncWebhooks.error} />}
              <DataTable<Subscription>
                caption="Shopify webhook subscriptions"
                rows={status.subscriptions}
                rowKey={(row, i) => `${row.topic}-${i}`}
                empty="No webhook subscriptions."
                columns={[
                  { label: 'Topic', render: (row) => row.topic },
                  {
                    label: 'Status',
                    render: (row) => (
                      <Badge color={statusColor[row.status] ?? 'gray'} variant="light">
                        {row.status}
                      </Badge>
                    ),
                  },
                  { label: 'Address', render: (row) => row.callbackUrl ?? '' },
                ]}
              />
              <DataTable<Received>
                caption="Deliveries received per topic"
                rows={status.received}
                rowKey={(row) => row.topic}
                empty="No deliveries received yet."
                columns={[
                  { label: 'Topic', render: (row) => row.topic },
                  { label: 'Last', render: (row) => formatDateTime(row.last) },
                  { label: 'Accepted', render: (row) => row.accepted, numeric: true },
                  { label: 'Duplicates', render: (row) => row.duplicate, numeric: true },
                  { label: 'Stale', render: (row) => row.stale, numeric: true },
                  { label: 'Ignored', render: (row) => row.ignored, numeric: true },
                ]}
              />
            </Stack>
          )}
        </Loaded>
      </section>
    </Stack>
  );
}

function TestResult({ result }: { result: ConnectionTest }) {
  if (!result.ok)
    return (
      <Alert color="red" role="alert" title="Connection failed">
        {result.error ? `${result.error.message} (${result.error.code})` : 'Shopify did not answer.'}
      </Alert>
    );
  return (
    <Alert color="green" role="status" title="Connected">
      <Text size="sm">
        {result.shop?.name ?? 'The shop'}
        {result.shop?.plan ? `, plan ${result.shop.plan}` : ''}
        {result.apiVersion ? `, API ${result.apiVersion}` : ''}
        {result.latencyMs !== undefined ? `, answered in ${result.latencyMs} ms` : ''}.
      </Text>
      {result.missingScopes && result.missingScopes.length > 0 && (
        <Text size="sm">Missing access scopes: {result.missingScopes.join(', ')}</Text>
      )}
    </Alert>
  );
}
