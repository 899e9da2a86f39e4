import { MultiSelect, NumberInput, PasswordInput, Select, Switch, TagsInput, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, path } from '../api.ts';
import { choiceOptions, type SettingColumn, type SettingField } from '../settings.ts';
import { RowsInput } from './rows-input.tsx';

interface Props {
  field: SettingField | SettingColumn;
  value: unknown;
  error?: string | undefined;
  disabled: boolean;
  onChange: (value: unknown) => void;
}

/** One setting as the input its type calls for, with its help text and the server's message. */
export function SettingInput({ field, value, error, disabled, onChange }: Props) {
  const fixed = 'fixed' in field && field.fixed === true;
  const common = {
    label: field.label,
    description: field.help,
    error,
    disabled: disabled || fixed,
    name: field.key,
  };
  const references = useReferenceOptions(field.reference);
  switch (field.type) {
    case 'rows':
      return (
        <RowsInput
          field={field as SettingField}
          value={value}
          error={error}
          disabled={disabled}
          onChange={onChange}
        />
      );
    case 'boolean':
      return (
        <Switch
          {...common}
          checked={value === true}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          allowDecimal={false}
          onChange={(next) => onChange(next === '' ? null : Number(next))}
        />
      );
    case 'choice':
      return (
        <Select
          {...common}
          data={choiceOptions(field.choices)}
          value={value === null || value === undefined ? null : String(value)}
          clearable
          clearButtonProps={{ 'aria-label': `Clear ${field.label}` }}
          onChange={(next) => onChange(next)}
        />
      );
    case 'multi-choice':
      return (
        <MultiSelect
          {...common}
          data={choiceOptions(field.choices)}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={(next) => onChange(next)}
        />
      );
    case 'list':
      return (
        <TagsInput
          {...common}
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={(next) => onChange(next)}
        />
      );
    case 'secret':
      return (
        <PasswordInput
          {...common}
          autoComplete="off"
          placeholder={value ? '(set: type to replace)' : '(not set)'}
          value={typeof value === 'string' && value !== '(set)' && value !== '(not set)' ? value : ''}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    default:
      if (references)
        return (
          <Select
            {...common}
            data={references}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': `Clear ${field.label}` }}
            value={value === null || value === undefined || value === '' ? null : String(value)}
            onChange={(next) => onChange(next)}
          />
        );
      return (
        <TextInput
          {...common}
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}

type MasterRecord = { no?: string; code?: string; name?: string; description?: string };

/** The choices of a field that names master data (G/L accounts, locations, customers), if any. */
export function useReferenceOptions(kind: string | undefined) {
  const query = useQuery({
    queryKey: ['master-data', kind],
    enabled: kind !== undefined,
    queryFn: async () => {
      const answer = await get<Record<string, MasterRecord[]> | MasterRecord[]>(
        path`/api/master-data/${kind ?? ''}`,
      );
      const rows = Array.isArray(answer) ? answer : (Object.values(answer).find(Array.isArray) ?? []);
      return rows.map((row) => {
        const value = String(row.no ?? row.code ?? '');
        const name = row.name ?? row.description;
        return { value, label: name ? `${value} ${name}` : value };
      });
    },
    staleTime: 60_000,
  });
  return kind !== undefined && query.data && query.data.length > 0 ? dedupe(query.data) : undefined;
}

function dedupe(options: { value: string; label: string }[]) {
  const seen = new Set<string>();
  return options.filter((option) => option.value !== '' && !seen.has(option.value) && seen.add(option.value));
}
