import { Group, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { get, path } from '../api.ts';
import { formatMinor, sumMinor, toMinor } from '../money.ts';
import { DataTable, Loaded, PageTitle } from '../ui.tsx';

/** `gl --json`: money as decimal strings in `currency` (the local currency). */
export interface GlEntry {
  documentType: string;
  documentNo: string;
  accountNo: string;
  description: string;
  debit: string;
  credit: string;
  currency: string;
  [detail: string]: unknown;
}

/** The G/L entries of a shop, by account or document (issue 9 item 5). */
export function GlPage() {
  const code = useParams().code ?? '';
  const [account, setAccount] = useState('');
  const [document, setDocument] = useState('');
  const [filters] = useDebouncedValue({ account, document }, 300);
  const entries = useQuery({
    queryKey: ['gl', code, filters],
    queryFn: async () => {
      const query = new URLSearchParams();
      if (filters.account) query.set('account', filters.account);
      if (filters.document) query.set('document', filters.document);
      return (await get<{ entries: GlEntry[] }>(`${path`/api/shops/${code}/gl`}?${query.toString()}`))
        .entries;
    },
  });
  return (
    <>
      <PageTitle>G/L entries: {code}</PageTitle>
      <Group mb="sm">
        <TextInput label="Account no." value={account} onChange={(e) => setAccount(e.currentTarget.value)} />
        <TextInput
          label="Document no."
          value={document}
          onChange={(e) => setDocument(e.currentTarget.value)}
        />
      </Group>
      <Loaded query={entries}>{(rows) => <GlTable entries={rows} />}</Loaded>
    </>
  );
}

export function GlTable({ entries }: { entries: GlEntry[] }) {
  const currencies = [...new Set(entries.map((entry) => entry.currency))];
  return (
    <>
      <DataTable<GlEntry>
        caption={`${entries.length} G/L entries`}
        rows={entries}
        rowKey={(_e, i) => String(i)}
        empty="No G/L entries."
        columns={[
          { label: 'Document', render: (e) => `${e.documentType} ${e.documentNo}` },
          { label: 'Account', render: (e) => e.accountNo },
          { label: 'Description', render: (e) => e.description },
          {
            label: 'Debit',
            render: (e) => (isZero(e.debit) ? '' : formatMinor(toMinor(e.debit, e.currency), e.currency)),
            numeric: true,
          },
          {
            label: 'Credit',
            render: (e) => (isZero(e.credit) ? '' : formatMinor(toMinor(e.credit, e.currency), e.currency)),
            numeric: true,
          },
        ]}
      />
      {currencies.map((currency) => {
        const mine = entries.filter((e) => e.currency === currency);
        const debit = sumMinor(mine.map((e) => toMinor(e.debit, currency)));
        const credit = sumMinor(mine.map((e) => toMinor(e.credit, currency)));
        return (
          <Text size="sm" key={currency} mt="xs">
            Totals {currency}: debit {formatMinor(debit, currency)}, credit {formatMinor(credit, currency)}
            {debit === credit ? ' (balanced)' : ` (difference ${formatMinor(debit - credit, currency)})`}
          </Text>
        );
      })}
    </>
  );
}

const isZero = (value: string) => /^-?0*(\.0*)?$/.test(value);
