import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, get, path } from '../api.ts';
import { Loaded, PageTitle, ErrorAlert, formatDateTime } from '../ui.tsx';

interface FixAction {
  label: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

interface AttentionItem {
  kind: string;
  /** Null for a dead-lettered job that names no shop. */
  shopCode: string | null;
  order?: string | { id?: string; name?: string; shopifyOrderId?: string };
  message: string;
  since: string;
  actions: FixAction[];
}

/** Dead-lettered jobs, staging errors, reconcile differences, failed refund imports (issue 9 item 7). */
export function NeedsAttentionPage() {
  const items = useQuery({
    queryKey: ['needs-attention'],
    queryFn: () => get<{ items: AttentionItem[]; counts?: Record<string, number> }>('/api/needs-attention'),
  });
  return (
    <>
      <PageTitle>Needs attention</PageTitle>
      <Loaded query={items}>
        {({ items: rows, counts }) => (
          <Stack>
            {counts && (
              <Group>
                {Object.entries(counts).map(([kind, count]) => (
                  <Badge key={kind} variant="light" color={count > 0 ? 'orange' : 'gray'}>
                    {kind.replaceAll('_', ' ')}: {count}
                  </Badge>
                ))}
              </Group>
            )}
            {rows.length === 0 && <Text>Nothing needs attention.</Text>}
            {rows.map((item, i) => (
              <AttentionCard key={`${item.kind}-${i}`} item={item} />
            ))}
          </Stack>
        )}
      </Loaded>
    </>
  );
}

function AttentionCard({ item }: { item: AttentionItem }) {
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: (action: FixAction) => api(action.method, action.path, action.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['needs-attention'] }),
  });
  const order = typeof item.order === 'string' ? item.order : (item.order?.shopifyOrderId ?? item.order?.id);
  const orderName = typeof item.order === 'string' ? item.order : (item.order?.name ?? order);
  return (
    <Card withBorder component="article" aria-label={`${item.kind.replaceAll('_', ' ')} ${orderName ?? ''}`}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Badge color="orange">{item.kind.replaceAll('_', ' ')}</Badge>
          {item.shopCode && <Text size="sm">Shop {item.shopCode}</Text>}
          {order && item.shopCode && (
            <Anchor component={Link} to={path`/shops/${item.shopCode}/orders/${order}`} size="sm">
              Order {orderName}
            </Anchor>
          )}
        </Group>
        <Text size="sm">since {formatDateTime(item.since)}</Text>
      </Group>
      <Text size="sm" mb="sm">
        {item.message}
      </Text>
      <Group>
        {item.actions.map((action) => (
          <Button
            key={action.label}
            size="xs"
            variant="light"
            loading={run.isPending && run.variables === action}
            onClick={() => run.mutate(action)}
          >
            {action.label}
          </Button>
        ))}
      </Group>
      {run.isSuccess && (
        <Text role="status" size="sm" mt="xs">
          Done.
        </Text>
      )}
      {run.error && <ErrorAlert error={run.error} />}
    </Card>
  );
}
