import { describe, expect, it } from 'vitest';
import { otherSchemaVanished } from './migrate.ts';

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('migrating while another store of the database drops its schema', () => {
  it.each([
    [
      'another schema vanished during the lookup: look again',
      pgError('3F000', 'schema "t_other" does not exist'),
      true,
    ],
    ['our own schema is missing: a real error', pgError('3F000', 'schema "t_ours" does not exist'), false],
    [
      "another schema's table vanished during the lookup: look again",
      pgError('42P01', 'relation "t_other.kysely_migration" does not exist'),
      true,
    ],
    [
      'a table of our own schema is missing: a real error',
      pgError('42P01', 'relation "t_ours.kysely_migration" does not exist'),
      false,
    ],
    ['an unqualified table is missing: a real error', pgError('42P01', 'relation "x" does not exist'), false],
    ['no error', undefined, false],
  ])('%s', (_case, error, retried) => {
    expect(otherSchemaVanished(error, 't_ours')).toBe(retried);
  });
});
