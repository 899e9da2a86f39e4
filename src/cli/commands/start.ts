import { isAbsolute, relative } from 'node:path';
import type { Command } from 'commander';
import { openContext } from '../../runtime/context.ts';
import { goLive, startDemo, type DemoEnvironment } from '../../runtime/start-demo.ts';
import { runAction } from '../run-action.ts';
import { serve } from './serve.ts';

/**
 * `npm start`: the embedded store, migrated, serving on PORT. While no real shop is configured
 * it also runs the demo: master data, a built-in Shopify emulator and a DEMO shop connected to it.
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      'migrate and serve; with no real shop configured, also run the demo shop on a built-in emulator',
    )
    .action(
      runAction(async () => {
        const context = await openContext();
        const demo = await startDemo(context, context.config.STOREBRIDGE_DEMO_EMULATOR_PORT);
        const service = await serve(context, { worker: true }, async () => demo?.emulator.close());
        if (demo) await goLive(context, demo, service.address);
        printBanner(service.address, demo);
      }),
    );
}

function printBanner(address: string, demo: DemoEnvironment | null): void {
  const lines = [
    '',
    `storebridge is running at ${address}  (GET /health)`,
    demo
      ? `Demo: shop ${demo.shopCode} is connected to a built-in Shopify emulator at ${demo.emulator.url}; its merchant\n` +
        `      places, ships, refunds and edits orders, and webhooks bring them in: GET /api/shops/${demo.shopCode}/documents`
      : 'Connected to the shops configured in this store (npm run cli -- shop list).',
    ...(demo ? signInLines(address, demo) : []),
    ...(demo ? apiKeyLines(address, demo) : []),
    'Add a real shop:  npm run cli -- shop add --file shop.json   (see examples/shop.json)',
    '              or  npm run cli -- shop add --code MAIN --domain example.myshopify.com --token shpat_…',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

/** The web UI, served from the same address as /api/ (issue 9). */
function signInLines(address: string, demo: DemoEnvironment): string[] {
  const password = demo.adminKey.password;
  if (!password) return [`UI: ${address}/  (demo-admin is disabled; sign in as another user)`];
  const shown = displayPath(password.path);
  if (password.status === 'changed')
    return [
      `UI: ${address}/  sign in as demo-admin with the password an admin set (no longer the one in ${shown})`,
    ];
  return [
    `UI: ${address}/  sign in as demo-admin with the password in ${shown} (${password.password ?? ''})`,
  ];
}

/** ./data/demo-admin.password when the data folder is under the working directory. */
function displayPath(path: string): string {
  const inHere = relative(process.cwd(), path);
  return inHere.startsWith('..') || isAbsolute(inHere) ? path : `./${inHere}`;
}

/** How to reach the /api/ routes, which all need a key (docs/access.md). */
function apiKeyLines(address: string, demo: DemoEnvironment): string[] {
  const { path, status } = demo.adminKey;
  if (status === 'revoked')
    return [
      `API: the demo-admin key in ${path} was revoked; make a key with: npm run cli -- api-keys create --user <name>`,
    ];
  return [
    `API: every /api/ route needs a key; the demo-admin user's is in ${path} (keep it private):`,
    `      curl -H "Authorization: Bearer $(cat ${path})" ${address}/api/shops/${demo.shopCode}/documents`,
  ];
}
