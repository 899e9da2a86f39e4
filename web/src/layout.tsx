import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useMatch, useNavigate } from 'react-router';
import { api } from './api.ts';
import type { Me } from './session.ts';
import { useShops } from './shops.ts';

/** Header, navigation and main landmarks around every signed-in page. */
export function Layout({ me }: { me: Me }) {
  const [opened, { toggle }] = useDisclosure();
  const shop = useCurrentShop();
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={2} size="h4">
              storebridge
            </Title>
          </Group>
          <Group>
            <Text size="sm">
              {me.name} ({me.role})
            </Text>
            <SignOutButton />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Main">
        <Item to="/" label="Dashboard" />
        <Item to="/needs-attention" label="Needs attention" />
        <Item to="/shops" label="Shops" />
        {shop && (
          <>
            <Text size="xs" fw={700} c="gray.8" mt="md" mb={4} px="sm">
              Shop {shop}
            </Text>
            <Item to={`/shops/${shop}`} label="Settings" />
            <Item to={`/shops/${shop}/orders-to-import`} label="Orders to import" />
            <Item to={`/shops/${shop}/documents`} label="Documents" />
            <Item to={`/shops/${shop}/gl`} label="G/L entries" />
          </>
        )}
        <Item to="/stock" label="Stock" />
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}

function Item({ to, label }: { to: string; label: string }) {
  const location = useLocation();
  const active = location.pathname === to;
  return (
    <NavLink
      component={Link}
      to={to}
      label={label}
      active={active}
      aria-current={active ? 'page' : undefined}
    />
  );
}

/** The shop in the address, else the first one, so its pages are one click away. */
function useCurrentShop(): string | undefined {
  const match = useMatch('/shops/:code/*');
  const shops = useShops();
  return match?.params.code ?? shops.data?.[0]?.code;
}

function SignOutButton() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <Button
      variant="default"
      size="xs"
      onClick={async () => {
        await api('DELETE', '/api/session').catch(() => undefined);
        queryClient.clear();
        await navigate('/sign-in');
      }}
    >
      Sign out
    </Button>
  );
}
