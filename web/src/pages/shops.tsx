import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useShops, type ShopSummary } from '../shops.ts';
import { DataTable, Loaded, PageTitle } from '../ui.tsx';

export function ShopsPage() {
  const shops = useShops();
  return (
    <>
      <PageTitle>Shops</PageTitle>
      <Loaded query={shops}>
        {(rows) => (
          <DataTable<ShopSummary>
            caption="Shops connected to this service"
            rows={rows}
            rowKey={(shop) => shop.code}
            empty="No shop yet: add one with `storebridge shop add`."
            columns={[
              {
                label: 'Code',
                render: (shop) => (
                  <Anchor component={Link} to={`/shops/${shop.code}`}>
                    {shop.code}
                  </Anchor>
                ),
              },
              { label: 'Name', render: (shop) => shop.name ?? '' },
              { label: 'Shopify domain', render: (shop) => shop.shopifyDomain },
              {
                label: 'Pages',
                render: (shop) => (
                  <>
                    <Anchor component={Link} to={`/shops/${shop.code}/orders-to-import`} mr="sm">
                      Orders to import
                    </Anchor>
                    <Anchor component={Link} to={`/shops/${shop.code}/documents`}>
                      Documents
                    </Anchor>
                  </>
                ),
              },
            ]}
          />
        )}
      </Loaded>
    </>
  );
}
