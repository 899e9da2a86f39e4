import { Button, Group, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../api.ts';
import { DataTable, Loaded, PageTitle } from '../ui.tsx';
import { StockMovements } from './stock-movements.tsx';

interface StockLevel {
  itemNo: string;
  locationCode: string;
  onHand: number | string;
  released: number | string;
  availableToSell: number | string;
}

/** On hand, released to sales orders and available to sell per item and location (issue 9 item 5). */
export function StockPage() {
  const stock = useQuery({
    queryKey: ['stock'],
    queryFn: async () => (await get<{ stock: StockLevel[] }>('/api/stock')).stock,
  });
  const [item, setItem] = useState('');
  const [location, setLocation] = useState('');
  const [ledger, setLedger] = useState<StockLevel | null>(null);
  return (
    <>
      <PageTitle>Stock and available to sell</PageTitle>
      <Group mb="sm">
        <TextInput label="Item" value={item} onChange={(e) => setItem(e.currentTarget.value)} />
        <TextInput label="Location" value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
      </Group>
      <Loaded query={stock}>
        {(all) => {
          const rows = all.filter(
            (row) =>
              row.itemNo.toLowerCase().includes(item.toLowerCase()) &&
              row.locationCode.toLowerCase().includes(location.toLowerCase()),
          );
          return (
            <DataTable<StockLevel>
              caption="Stock per item and location"
              rows={rows}
              rowKey={(row) => `${row.itemNo}@${row.locationCode}`}
              columns={[
                { label: 'Item', render: (row) => row.itemNo },
                { label: 'Location', render: (row) => row.locationCode },
                { label: 'On hand', render: (row) => String(row.onHand), numeric: true },
                { label: 'Released', render: (row) => String(row.released), numeric: true },
                { label: 'Available to sell', render: (row) => String(row.availableToSell), numeric: true },
                {
                  label: 'Ledger',
                  render: (row) => (
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setLedger(row)}
                      aria-label={`Movements of ${row.itemNo} at ${row.locationCode}`}
                    >
                      Movements
                    </Button>
                  ),
                },
              ]}
            />
          );
        }}
      </Loaded>
      {ledger && (
        <StockMovements item={ledger.itemNo} location={ledger.locationCode} onClose={() => setLedger(null)} />
      )}
    </>
  );
}
