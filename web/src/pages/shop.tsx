import { Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { get, path } from '../api.ts';
import { isMappingGroup, type ShopCard } from '../settings.ts';
import { Loaded, PageTitle } from '../ui.tsx';
import { ShopConnection } from './shop-connection.tsx';
import { SettingsForm } from './settings-form.tsx';

/** The shop card: settings, mappings, connection test and webhook status (issue 9 item 2). */
export function ShopPage() {
  const code = useParams().code ?? '';
  const shop = useQuery({ queryKey: ['shop', code], queryFn: () => get<ShopCard>(path`/api/shops/${code}`) });
  return (
    <>
      <PageTitle>Shop {code}</PageTitle>
      <Loaded query={shop}>
        {(card) => (
          <>
            <Text mb="md">
              {card.name ? `${card.name}, ` : ''}
              {card.shopifyDomain}
            </Text>
            <Tabs defaultValue="settings" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="settings">Settings</Tabs.Tab>
                <Tabs.Tab value="mappings">Mappings</Tabs.Tab>
                <Tabs.Tab value="connection">Connection and webhooks</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="settings" pt="md">
                <SettingsForm code={code} groups={card.groups.filter((group) => !isMappingGroup(group))} />
              </Tabs.Panel>
              <Tabs.Panel value="mappings" pt="md">
                <SettingsForm code={code} groups={card.groups.filter(isMappingGroup)} />
              </Tabs.Panel>
              <Tabs.Panel value="connection" pt="md">
                <ShopConnection code={code} />
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </Loaded>
    </>
  );
}
