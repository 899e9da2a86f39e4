import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { realAdminSchemas } from '../../test/support/shared-paths.ts';
import { allOperationFiles } from './operations.ts';

describe('every GraphQL operation we send', () => {
  const files = allOperationFiles();

  it('exists', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((file) => [basename(file), file]))(
    '%s is valid on the real 2025-01 and 2025-09 schemas',
    (_name, file) => {
      const document = parse(readFileSync(file, 'utf8'));
      const { stable, unstable } = realAdminSchemas();
      expect(validate(stable, document).map((error) => error.message)).toEqual([]);
      expect(validate(unstable, document).map((error) => error.message)).toEqual([]);
    },
  );

  it.each(files.map((file) => [basename(file), file]))(
    '%s holds one operation named after its file',
    (name, file) => {
      const operations = parse(readFileSync(file, 'utf8')).definitions.filter(
        (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
      );
      expect(operations.map((operation) => operation.name?.value)).toEqual([name.replace('.graphql', '')]);
    },
  );
});
