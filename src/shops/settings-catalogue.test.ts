import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { settingKeys, settingSchemaAt, unwrapSetting } from './setting-paths.ts';
import { settingGroups, settingsCatalogue } from './settings-catalogue.ts';

const groupIds = settingGroups.map((group) => group.id as string);

describe('the settings catalogue', () => {
  it('has an entry for every shop setting, in a known group, with a label and help', () => {
    const missing = settingKeys().filter((key) => !Object.hasOwn(settingsCatalogue, key));
    expect(missing).toEqual([]);
    for (const [key, entry] of Object.entries(settingsCatalogue)) {
      expect(groupIds, key).toContain(entry.group);
      expect(entry.label, key).not.toBe('');
      expect(entry.help, key).not.toBe('');
    }
  });

  it('names only real settings, and for lists of objects exactly their fields', () => {
    const keys = new Set(settingKeys());
    expect(Object.keys(settingsCatalogue).filter((key) => !keys.has(key))).toEqual([]);
    for (const [key, entry] of Object.entries(settingsCatalogue)) {
      const inner = unwrapSetting(settingSchemaAt(key) as z.ZodType);
      const row = inner instanceof z.ZodArray ? unwrapSetting(inner.element as z.ZodType) : undefined;
      if (row instanceof z.ZodObject)
        expect(Object.keys(entry.columns ?? {}), key).toEqual(Object.keys(row.shape));
      else expect(entry.columns, key).toBeUndefined();
    }
  });
});
