import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { realAdminSchemas } from '../../test/support/shared-paths.ts';
import {
  allOperationFiles,
  fragmentsFolder,
  operationNameOf,
  operationNames,
  operationText,
  type OperationName,
} from './operations.ts';

describe('every GraphQL operation we send', () => {
  const files = allOperationFiles();

  it('exists, and OperationName lists every file', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files.map(operationNameOf).sort()).toEqual([...operationNames].sort());
  });

  it.each(files.map((file) => [basename(file), operationNameOf(file) as OperationName]))(
    '%s (with its fragments) is valid on the real 2025-01 and 2025-09 schemas',
    (_name, operation) => {
      const document = parse(operationText(operation));
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

  it.each(readdirSync(fragmentsFolder).map((file) => [file]))(
    'fragments/%s holds one fragment named after its file',
    (file) => {
      const definitions = parse(readFileSync(join(fragmentsFolder, file), 'utf8')).definitions;
      expect(definitions.map((d) => (d.kind === 'FragmentDefinition' ? d.name.value : d.kind))).toEqual([
        file.replace('.graphql', ''),
      ]);
    },
  );
});
