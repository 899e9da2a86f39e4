import { Command } from 'commander';
import { registerArchive } from './commands/archive.ts';
import { registerBooks } from './commands/books.ts';
import { registerCancel } from './commands/cancel.ts';
import { registerDemo } from './commands/demo.ts';
import { registerEmulator } from './commands/emulator.ts';
import { registerInvoices } from './commands/invoices.ts';
import { registerJobs } from './commands/jobs.ts';
import { registerMaster } from './commands/master.ts';
import { registerReconcile } from './commands/reconcile.ts';
import { registerRefund } from './commands/refund.ts';
import { registerRefunds } from './commands/refunds.ts';
import { registerServe } from './commands/serve.ts';
import { registerShipments } from './commands/shipments.ts';
import { registerShop } from './commands/shop.ts';
import { registerStart } from './commands/start.ts';
import { registerSync } from './commands/sync.ts';
import { registerUsers } from './commands/users.ts';
import { registerWebhooks } from './commands/webhooks.ts';
import { applyMemorySettings } from '../runtime/memory-settings.ts';

export function buildProgram(): Command {
  const program = new Command()
    .name('storebridge')
    .description("Keeps a merchant's books and stock exactly in step with Shopify.")
    .showHelpAfterError()
    .configureOutput({ outputError: (text, write) => write(text) });
  registerStart(program);
  registerServe(program);
  registerMaster(program);
  registerShop(program);
  registerEmulator(program);
  registerBooks(program);
  registerDemo(program);
  registerSync(program);
  registerRefunds(program);
  registerRefund(program);
  registerCancel(program);
  registerReconcile(program);
  registerWebhooks(program);
  registerJobs(program);
  registerUsers(program);
  registerShipments(program);
  registerInvoices(program);
  registerArchive(program);
  return program;
}

applyMemorySettings();
await buildProgram().parseAsync(process.argv);
