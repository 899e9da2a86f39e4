import { Table } from '@mantine/core';
import { formatMinor } from '../money.ts';
import { captionStyle, DataTable, Raw } from '../ui.tsx';

type Row = Record<string, unknown>;

/**
 * A section of the Shopify order whose exact shape is Shopify's (lines, transactions, risk, ...):
 * a list of records as a table of their plain fields, a record as name/value rows.
 */
export function GenericSection({ name, value }: { name: string; value: unknown }) {
  if (
    Array.isArray(value) &&
    value.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))
  ) {
    const rows = value as Row[];
    const keys = [
      ...new Set(rows.flatMap((row) => Object.keys(row).filter((key) => isPlain(row[key])))),
    ].slice(0, 8);
    return (
      <DataTable<Row>
        caption={name}
        rows={rows}
        rowKey={(_row, i) => String(i)}
        empty={`No ${name.toLowerCase()}.`}
        columns={keys.map((key) => ({ label: key, render: (row: Row) => show(row[key]) }))}
      />
    );
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Row);
    if (entries.every(([, v]) => isPlain(v)))
      return (
        <Table>
          <Table.Caption style={captionStyle}>{name}</Table.Caption>
          <Table.Tbody>
            {entries.map(([key, v]) => (
              <Table.Tr key={key}>
                <Table.Th scope="row">{key}</Table.Th>
                <Table.Td>{show(v)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      );
  }
  return <Raw value={value} />;
}

/** The books' money in JSON: `{ minor, currency }` (src/money), integer minor units. */
export function isMoneyValue(value: unknown): value is { minor: number | string; currency: string } {
  if (value === null || typeof value !== 'object') return false;
  const money = value as Record<string, unknown>;
  return (
    Object.keys(money).length === 2 &&
    typeof money.currency === 'string' &&
    ['number', 'string'].includes(typeof money.minor)
  );
}

function isPlain(value: unknown): boolean {
  return (
    value === null ||
    ['string', 'number', 'boolean'].includes(typeof value) ||
    isMoneyValue(value) ||
    (Array.isArray(value) && value.every((v) => typeof v === 'string'))
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (isMoneyValue(value)) return formatMinor(BigInt(value.minor), value.currency);
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}
