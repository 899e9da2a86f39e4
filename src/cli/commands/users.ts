import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import {
  addUser,
  createApiKey,
  disableUser,
  listApiKeys,
  listAuditLog,
  listUsers,
  revokeApiKey,
  roles,
  setUserPassword,
  setUserRole,
  type ApiKeyView,
  type AuditLogPage,
  type UserView,
} from '../../access/index.ts';
import type { Database } from '../../db/index.ts';
import { withContext } from '../../runtime/context.ts';
import { printJson, runAction } from '../run-action.ts';

const roleList = roles.join('|');

/**
 * `storebridge users`, `api-keys` and `audit` (docs/access.md). They talk to the database
 * directly, without a key: whoever runs them on the machine that holds the store owns it, which
 * is how the first admin is made. Changes are audited under the local account's name.
 */
export function registerUsers(program: Command): void {
  const users = program
    .command('users')
    .description('people who may use the API and the CLI, and their roles');
  users
    .command('add')
    .description('add a user with a role')
    .requiredOption('--name <name>', 'user name (letters, digits, . _ @ -)')
    .requiredOption('--role <role>', roleList)
    .option('--json', 'print JSON')
    .action(
      runAction((o: { name: string; role: string; json?: boolean }) =>
        withDb(async (db) => {
          const user = await addUser(db, o, 'local');
          print(
            o.json,
            user,
            `Added ${user.name} (role ${user.role}); give them a key: storebridge api-keys create --user ${user.name}`,
          );
        }),
      ),
    );
  users
    .command('list')
    .description('list the users')
    .option('--json', 'print JSON')
    .action(
      runAction((o: { json?: boolean }) =>
        withDb(async (db) => print(o.json, await listUsers(db), userTable)),
      ),
    );
  users
    .command('set-role')
    .description("change a user's role")
    .requiredOption('--name <name>', 'user name')
    .requiredOption('--role <role>', roleList)
    .option('--json', 'print JSON')
    .action(
      runAction((o: { name: string; role: string; json?: boolean }) =>
        withDb(async (db) => {
          const user = await setUserRole(db, o, 'local');
          print(o.json, user, `${user.name} now has the role ${user.role}`);
        }),
      ),
    );
  users
    .command('set-password <name>')
    .description("set a user's password for the web UI's sign-in (read from stdin, or --password-file)")
    .option('--password-file <path>', 'read the password from this file (its first line)')
    .option('--json', 'print JSON')
    .action(
      runAction((name: string, o: { passwordFile?: string; json?: boolean }) =>
        withDb(async (db) => {
          const password = await readPassword(o.passwordFile);
          const user = await setUserPassword(db, { name, password }, 'local');
          print(o.json, user, `${user.name} can now sign in to the web UI with that password`);
        }),
      ),
    );
  users
    .command('disable')
    .description('disable a user: their keys stop working at once')
    .requiredOption('--name <name>', 'user name')
    .option('--json', 'print JSON')
    .action(
      runAction((o: { name: string; json?: boolean }) =>
        withDb(async (db) => {
          const user = await disableUser(db, o, 'local');
          print(o.json, user, `${user.name} is disabled; their keys no longer work`);
        }),
      ),
    );

  const keys = program
    .command('api-keys')
    .description("users' API keys (Authorization: Bearer <key>, or --api-key)");
  keys
    .command('create')
    .description('make a key for a user; it is printed once and never again')
    .requiredOption('--user <name>', 'user name')
    .option('--label <text>', 'what the key is for')
    .option('--json', 'print JSON')
    .action(
      runAction((o: { user: string; label?: string; json?: boolean }) =>
        withDb(async (db) => {
          const created = await createApiKey(db, o, 'local');
          print(
            o.json,
            created,
            `${created.key}\n\nAPI key ${created.prefix} for ${created.user}. Keep it now: it is not stored and will not be shown again.\n` +
              `Use it as "Authorization: Bearer <key>", or --api-key / STOREBRIDGE_API_KEY with the CLI.`,
          );
        }),
      ),
    );
  keys
    .command('list')
    .description('list keys (prefix, label, created, last used, revoked)')
    .option('--user <name>', 'only this user')
    .option('--json', 'print JSON')
    .action(
      runAction((o: { user?: string; json?: boolean }) =>
        withDb(async (db) => print(o.json, await listApiKeys(db, { user: o.user }), keyTable)),
      ),
    );
  keys
    .command('revoke')
    .description('revoke a key by its prefix: it stops working at once')
    .requiredOption('--prefix <prefix>', 'the prefix api-keys list shows (sbk_ and 8 characters)')
    .option('--json', 'print JSON')
    .action(
      runAction((o: { prefix: string; json?: boolean }) =>
        withDb(async (db) => {
          const key = await revokeApiKey(db, o, 'local');
          print(o.json, key, `API key ${key.prefix} of ${key.user} is revoked`);
        }),
      ),
    );

  program
    .command('audit')
    .description("the audit log, newest first: who did what, when, and Shopify's answer")
    .option('--shop <code>', 'only this shop')
    .option('--user <name>', 'only this user')
    .option('--action <action>', 'only this action, e.g. refund.create')
    .option('--since <date>', 'only entries at or after, e.g. 2026-12-01 or 2026-12-01T09:00:00Z')
    .option('--limit <n>', 'entries per page (Default: 50)')
    .option('--before <id>', 'the page older than this entry (the "next" of the previous page)')
    .option('--json', 'print JSON')
    .action(
      runAction((o: { json?: boolean } & Record<string, string>) =>
        withDb(async (db) => {
          const { json, ...filter } = o;
          print(json, await listAuditLog(db, filter), auditText);
        }),
      ),
    );
}

/**
 * The password from a file or stdin, never from a flag (a flag lands in the shell history and the
 * process list). Only the line break that ends the text is dropped: spaces are part of a passphrase.
 */
async function readPassword(path: string | undefined): Promise<string> {
  const text = path !== undefined ? readFileSync(path, 'utf8') : await readStdin();
  return text.replace(/\r?\n$/, '');
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (at least 12 characters), then Enter and Ctrl-D: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function withDb(work: (db: Kysely<Database>) => Promise<void>): Promise<void> {
  return withContext((context) => work(context.store.db));
}

function print<T>(json: boolean | undefined, value: T, text: string | ((value: T) => string)): void {
  if (json) printJson(value);
  else process.stdout.write((typeof text === 'string' ? text : text(value)) + '\n');
}

function userTable(users: UserView[]): string {
  if (users.length === 0) return 'No users yet: storebridge users add --name <name> --role admin';
  return table(
    ['NAME', 'ROLE', 'KEYS', 'CREATED', 'DISABLED'],
    users.map((u) => [u.name, u.role, String(u.activeKeys), u.createdAt, u.disabledAt ?? '']),
  );
}

function keyTable(keys: ApiKeyView[]): string {
  if (keys.length === 0) return 'No API keys';
  return table(
    ['PREFIX', 'USER', 'LABEL', 'CREATED', 'LAST USED', 'REVOKED'],
    keys.map((k) => [k.prefix, k.user, k.label ?? '', k.createdAt, k.lastUsedAt ?? '', k.revokedAt ?? '']),
  );
}

function auditText(page: AuditLogPage): string {
  if (page.entries.length === 0) return 'No audit entries';
  const lines = table(
    ['ID', 'AT', 'USER', 'ACTION', 'SHOP', 'TARGET', 'OUTCOME'],
    page.entries.map((e) => [
      String(e.id),
      e.at,
      e.user,
      e.action,
      e.shopCode ?? '',
      e.target ?? '',
      e.outcome,
    ]),
  );
  return page.next === null ? lines : `${lines}\nOlder entries: --before ${page.next}`;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [head, ...rows]
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
