import { Button, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { get, path } from '../api.ts';
import { DataTable, Loaded, formatDateTime } from '../ui.tsx';

interface Movement {
  id: string | number;
  locationCode: string;
  quantity: number | string;
  kind: string;
  voucherType: string;
  voucherNo: string;
  createdAt: string;
  onHandAfter: number | string;
}

/** One item's stock ledger at a location, oldest first, with the on hand after each movement. */
export function StockMovements({
  item,
  location,
  onClose,
}: {
  item: string;
  location: string;
  onClose: () => void;
}) {
  const movements = useQuery({
    queryKey: ['stock-movements', item, location],
    queryFn: async () =>
      (
        await get<{ movements: Movement[] }>(
          `${path`/api/stock/${item}/movements`}?location=${encodeURIComponent(location)}`,
        )
      ).movements,
  });
  return (
    <section aria-labelledby="stock-movements">
      <Title order={2} size="h4" id="stock-movements" mt="lg" mb="xs">
        Movements of {item} at {location}
      </Title>
      <Button variant="default" size="xs" mb="xs" onClick={onClose}>
        Close the movements
      </Button>
      <Loaded query={movements}>
        {(rows) => (
          <DataTable<Movement>
            caption={`Stock ledger of ${item} at ${location}`}
            rows={rows}
            rowKey={(row) => String(row.id)}
            empty="No movements."
            columns={[
              { label: 'When', render: (row) => formatDateTime(row.createdAt) },
              { label: 'Kind', render: (row) => row.kind },
              { label: 'Voucher', render: (row) => `${row.voucherType} ${row.voucherNo}` },
              { label: 'Quantity', render: (row) => String(row.quantity), numeric: true },
              { label: 'On hand after', render: (row) => String(row.onHandAfter), numeric: true },
            ]}
          />
        )}
      </Loaded>
    </section>
  );
}
