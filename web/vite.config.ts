import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The operator UI (issue 9): built into dist/web, which the server serves at `/`. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // One bundle for an operator's screen is fine; Mantine and recharts are most of it.
    chunkSizeWarningLimit: 2500,
  },
  // `npm run dev:web` against a running `npm start`.
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
