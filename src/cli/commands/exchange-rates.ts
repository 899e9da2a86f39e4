import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { importExchangeRates, listExchangeRates } from '../../books/index.ts';
import { withContext } from '../../runtime/context.ts';
import { ValidationError } from '../../shared/errors.ts';
import { printJson, runAction } from '../run-action.ts';

export function registerExchangeRates(program: Command): void {
  const rates = program
    .command('exchange-rates')
    .description('rates from shop currencies to the local currency, by starting date (seed 002)');

  rates
    .command('import')
    .description(
      'import a .json or .csv file (currency, startingDate, rate as a decimal string); all rows or none',
    )
    .argument('<file>', 'a .json array (or { "exchangeRates": [...] }) or a .csv with a header row')
    .action(
      runAction(async (path: string) => {
        const content = await readInput(path);
        const result = await withContext(({ store }) =>
          importExchangeRates(store.db, { fileName: basename(path), content }),
        );
        process.stdout.write(
          `exchange rates from ${basename(path)}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged\n`,
        );
      }),
    );

  rates
    .command('list')
    .description('list every rate by currency and starting date')
    .option('--json', 'print JSON that `exchange-rates import` reads back')
    .action(
      runAction(async (options: { json?: boolean }) => {
        const list = await withContext(({ store }) => listExchangeRates(store.db));
        if (options.json) return printJson(list);
        for (const rate of list)
          process.stdout.write(`${rate.currency}\t${rate.startingDate}\t${rate.rate}\n`);
      }),
    );
}

async function readInput(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new ValidationError(`${path}: ${reason}`, [{ path, message: reason }]);
  }
}
