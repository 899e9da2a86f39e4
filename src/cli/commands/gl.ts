import type { Command } from 'commander';
import { glEntryJson, listGlEntries, type GlEntry } from '../../books/index.ts';
import { formatMoney, money } from '../../money/index.ts';
import { withContext } from '../../runtime/context.ts';
import { NotFoundError } from '../../shared/errors.ts';
import { listShops } from '../../shops/index.ts';
import { printJson, runAction } from '../run-action.ts';

export function registerGl(program: Command): void {
  program
    .command('gl')
    .description("list a shop's G/L entries: every posting, debit and credit in the local currency")
    .requiredOption('--shop <code>', 'the shop code')
    .option('--document <no>', "one document's entries (SI-000001, CM-000001, ...)")
    .option('--account <no>', "one G/L account's entries")
    .option('--json', 'print the entries as JSON (docs/order-import.md "Ledger")')
    .action(
      runAction(async (options: { shop: string; document?: string; account?: string; json?: boolean }) => {
        const entries = await withContext(async ({ store }) => {
          const shops = await listShops({ db: store.db });
          if (!shops.some((shop) => shop.code === options.shop))
            throw new NotFoundError(`Shop "${options.shop}" does not exist`);
          return listGlEntries(store.db, {
            shopCode: options.shop,
            documentNo: options.document,
            accountNo: options.account,
          });
        });
        if (options.json) return printJson(entries.map(glEntryJson));
        process.stdout.write(describe(entries));
      }),
    );
}

function describe(entries: readonly GlEntry[]): string {
  if (entries.length === 0) return 'No G/L entries\n';
  const header = [
    'date'.padEnd(10),
    'document'.padEnd(11),
    'account'.padEnd(7),
    'description'.padEnd(36),
    'debit'.padStart(12),
    'credit'.padStart(12),
  ];
  const rows = entries
    .map(glEntryJson)
    .map((e) =>
      [
        e.postingDate,
        e.documentNo.padEnd(11),
        e.accountNo.padEnd(7),
        e.description.slice(0, 36).padEnd(36),
        e.debit.padStart(12),
        e.credit.padStart(12),
      ].join('  '),
    );
  // Every posting balances, so the totals of any set of whole postings do too.
  const currency = entries[0]!.debit.currency;
  const total = (pick: (e: GlEntry) => number) =>
    formatMoney(
      money(
        entries.reduce((a, e) => a + pick(e), 0),
        currency,
      ),
    );
  const totals = `total debit ${total((e) => e.debit.minor)}  credit ${total((e) => e.credit.minor)} ${currency}`;
  return [header.join('  '), ...rows, totals].join('\n') + '\n';
}
