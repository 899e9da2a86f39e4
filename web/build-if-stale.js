// `npm start`'s prestart: build the operator UI into dist/web when it is missing or older than
// its sources, so `npm install && npm start` on a fresh clone opens to a working UI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist/web/index.html');
const sources = [join(root, 'web'), join(root, 'package-lock.json')];

/** The newest modification time under `path` (files and folders, node_modules aside). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path)
    .filter((name) => name !== 'node_modules')
    .reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.filter(existsSync).map(newest))) {
  process.exit(0);
}
process.stdout.write('Building the web UI (dist/web)…\n');
const result = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
