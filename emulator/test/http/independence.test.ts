import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// DESIGN.md: the emulator imports nothing from the product's src/ (not even the money helpers),
// so that it stays an independent model of Shopify and a bug cannot hide on both sides.
const emulatorDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js|mjs)$/.test(name) ? [path] : [];
  });
}

const specifiers = /(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g;

describe('emulator independence', () => {
  it('no file under emulator/ imports anything outside emulator/ but packages', () => {
    const escapes: string[] = [];
    const files = sourceFiles(emulatorDir);
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(specifiers)) {
        const specifier = match[1]!;
        if (!specifier.startsWith('.') && !specifier.startsWith('/')) continue;
        const target = resolve(dirname(file), specifier);
        if (relative(emulatorDir, target).startsWith('..'))
          escapes.push(`${relative(emulatorDir, file)} -> ${specifier}`);
      }
    }
    expect(files.length).toBeGreaterThan(20);
    expect(escapes).toEqual([]);
  });
});
