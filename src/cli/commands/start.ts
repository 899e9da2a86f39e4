import type { Command } from 'commander';
import { openContext } from '../../runtime/context.ts';
import { runAction } from '../run-action.ts';
import { serve } from './serve.ts';

/**
 * `npm start`: the embedded store, migrated, with the demo master data, serving on PORT.
 * Demo data is only added when the store has none of its own, so a real setup is never touched.
 */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('migrate, load the demo data into an empty store, and serve (what `npm start` runs)')
    .action(
      runAction(async () => {
        const context = await openContext();
        await serve(context);
      }),
    );
}
