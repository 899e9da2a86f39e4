import type { z } from 'zod';
import type { ValidationIssue } from '../shared/errors.ts';
import type { KindDefinition } from './kinds.ts';
import { fieldName } from './parse-csv.ts';
import { fileProblems, rowPath, type SourceFile } from './source-file.ts';

/** A validated value and the row it came from, for messages about it later. */
export interface NumberedValue<T> {
  rowNo: number;
  value: T;
}

/**
 * Validates every row of a file and checks keys are not repeated, collecting every problem
 * before throwing one ValidationError: nothing is stored unless the whole file is good.
 */
export function validateRows<T>(definition: KindDefinition<T>, file: SourceFile): NumberedValue<T>[] {
  if (file.format === 'csv') checkCsvColumns(definition, file);
  const schema = file.format === 'csv' ? definition.csvRow : definition.jsonRow;
  const issues: ValidationIssue[] = [];
  const values: NumberedValue<T>[] = [];
  for (const row of file.rows) {
    const result = schema.safeParse(row.value);
    if (result.success) values.push({ rowNo: row.rowNo, value: result.data });
    else
      issues.push(...result.error.issues.flatMap((issue) => rowIssues(definition, file, row.rowNo, issue)));
  }
  issues.push(...repeatedValues(definition, file, values));
  if (issues.length > 0) throw fileProblems(issues);
  return values;
}

function rowIssues<T>(
  definition: KindDefinition<T>,
  file: SourceFile,
  rowNo: number,
  issue: z.core.$ZodIssue,
): ValidationIssue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      path: rowPath(file, rowNo, [...issue.path, key].join('.')),
      message: `is not a field of ${article(definition.noun)}`,
    }));
  }
  if (issue.path.length === 0 && issue.code === 'invalid_type') {
    return [
      {
        path: rowPath(file, rowNo),
        message: `must be an object with the fields of ${article(definition.noun)}`,
      },
    ];
  }
  return [{ path: rowPath(file, rowNo, issue.path.join('.')), message: issue.message }];
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** A key (or a unique field such as SKU) on two rows names both rows. */
function repeatedValues<T>(
  definition: KindDefinition<T>,
  file: SourceFile,
  values: readonly NumberedValue<T>[],
): ValidationIssue[] {
  const fields = [{ field: definition.keyField, valueOf: definition.keyOf }, ...definition.uniqueFields];
  return fields.flatMap(({ field, valueOf }) => {
    const firstRow = new Map<string, number>();
    const issues: ValidationIssue[] = [];
    for (const { rowNo, value } of values) {
      const fieldValue = valueOf(value);
      if (fieldValue === null) continue;
      const earlier = firstRow.get(fieldValue);
      if (earlier === undefined) firstRow.set(fieldValue, rowNo);
      else
        issues.push({
          path: rowPath(file, rowNo, field),
          message: `"${fieldValue}" is also on row ${earlier}`,
        });
    }
    return issues;
  });
}

/** Header problems are reported once, not on every row: an unknown column, a required one missing. */
function checkCsvColumns<T>(definition: KindDefinition<T>, file: SourceFile): void {
  const shape = definition.csvFields.shape;
  const known = Object.keys(shape);
  const issues: ValidationIssue[] = [];
  for (const [field, column] of file.columns) {
    if (!known.includes(field)) {
      const expected = known.map(snakeCase).join(', ');
      issues.push({
        path: file.fileName,
        message: `column "${column}" is not a field of ${article(definition.noun)} (columns: ${expected})`,
      });
    }
  }
  for (const field of known) {
    const required = !shape[field]?.safeParse(undefined).success;
    if (required && !file.columns.has(field)) {
      issues.push({ path: file.fileName, message: `column "${snakeCase(field)}" is missing` });
    }
  }
  if (issues.length > 0) throw fileProblems(issues);
}

function snakeCase(field: string): string {
  const snake = field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
  return fieldName(snake) === field ? snake : field;
}
