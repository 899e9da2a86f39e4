import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../..', import.meta.url));
export const webDist = join(root, 'dist/web');

/**
 * Builds the operator UI into dist/web once: again only when a source is newer than the build
 * (the same rule as `npm start`'s web/build-if-stale.js), so the suite builds it once per change.
 */
export async function ensureWebBuilt(): Promise<string> {
  const index = join(webDist, 'index.html');
  const sources = [join(root, 'web'), join(root, 'package-lock.json')];
  const newestSource = Math.max(...sources.filter((path) => existsSync(path)).map(newest));
  if (!existsSync(index) || statSync(index).mtimeMs < newestSource) {
    await build({ configFile: join(root, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  return webDist;
}

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'node_modules')
    .reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}
