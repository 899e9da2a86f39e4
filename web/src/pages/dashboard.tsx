import { BarChart, DonutChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { get } from '../api.ts';
import { Loaded, PageTitle } from '../ui.tsx';

interface Dashboard {
  days: { day: string; orders: number; refunds: number }[];
  shops: { code: string; lastSyncAt: string | null; syncLagSeconds: number | null }[];
  apiCost: {
    used: number;
    budget: number;
    unit: string;
    window: string | { seconds: number; since: string };
  };
  errors: Record<string, number>;
}

/** Sync lag, orders and refunds per day, API cost against budget, errors (issue 9 item 8). */
export function DashboardPage() {
  const dashboard = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => get<Dashboard>('/api/dashboard?days=14'),
    refetchInterval: 30_000,
  });
  return (
    <>
      <PageTitle>Dashboard</PageTitle>
      <Loaded query={dashboard}>
        {(d) => (
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Panel title="Orders and refunds per day">
              <BarChart
                h={240}
                data={d.days}
                dataKey="day"
                series={[
                  { name: 'orders', label: 'Orders', color: 'indigo.8' },
                  { name: 'refunds', label: 'Refunds', color: 'orange.9' },
                ]}
                withLegend
              />
            </Panel>
            <Panel title="Sync lag per shop (seconds)">
              <BarChart
                h={240}
                data={d.shops.map((shop) => ({ shop: shop.code, lag: shop.syncLagSeconds ?? 0 }))}
                dataKey="shop"
                series={[{ name: 'lag', label: 'Seconds behind Shopify', color: 'teal.9' }]}
              />
            </Panel>
            <Panel title={`Shopify API cost, ${describeWindow(d.apiCost.window)}`}>
              <Group>
                <DonutChart
                  size={160}
                  thickness={24}
                  data={[
                    { name: 'Used', value: d.apiCost.used, color: 'indigo.8' },
                    { name: 'Left', value: Math.max(0, d.apiCost.budget - d.apiCost.used), color: 'gray.4' },
                  ]}
                  chartLabel={`${Math.round((d.apiCost.used / Math.max(1, d.apiCost.budget)) * 100)}%`}
                />
                <Text size="sm">
                  {d.apiCost.used} of {d.apiCost.budget} {d.apiCost.unit.replaceAll('_', ' ')} used
                </Text>
              </Group>
            </Panel>
            <Panel title="Errors">
              <BarChart
                h={240}
                data={Object.entries(d.errors).map(([kind, count]) => ({
                  kind: words(kind),
                  count: Number(count) || 0,
                }))}
                dataKey="kind"
                series={[{ name: 'count', label: 'Errors', color: 'red.9' }]}
              />
            </Panel>
          </SimpleGrid>
        )}
      </Loaded>
    </>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** "deadLetters" or "dead_letters" -> "dead letters". */
function words(key: string): string {
  return key
    .replaceAll('_', ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

function describeWindow(window: Dashboard['apiCost']['window']): string {
  if (typeof window === 'string') return window;
  const minutes = Math.round(window.seconds / 60);
  return minutes >= 60 && minutes % 60 === 0 ? `last ${minutes / 60} h` : `last ${minutes} min`;
}
