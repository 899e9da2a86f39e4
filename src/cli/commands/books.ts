import type { Command } from 'commander';
import { registerDocuments } from './documents.ts';
import { registerExchangeRates } from './exchange-rates.ts';
import { registerGl } from './gl.ts';
import { registerStock } from './stock.ts';

/** The books' commands: documents, stock, gl and exchange-rates (one line in main.ts). */
export function registerBooks(program: Command): void {
  registerDocuments(program);
  registerStock(program);
  registerGl(program);
  registerExchangeRates(program);
}
