import { Command } from 'commander';
import { registerEmulator } from './commands/emulator.ts';
import { registerMaster } from './commands/master.ts';
import { registerServe } from './commands/serve.ts';
import { registerShop } from './commands/shop.ts';
import { registerStart } from './commands/start.ts';

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
  return program;
}

await buildProgram().parseAsync(process.argv);
