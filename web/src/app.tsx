import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Layout } from './layout.tsx';
import { DashboardPage } from './pages/dashboard.tsx';
import { DocumentPage } from './pages/document.tsx';
import { DocumentsPage } from './pages/documents.tsx';
import { GlPage } from './pages/gl.tsx';
import { NeedsAttentionPage } from './pages/needs-attention.tsx';
import { OrderPage } from './pages/order.tsx';
import { OrdersToImportPage } from './pages/orders-to-import.tsx';
import { ShopPage } from './pages/shop.tsx';
import { ShopsPage } from './pages/shops.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { StockPage } from './pages/stock.tsx';
import { ErrorAlert } from './ui.tsx';
import { useMe } from './session.ts';

export function App() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending)
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  if (me.error) return <ErrorAlert error={me.error} />;
  if (!me.data)
    return (
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route
          path="*"
          element={<Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />}
        />
      </Routes>
    );
  return (
    <Routes>
      <Route path="/sign-in" element={<Navigate to="/" replace />} />
      <Route element={<Layout me={me.data} />}>
        <Route path="/" element={<DashboardPage />} />
        <Route path="/needs-attention" element={<NeedsAttentionPage />} />
        <Route path="/shops" element={<ShopsPage />} />
        <Route path="/shops/:code" element={<ShopPage />} />
        <Route path="/shops/:code/orders-to-import" element={<OrdersToImportPage />} />
        <Route path="/shops/:code/orders/:order" element={<OrderPage />} />
        <Route path="/shops/:code/documents" element={<DocumentsPage />} />
        <Route path="/shops/:code/documents/:no" element={<DocumentPage />} />
        <Route path="/shops/:code/gl" element={<GlPage />} />
        <Route path="/stock" element={<StockPage />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
