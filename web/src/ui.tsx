import { Alert, Center, Code, List, Loader, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from './api.ts';

/** An API failure as the server worded it, with every issue and Shopify's refusals verbatim. */
export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{message}</Text>
      {error instanceof ApiError && error.userErrors.length > 0 && (
        <List size="sm" mt="xs">
          {error.userErrors.map((userError, i) => (
            <List.Item key={i}>{userError.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** An agent action's failure: Shopify's refusal (its user errors verbatim) told apart from ours. */
export function ShopifyActionError({
  error,
  refused,
  failed,
}: {
  error: unknown;
  refused: string;
  failed: string;
}) {
  const byShopify = error instanceof ApiError && error.code === 'shopify_refused';
  return <ErrorAlert title={byShopify ? refused : failed} error={error} />;
}

/** The loading / failed / loaded states of a query, so every page shows them alike. */
export function Loaded<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending)
    return (
      <Center p="xl">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (query.isError) return <ErrorAlert error={query.error} />;
  return <>{children(query.data)}</>;
}

export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} size="h2" mb="md">
      {children}
    </Title>
  );
}

export interface Column<T> {
  label: string;
  render: (row: T) => ReactNode;
  numeric?: boolean;
}

/** A plain table with a caption (read by screen readers) and a line when there are no rows. */
export function DataTable<T>({
  rows,
  columns,
  caption,
  rowKey,
  empty = 'Nothing here yet.',
}: {
  rows: readonly T[];
  columns: readonly Column<T>[];
  caption: string;
  rowKey: (row: T, index: number) => string;
  empty?: string;
}) {
  if (rows.length === 0) return <Text c="gray.8">{empty}</Text>;
  return (
    // A wide table scrolls sideways: a named region keyboard users can focus and scroll.
    <div role="region" aria-label={caption} tabIndex={0} style={{ overflowX: 'auto' }}>
      <Table striped highlightOnHover captionSide="top">
        <Table.Caption style={captionStyle}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.label} style={column.numeric ? { textAlign: 'right' } : undefined}>
                {column.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => (
            <Table.Tr key={rowKey(row, index)}>
              {columns.map((column) => (
                <Table.Td key={column.label} style={column.numeric ? { textAlign: 'right' } : undefined}>
                  {column.render(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** A value of unknown shape (a payload section) shown readably. */
export function Raw({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Text c="gray.8">none</Text>;
  if (typeof value !== 'object') return <Text size="sm">{String(value)}</Text>;
  return (
    <Code block style={{ maxHeight: 320, overflow: 'auto' }}>
      {JSON.stringify(value, null, 2)}
    </Code>
  );
}

// The browser's locale (undefined), so an operator reads dates the way their system writes them.
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO timestamp from the API as "7 Dec 2026, 15:45" in the browser's locale. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

/** Mantine dims table captions below 4.5:1; ours are headings of a sort, in the text color. */
export const captionStyle = { textAlign: 'left', color: 'var(--mantine-color-text)' } as const;
