import { ValidationError, type ValidationIssue } from '../shared/errors.ts';
import type { SettingAssignment } from './setting-assignment.ts';
import { settingSchemaAt } from './setting-paths.ts';

/**
 * Changes as the web UI sends them, `{ "<dotted key>": <JSON value> }`: each value goes to the
 * model as it is (no text to read, so `"007"` stays text and `true` a boolean); `null` unsets the
 * setting so its default applies. Unknown keys are refused, all of them named at once.
 */
export function assignmentsFromJson(changes: Record<string, unknown>): SettingAssignment[] {
  const entries = Object.entries(changes);
  if (entries.length === 0)
    throw new ValidationError('changes: give at least one setting', [
      { path: 'changes', message: 'give at least one setting' },
    ]);
  const issues: ValidationIssue[] = entries
    .filter(([key]) => settingSchemaAt(key) === undefined)
    .map(([key]) => ({ path: key, message: 'is not a shop setting' }));
  if (issues.length > 0)
    throw new ValidationError(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), issues);
  return entries.map(([key, value]) =>
    value === null ? { key, unset: true } : { key, unset: false, value },
  );
}
