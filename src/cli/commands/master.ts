import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { formatMoney } from '../../money/index.ts';
import {
  importKinds,
  importMasterData,
  isImportKind,
  listMasterData,
  listMasterDataAsFileRows,
  type ImportKind,
  type MasterDataByKind,
} from '../../masterdata/index.ts';
import { withContext } from '../../runtime/context.ts';
import { ValidationError } from '../../shared/errors.ts';
import { printJson, runAction } from '../run-action.ts';

function parseKind(value: string): ImportKind {
  if (!isImportKind(value)) throw new InvalidArgumentError(`use one of ${importKinds.join(', ')}.`);
  return value;
}

export function registerMaster(program: Command): void {
  const master = program
    .command('master')
    .description('import and list master data (items, locations, customers, G/L accounts)');

  master
    .command('import')
    .description('import a .json or .csv file; all rows or none, re-importing updates by key')
    .argument('<kind>', `one of ${importKinds.join(', ')}`, parseKind)
    .argument('<file>', 'a .json file (an array, or { "items": [...] }) or a .csv file with a header row')
    .action(
      runAction(async (kind: ImportKind, path: string) => {
        const content = await readInput(path);
        const result = await withContext(({ store }) =>
          importMasterData(store.db, kind, { fileName: basename(path), content }),
        );
        process.stdout.write(
          `${kind} from ${basename(path)}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged\n`,
        );
      }),
    );

  master
    .command('list')
    .description('list the master data of one kind')
    .argument('<kind>', `one of ${importKinds.join(', ')}`, parseKind)
    .option('--json', 'print JSON rows that `master import` reads back')
    .action(
      runAction(async (kind: ImportKind, options: { json?: boolean }) => {
        if (options.json) {
          printJson(await withContext(({ store }) => listMasterDataAsFileRows(store.db, kind)));
          return;
        }
        const values = await withContext(({ store }) => listMasterData(store.db, kind));
        for (const line of values.map((value) => describe(kind, value))) process.stdout.write(`${line}\n`);
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

/** One tab-separated line per record, key first, for a person or `cut`. */
function describe(kind: ImportKind, value: MasterDataByKind[ImportKind]): string {
  const fields = ((): Array<string | null> => {
    switch (kind) {
      case 'items': {
        const item = value as MasterDataByKind['items'];
        const price = `${formatMoney(item.unitPrice)} ${item.unitPrice.currency}`;
        return [item.no, item.sku, item.type, price, item.description];
      }
      case 'locations': {
        const location = value as MasterDataByKind['locations'];
        return [location.code, location.name];
      }
      case 'customers': {
        const customer = value as MasterDataByKind['customers'];
        return [customer.no, customer.name, customer.email, customer.phone];
      }
      case 'gl-accounts': {
        const account = value as MasterDataByKind['gl-accounts'];
        return [account.no, account.accountType, account.name];
      }
    }
  })();
  return fields.map((field) => field ?? '-').join('\t');
}
