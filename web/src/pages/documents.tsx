import { Anchor, Group, Select, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { path } from '../api.ts';
import { documentTypeName, documentTypeNames, useDocuments, type SalesDocument } from '../documents.ts';
import { formatAmount } from '../money.ts';
import { DataTable, Loaded, PageTitle } from '../ui.tsx';

/** Every back-office document of the shop (issue 9 item 5), filterable by type and order. */
export function DocumentsPage() {
  const code = useParams().code ?? '';
  const documents = useDocuments(code);
  const [type, setType] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  return (
    <>
      <PageTitle>Documents: {code}</PageTitle>
      <Group mb="sm" align="end">
        <Select
          label="Type"
          placeholder="All types"
          clearable
          data={Object.entries(documentTypeNames).map(([value, label]) => ({ value, label }))}
          value={type}
          onChange={setType}
        />
        <TextInput
          label="Order or number"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
        />
      </Group>
      <Loaded query={documents}>
        {(all) => {
          const rows = all.filter(
            (doc) =>
              (!type || doc.type === type) &&
              (!search ||
                `${doc.number ?? ''} ${doc.shopifyOrderName}`.toLowerCase().includes(search.toLowerCase())),
          );
          return (
            <DataTable<SalesDocument>
              caption={`${rows.length} document(s)`}
              rows={rows}
              rowKey={(doc) => doc.id}
              columns={[
                {
                  label: 'No.',
                  render: (doc) =>
                    doc.number ? (
                      <Anchor component={Link} to={path`/shops/${code}/documents/${doc.number}`}>
                        {doc.number}
                      </Anchor>
                    ) : (
                      '(draft)'
                    ),
                },
                { label: 'Type', render: (doc) => documentTypeName(doc.type) },
                { label: 'Status', render: (doc) => doc.status },
                {
                  label: 'Order',
                  render: (doc) => (
                    <Anchor component={Link} to={path`/shops/${code}/orders/${doc.shopifyOrderId}`}>
                      {doc.shopifyOrderName}
                    </Anchor>
                  ),
                },
                { label: 'Customer', render: (doc) => doc.customerNo },
                { label: 'Date', render: (doc) => doc.documentDate },
                {
                  label: 'Amount incl. tax',
                  render: (doc) => formatAmount(doc.amountIncludingTax, doc.currency),
                  numeric: true,
                },
              ]}
            />
          );
        }}
      </Loaded>
    </>
  );
}
