import type { Command } from 'commander';
import { stockLevels } from '../../books/index.ts';
import { withContext } from '../../runtime/context.ts';
import { printJson, runAction } from '../run-action.ts';

export function registerStock(program: Command): void {
  program
    .command('stock')
    .description('stock per item and location: on hand, released to sales orders, available to sell')
    .option('--item <no>', 'one item only')
    .option('--json', 'print JSON rows: itemNo, locationCode, onHand, released, availableToSell')
    .action(
      runAction(async (options: { item?: string; json?: boolean }) => {
        const levels = await withContext(({ store }) => stockLevels(store.db, { itemNo: options.item }));
        if (options.json) return printJson(levels);
        process.stdout.write(['item', 'location', 'on hand', 'released', 'ATS'].join('\t') + '\n');
        for (const l of levels)
          process.stdout.write(
            [l.itemNo, l.locationCode ?? '-', l.onHand, l.released, l.availableToSell].join('\t') + '\n',
          );
      }),
    );
}
