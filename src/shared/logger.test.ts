import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

describe('logger', () => {
  it('never writes secrets, at the top level or nested', () => {
    let written = '';
    const sink = new Writable({ write: (chunk, _enc, done) => ((written += chunk.toString()), done()) });
    const logger = createLogger('info', sink);
    logger.info(
      {
        shop: {
          code: 'MAIN',
          accessToken: 'shpat_live_secret',
          clientSecret: 'cs_secret',
          webhookSecret: 'whsec',
        },
        token: 't0k',
      },
      'shop loaded',
    );
    expect(written).toContain('MAIN');
    for (const secret of ['shpat_live_secret', 'cs_secret', 'whsec', 't0k'])
      expect(written).not.toContain(secret);
  });
});
