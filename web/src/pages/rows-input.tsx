import { ActionIcon, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { SettingField } from '../settings.ts';
import { SettingInput } from './setting-field.tsx';

type Row = Record<string, unknown>;

/**
 * A list of objects (shipment method and location mappings): one small fieldset per row with
 * an input per column, rows added and removed; the whole list is saved as the setting's value.
 */
export function RowsInput({
  field,
  value,
  error,
  disabled,
  onChange,
}: {
  field: SettingField;
  value: unknown;
  error?: string | undefined;
  disabled: boolean;
  onChange: (value: unknown) => void;
}) {
  const rows: Row[] = Array.isArray(value) ? (value as Row[]) : [];
  const columns = field.columns ?? [];
  const update = (index: number, key: string, next: unknown) =>
    onChange(rows.map((row, i) => (i === index ? withValue(row, key, next) : row)));
  return (
    <Fieldset legend={field.label} variant="filled">
      {field.help && (
        <Text size="sm" c="dimmed" mb="xs">
          {field.help}
        </Text>
      )}
      {error && (
        <Text size="sm" c="red.9" role="alert" mb="xs">
          {error}
        </Text>
      )}
      <Stack gap="sm">
        {rows.map((row, index) => (
          <Group
            key={index}
            align="end"
            wrap="wrap"
            gap="xs"
            aria-label={`${field.label}, row ${index + 1}`}
            role="group"
          >
            {columns.map((column) => (
              <SettingInput
                key={column.key}
                field={{ ...column, label: `${column.label} (row ${index + 1})`, help: undefined }}
                value={row[column.key] ?? null}
                disabled={disabled}
                onChange={(next) => update(index, column.key, next)}
              />
            ))}
            {!disabled && (
              <ActionIcon
                variant="light"
                color="red"
                aria-label={`Remove row ${index + 1} of ${field.label}`}
                onClick={() => onChange(rows.filter((_r, i) => i !== index))}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        {!disabled && (
          <Button variant="default" size="xs" w="fit-content" onClick={() => onChange([...rows, {}])}>
            Add a row to {field.label.toLowerCase()}
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}

/** An emptied cell leaves the row's object (the setting's default applies), never an empty string. */
function withValue(row: Row, key: string, value: unknown): Row {
  const { [key]: _old, ...rest } = row;
  return value === null || value === '' || value === undefined ? rest : { ...rest, [key]: value };
}
