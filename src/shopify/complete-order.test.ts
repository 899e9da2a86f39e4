import { describe, expect, it } from 'vitest';
import { listLimits } from './complete-order.ts';
import { operationText } from './operations.ts';

describe('completing orders', () => {
  it.each(['OrdersPage', 'OrderById', 'OrdersDeepParts'] as const)(
    '%s asks for the list sizes completeOrder treats as full',
    (operation) => {
      const text = operationText(operation);
      for (const [list, size] of Object.entries(listLimits)) {
        if (operation === 'OrdersDeepParts' && list === 'transactions') continue;
        expect(text, list).toMatch(new RegExp(`\\n\\s*${list}\\(first: ${size}\\) \\{\\n\\s*\\.\\.\\.`));
      }
    },
  );
});
