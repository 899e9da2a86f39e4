import { describe, expect, it } from 'vitest';
import { createMetrics, noopMetrics, shopifyObserver } from './metrics.ts';

/** The exposition's sample lines (no # HELP / # TYPE). */
async function samples(metrics: ReturnType<typeof createMetrics>): Promise<string[]> {
  const { body } = await metrics.render();
  return body.split('\n').filter((line) => line.startsWith('storebridge_'));
}

describe('storebridge metrics', () => {
  it('counts what is recorded, each registry on its own', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const other = createMetrics({ processMetrics: false });
    metrics.webhookReceipt('orders/create', 'accepted');
    metrics.webhookReceipt('orders/create', 'accepted');
    metrics.webhookReceipt('refunds/create', 'duplicate');
    metrics.importError('WEB', 'item_not_found');
    const observer = shopifyObserver(metrics, 'WEB');
    observer.request('ok', 42);
    observer.request('throttled', 0);
    observer.waited(1500);

    const lines = await samples(metrics);
    expect(lines).toEqual(
      expect.arrayContaining([
        'storebridge_webhook_receipts_total{topic="orders/create",outcome="accepted"} 2',
        'storebridge_webhook_receipts_total{topic="refunds/create",outcome="duplicate"} 1',
        'storebridge_import_errors_total{shop="WEB",code="item_not_found"} 1',
        'storebridge_shopify_requests_total{shop="WEB",outcome="ok"} 1',
        'storebridge_shopify_requests_total{shop="WEB",outcome="throttled"} 1',
        'storebridge_shopify_cost_points_total{shop="WEB"} 42',
        'storebridge_shopify_throttle_wait_seconds_total{shop="WEB"} 1.5',
      ]),
    );
    expect(await samples(other)).toEqual([]);
  });

  it('reads the jobs gauge from jobCounts at each scrape; a failing count leaves it empty', async () => {
    let counts = [
      { queue: 'import-order', state: 'created', count: 3 },
      { queue: 'import-order', state: 'failed', count: 1 },
    ];
    const metrics = createMetrics({ processMetrics: false, jobCounts: async () => counts });
    expect(await samples(metrics)).toEqual([
      'storebridge_jobs{queue="import-order",state="created"} 3',
      'storebridge_jobs{queue="import-order",state="failed"} 1',
    ]);
    counts = [{ queue: 'import-order', state: 'created', count: 0 }];
    expect(await samples(metrics)).toEqual(['storebridge_jobs{queue="import-order",state="created"} 0']);

    const broken = createMetrics({
      processMetrics: false,
      jobCounts: () => Promise.reject(new Error('queue stopped')),
    });
    expect(await samples(broken)).toEqual([]);
  });

  it('has the process metrics by default', async () => {
    const { body } = await createMetrics().render();
    expect(body).toContain('process_cpu_user_seconds_total');
    expect(body).toContain('# TYPE storebridge_jobs gauge');
  });

  it('has a no-op for tests and CLI commands', async () => {
    noopMetrics.webhookReceipt('orders/create', 'accepted');
    expect((await noopMetrics.render()).body).toBe('');
  });
});

describe('Shopify API cost per window (the dashboard)', () => {
  it('sums the points of the window per shop and keeps the bucket Shopify last reported', () => {
    let now = Date.UTC(2026, 0, 1, 12, 0);
    const metrics = createMetrics({ processMetrics: false, nowMs: () => now });
    const observer = shopifyObserver(metrics, 'WEB');
    observer.request('ok', 300);
    now += 30 * 60_000;
    observer.request('ok', 42);
    observer.request('throttled', 0);
    observer.bucket({ maximumAvailable: 2000, currentlyAvailable: 1958, restoreRate: 100 });
    expect(metrics.shopifyCostUse(3600)).toEqual([
      {
        shop: 'WEB',
        usedPoints: 342,
        bucket: {
          maximumAvailable: 2000,
          currentlyAvailable: 1958,
          restoreRate: 100,
          reportedAt: '2026-01-01T12:30:00.000Z',
        },
      },
    ]);
    now += 45 * 60_000; // the first 300 points are more than an hour old
    expect(metrics.shopifyCostUse(3600)[0]!.usedPoints).toBe(42);
    expect(noopMetrics.shopifyCostUse(3600)).toEqual([]);
  });
});
