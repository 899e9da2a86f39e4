import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError, get, path } from '../api.ts';
import { documentTypeName, type DocumentLine, type SalesDocument } from '../documents.ts';
import { formatAmount } from '../money.ts';
import { DataTable, Loaded, PageTitle, formatDateTime } from '../ui.tsx';
import { GlTable, type GlEntry } from './gl.tsx';

interface StockMovement {
  itemNo: string;
  locationCode: string;
  quantity: number | string;
  kind?: string;
  createdAt?: string;
  [detail: string]: unknown;
}

interface DocumentDetail {
  document: SalesDocument;
  postings: GlEntry[];
  stockMovements: StockMovement[] | null;
}

/** One document with its lines, its G/L postings and its stock movements (issue 9 item 5). */
export function DocumentPage() {
  const { code = '', no = '' } = useParams();
  const detail = useQuery({
    queryKey: ['documents', code, 'detail', no],
    queryFn: () => loadDocument(code, no),
  });
  return (
    <>
      <PageTitle>Document {no}</PageTitle>
      <Loaded query={detail}>
        {({ document: doc, postings, stockMovements }) => (
          <Stack>
            <Group>
              <Badge>{documentTypeName(doc.type)}</Badge>
              <Badge variant="light">{doc.status}</Badge>
              <Text size="sm">
                Order{' '}
                <Link to={path`/shops/${code}/orders/${doc.shopifyOrderId}`}>{doc.shopifyOrderName}</Link>,
                customer {doc.customerNo}, {doc.documentDate},{' '}
                {formatAmount(doc.amountIncludingTax, doc.currency)} incl. tax
              </Text>
            </Group>
            <section aria-labelledby="lines">
              <Title order={2} size="h4" id="lines" mb="xs">
                Lines
              </Title>
              <DataTable<DocumentLine>
                caption="Document lines"
                rows={doc.lines}
                rowKey={(line) => String(line.lineNo)}
                columns={[
                  { label: 'Line', render: (line) => line.lineNo },
                  { label: 'Type', render: (line) => line.type },
                  { label: 'No.', render: (line) => line.no ?? '' },
                  { label: 'Description', render: (line) => line.description },
                  { label: 'Location', render: (line) => line.locationCode ?? '' },
                  { label: 'Quantity', render: (line) => String(line.quantity), numeric: true },
                  {
                    label: 'Unit price',
                    render: (line) => formatAmount(line.unitPrice, doc.currency),
                    numeric: true,
                  },
                  {
                    label: 'Amount',
                    render: (line) => formatAmount(line.amount, doc.currency),
                    numeric: true,
                  },
                ]}
              />
            </section>
            <section aria-labelledby="postings">
              <Title order={2} size="h4" id="postings" mb="xs">
                G/L postings
              </Title>
              <GlTable entries={postings} />
            </section>
            <section aria-labelledby="stock-movements">
              <Title order={2} size="h4" id="stock-movements" mb="xs">
                Stock movements
              </Title>
              {stockMovements === null ? (
                <Text size="sm">This server does not list stock movements per document.</Text>
              ) : (
                <DataTable<StockMovement>
                  caption="Stock movements of this document"
                  rows={stockMovements}
                  rowKey={(_m, i) => String(i)}
                  empty="No stock movements."
                  columns={[
                    { label: 'When', render: (m) => formatDateTime(m.createdAt) },
                    { label: 'Kind', render: (m) => m.kind ?? '' },
                    { label: 'Item', render: (m) => m.itemNo },
                    { label: 'Location', render: (m) => m.locationCode },
                    { label: 'Quantity', render: (m) => String(m.quantity), numeric: true },
                  ]}
                />
              )}
            </section>
          </Stack>
        )}
      </Loaded>
    </>
  );
}

/** `GET /api/shops/:code/documents/:no`, or, on a server without it, the list and the G/L. */
async function loadDocument(code: string, no: string): Promise<DocumentDetail> {
  try {
    const answer = await get<Record<string, unknown>>(path`/api/shops/${code}/documents/${no}`);
    const header = (answer.document ?? answer) as SalesDocument;
    const doc = { ...header, lines: (answer.lines ?? header.lines ?? []) as DocumentLine[] };
    return {
      document: doc,
      postings: (answer.postings ?? answer.glEntries ?? []) as GlEntry[],
      stockMovements: (answer.stockMovements ?? []) as StockMovement[],
    };
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 404 && error.message.startsWith('No route')))
      throw error;
  }
  const { documents } = await get<{ documents: SalesDocument[] }>(path`/api/shops/${code}/documents`);
  const doc = documents.find((d) => d.number === no);
  if (!doc) throw new Error(`Document ${no} does not exist in shop ${code}`);
  const { entries } = await get<{ entries: GlEntry[] }>(
    `${path`/api/shops/${code}/gl`}?document=${encodeURIComponent(no)}`,
  );
  return { document: doc, postings: entries, stockMovements: null };
}
