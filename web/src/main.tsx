import '@mantine/core/styles.css';
import '@mantine/charts/styles.css';
import {
  MantineProvider,
  Modal,
  darken,
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api.ts';
import { App } from './app.tsx';

/**
 * Mantine's palette is bright: shade 6 text on white or on a light tint, and white on a filled
 * shade 8, fall under WCAG's 4.5:1 (axe "color-contrast"). Text and fills here are the color's
 * shade 9 darkened further, which keeps every variant above it.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const shade = parsed.isThemeColor ? input.theme.colors[parsed.color]?.[9] : undefined;
  if (!shade) return colors;
  const ink = darken(shade, 0.3);
  switch (input.variant) {
    case 'filled':
      return { ...colors, background: ink, hover: darken(shade, 0.45), color: 'white' };
    case 'light':
    case 'subtle':
    case 'transparent':
      return { ...colors, color: ink, hoverColor: ink };
    case 'outline':
      return { ...colors, color: ink, hoverColor: ink, border: `1px solid ${ink}` };
    default:
      return colors;
  }
};

const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  variantColorResolver,
  components: {
    // The dialog's close button is an icon: it needs a name.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
  },
});

/** A session that expired mid-work: any 401 signs the user out, and the app shows the sign-in. */
const signOutOn401 = (error: unknown) => {
  if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(['me'], null);
};

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: signOutOn401 }),
  mutationCache: new MutationCache({ onError: signOutOn401 }),
  defaultOptions: {
    queries: {
      // A 4xx will answer the same again: show it instead of retrying.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// Help texts ("dimmed", gray 6) and error messages (red 6) fall under 4.5:1 on white; shades 7 and 9 do not.
const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <App />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
