import { describe, expect, it } from 'vitest';
import { runEmulator } from '../../src/cli.ts';

describe('runEmulator (storebridge emulator)', () => {
  it('starts with the documented defaults, seeds the demo shop and prints how to reach it', async () => {
    const lines: string[] = [];
    const emulator = await runEmulator({
      port: 0,
      seed: 'demo',
      orders: 4,
      print: (line) => lines.push(line),
    });
    try {
      expect(emulator.token).toBe('shpat_emulator_token');
      expect(emulator.appSecret).toBe('emulator_app_secret');
      expect(lines.join('\n')).toContain('shpat_emulator_token');
      expect(lines.join('\n')).toContain(`${emulator.url}/admin/api/2025-01/graphql.json`);
      const data = emulator.state.data;
      // The simulator's shop (seed-demo.ts): the demo's two locations plus an outlet.
      expect(data.locations.map((l) => l.name)).toEqual(['Warehouse', 'Store', 'Outlet']);
      expect(data.products.map((p) => p.variants[0]?.sku)).toEqual([
        'SB-TEE',
        'SB-MUG',
        'SB-CAP',
        'SB-BAG',
        'SB-SOCK',
        'SB-GIFT',
      ]);
      expect(data.orders.map((o) => o.name)).toEqual(['#1001', '#1002', '#1003', '#1004']);
    } finally {
      await emulator.close();
    }
  });
});
