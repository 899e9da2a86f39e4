import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build:web` puts the operator UI (Default of buildServer's `webUi`). */
export const builtWebUiDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * The built app loads only its own scripts and calls only its own origin's /api/. Mantine sets
 * inline `style` attributes and a `<style>` of CSS variables at run time, hence 'unsafe-inline'
 * for styles only; scripts stay 'self'.
 */
export const webUiContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The built UI's folder when it holds a build, else null (tests that never build it serve no UI). */
export function findWebUi(dir: string | null | undefined = builtWebUiDir): string | null {
  if (!dir) return null;
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

/** Serves the built files at `/`, each with the CSP; hashed assets are cached for good. */
export function registerWebUi(app: FastifyInstance, dir: string): void {
  void app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    setHeaders: (reply, path) => {
      void reply
        .header('content-security-policy', webUiContentSecurityPolicy)
        .header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
    },
  });
}

/**
 * The single-page app's fallback: a browser GET of one of its pages (`/shops/DEMO`) answers
 * index.html and the app's router shows the page. /api/ and /webhooks/ keep their JSON 404.
 */
export function isWebUiPage(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  return !/^\/(api|webhooks)(\/|$)/.test(path);
}

export function sendWebUiIndex(reply: FastifyReply) {
  return reply.sendFile('index.html');
}
