import { ValidationError, type ValidationIssue } from '../shared/errors.ts';
import { settingKind, settingSchemaAt, type SettingKind } from './setting-paths.ts';

/** One `key=value` from `shop set`, its text read by the setting's type; `unset` restores the default. */
export type SettingAssignment = { key: string; unset: true } | { key: string; unset: false; value: unknown };

/**
 * Reads `dotted.key=value` texts. The value is read by the setting's type: booleans
 * (true/false, yes/no, on/off, 1/0), numbers, comma-separated lists; `key=json:<JSON>` sets a
 * structured value (a group or a list of mappings); an empty value (`key=`) unsets the setting
 * so its default applies. Unknown keys are refused, all of them named at once.
 */
export function parseAssignments(texts: readonly string[]): SettingAssignment[] {
  const issues: ValidationIssue[] = [];
  const assignments: SettingAssignment[] = [];
  for (const text of texts) {
    const result = parseAssignment(text);
    if ('issue' in result) issues.push(result.issue);
    else assignments.push(result.assignment);
  }
  if (issues.length > 0) {
    throw new ValidationError(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
  }
  if (assignments.length === 0) throw new ValidationError('give at least one setting as key=value');
  return assignments;
}

type Parsed = { assignment: SettingAssignment } | { issue: ValidationIssue };

function parseAssignment(text: string): Parsed {
  const equals = text.indexOf('=');
  const key = (equals < 0 ? text : text.slice(0, equals)).trim();
  if (equals <= 0 || key === '')
    return { issue: { path: key || text, message: 'must be written key=value' } };
  const schema = settingSchemaAt(key);
  if (!schema) return { issue: { path: key, message: 'is not a shop setting' } };
  const raw = text.slice(equals + 1);
  if (raw.trim() === '') return { assignment: { key, unset: true } };
  const value = raw.startsWith('json:') ? readJson(raw.slice(5)) : readText(raw, settingKind(schema), key);
  return 'error' in value
    ? { issue: { path: key, message: value.error } }
    : { assignment: { key, unset: false, value: value.ok } };
}

type Read = { ok: unknown } | { error: string };

function readText(raw: string, kind: SettingKind, key: string): Read {
  const text = raw.trim();
  switch (kind) {
    case 'boolean':
      return readBoolean(text);
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text) ? { ok: Number(text) } : { error: 'must be a number' };
    case 'list':
      return { ok: text.split(',').map((entry) => entry.trim()) };
    case 'group':
      return { error: `is a group: set its fields (${key}.<field>=...) or use ${key}=json:{...}` };
    case 'objectList':
      return { error: `is a list of objects: use ${key}=json:[{...}]` };
    case 'text':
      return { ok: text };
  }
}

const booleanWords: Record<string, boolean> = {
  true: true,
  yes: true,
  on: true,
  1: true,
  false: false,
  no: false,
  off: false,
  0: false,
};

function readBoolean(text: string): Read {
  const value = booleanWords[text.toLowerCase()];
  return value === undefined ? { error: 'must be true or false' } : { ok: value };
}

function readJson(text: string): Read {
  try {
    return { ok: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `is not valid JSON after json: (${(error as Error).message})` };
  }
}

/** A copy of the settings with the assignments applied; missing groups on the way are created. */
export function applyAssignments(
  settings: Record<string, unknown>,
  assignments: readonly SettingAssignment[],
): Record<string, unknown> {
  const result = structuredClone(settings);
  for (const assignment of assignments) {
    const parts = assignment.key.split('.');
    const leaf = parts.pop() as string;
    let target = result;
    for (const part of parts) {
      const next = target[part];
      target = target[part] =
        typeof next === 'object' && next !== null && !Array.isArray(next) ? { ...next } : {};
    }
    if (assignment.unset) delete target[leaf];
    else target[leaf] = assignment.value;
  }
  return result;
}
