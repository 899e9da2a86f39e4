import { createServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../shared/logger.ts';
import { createNotifier, type NotifierConfig, type RefundFailure } from './index.ts';

/** A message as the SMTP server received it. */
interface Received {
  mailFrom: string;
  rcptTo: string[];
  headers: Map<string, string>;
  body: string;
}

/** A real SMTP server on 127.0.0.1, any free port; with `login`, AUTH is required and checked. */
async function startSmtpServer(login?: { user: string; pass: string }) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: !login,
    allowInsecureAuth: true,
    // Its built-in certificate is self-signed: plain SMTP keeps the test about the notifier.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (login && auth.username === login.user && auth.password === login.pass)
        callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          ...parseMessage(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  servers.push(server);
  return { port, received };
}

/** Headers (unfolded, lower-case names) and the text body, quoted-printable decoded when nodemailer used it. */
function parseMessage(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = raw.slice(split + 4);
  if (headers.get('content-transfer-encoding') === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`);
    body = decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/g, '%25'));
  }
  return { headers, body: body.replace(/\r\n/g, '\n') };
}

const servers: SMTPServer[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  );
});

/** A logger whose lines the test can read. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger('debug', sink), lines };
}

const shop = { code: 'EU', name: 'EU web store', notificationEmail: 'finance@example.com' };

function aRefundFailure(overrides: Partial<RefundFailure> = {}): RefundFailure {
  return {
    shop,
    shopifyOrderName: '#1001',
    shopifyOrderId: 'gid://shopify/Order/5001',
    shopifyRefundId: 'gid://shopify/Refund/77',
    code: 'account_not_set',
    message: 'Refund gid://shopify/Refund/77 (order #1001): the shop setting refundPayFromAccount is not set',
    attempts: 1,
    ...overrides,
  };
}

function notifierFor(port: number, overrides: Partial<NotifierConfig> = {}) {
  const { logger, lines } = capturingLogger();
  const notifier = createNotifier({
    smtpUrl: `smtp://127.0.0.1:${port}`,
    mailFrom: 'Storebridge <books@example.com>',
    logger,
    timeoutMs: 5_000,
    ...overrides,
  });
  return { notifier, lines };
}

describe('failure emails over SMTP (seed 000)', () => {
  it('emails a refund that could not be processed to the shop notification address', async () => {
    const smtp = await startSmtpServer();
    const { notifier, lines } = notifierFor(smtp.port);

    const result = await notifier.refundFailed(aRefundFailure({ attempts: 3 }));

    expect(result).toEqual({ status: 'sent', messageId: expect.any(String) });
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message?.mailFrom).toBe('books@example.com');
    expect(message?.rcptTo).toEqual(['finance@example.com']);
    expect(message?.headers.get('from')).toBe('Storebridge <books@example.com>');
    expect(message?.headers.get('to')).toBe('finance@example.com');
    expect(message?.headers.get('subject')).toBe(
      '[storebridge] EU web store: refund of order #1001 could not be processed',
    );
    expect(message?.headers.get('content-type')).toMatch(/^text\/plain/);
    const body = message?.body ?? '';
    expect(body).toContain(
      'storebridge could not process refund gid://shopify/Refund/77 of order #1001 (gid://shopify/Order/5001) in shop "EU web store" (EU).',
    );
    expect(body).toContain('Error code: account_not_set');
    expect(body).toContain(
      'Message: Refund gid://shopify/Refund/77 (order #1001): the shop setting refundPayFromAccount is not set',
    );
    expect(body).toContain('Attempts so far: 3');
    expect(body).toContain('What to do: Fix what the message names');
    expect(body).toContain('storebridge tries the refund again on the next sync');
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'failure email sent', shop: 'EU' }));
  });

  it('emails an order that could not be imported, with the fix the caller names', async () => {
    const smtp = await startSmtpServer();
    const { notifier } = notifierFor(smtp.port);

    const result = await notifier.orderImportFailed({
      shop: { code: 'US', notificationEmail: 'ops@example.com' },
      shopifyOrderName: '#2002',
      shopifyOrderId: 'gid://shopify/Order/6002',
      code: 'item_not_mapped',
      message: 'Item "SB-A" (order #2002, line 2) is not mapped',
      attempts: 1,
      fix: 'Add item SB-A to the master data, or map its SKU.',
    });

    expect(result.status).toBe('sent');
    expect(smtp.received[0]?.headers.get('subject')).toBe(
      '[storebridge] US: order #2002 could not be imported',
    );
    expect(smtp.received[0]?.body).toContain('in shop US.');
    expect(smtp.received[0]?.body).toContain('What to do: Add item SB-A to the master data, or map its SKU.');
    expect(smtp.received[0]?.body).toContain('storebridge tries the order again on the next sync');
  });

  it('logs in with the user and password of the URL', async () => {
    const smtp = await startSmtpServer({ user: 'mailer', pass: 's3cret/pw' });
    const { notifier } = notifierFor(smtp.port, {
      smtpUrl: `smtp://mailer:s3cret%2Fpw@127.0.0.1:${smtp.port}`,
    });

    expect(await notifier.refundFailed(aRefundFailure())).toMatchObject({ status: 'sent' });
    expect(smtp.received).toHaveLength(1);
  });

  it('emails a failure once, however often the next syncs retry it; a new error is emailed again', async () => {
    const smtp = await startSmtpServer();
    const { notifier } = notifierFor(smtp.port);

    const results = [
      await notifier.refundFailed(aRefundFailure({ attempts: 1 })),
      await notifier.refundFailed(aRefundFailure({ attempts: 2 })),
      await notifier.refundFailed(aRefundFailure({ attempts: 3, code: 'item_not_mapped' })),
      await notifier.refundFailed(aRefundFailure({ shopifyRefundId: 'gid://shopify/Refund/78' })),
      await notifier.refundFailed(aRefundFailure({ shop: { ...shop, code: 'US' } })),
    ];

    expect(results.map((result) => result.status)).toEqual(['sent', 'skipped', 'sent', 'sent', 'sent']);
    expect(results[1]).toEqual({ status: 'skipped', reason: 'already_notified' });
    expect(smtp.received).toHaveLength(4);
  });

  it('emails once when the same failure is reported twice at the same time', async () => {
    const smtp = await startSmtpServer();
    const { notifier } = notifierFor(smtp.port);

    const results = await Promise.all([
      notifier.refundFailed(aRefundFailure()),
      notifier.refundFailed(aRefundFailure()),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(['sent', 'skipped']);
    expect(smtp.received).toHaveLength(1);
  });

  it('asks the caller’s notification log, and records only what was sent', async () => {
    const smtp = await startSmtpServer();
    const asked: string[] = [];
    const recorded: string[] = [];
    const persisted = new Set([
      JSON.stringify(['refund', 'EU', 'gid://shopify/Refund/77', 'account_not_set']),
    ]);
    const { notifier } = notifierFor(smtp.port, {
      notificationLog: {
        alreadyNotified: async (key) => (asked.push(key), persisted.has(key)),
        recordNotified: async (key) => void recorded.push(key),
      },
    });

    expect(await notifier.refundFailed(aRefundFailure())).toEqual({
      status: 'skipped',
      reason: 'already_notified',
    });
    expect(await notifier.refundFailed(aRefundFailure({ code: 'item_not_mapped' }))).toMatchObject({
      status: 'sent',
    });

    expect(asked).toHaveLength(2);
    expect(recorded).toEqual([
      JSON.stringify(['refund', 'EU', 'gid://shopify/Refund/77', 'item_not_mapped']),
    ]);
    expect(smtp.received).toHaveLength(1);
  });
});

describe('when nothing can be sent', () => {
  it('without an SMTP URL it sends nothing and logs so at info, once per failure', async () => {
    const { logger, lines } = capturingLogger();
    const notifier = createNotifier({ logger });

    const first = await notifier.refundFailed(aRefundFailure());
    const again = await notifier.refundFailed(aRefundFailure({ attempts: 2 }));

    expect(first).toEqual({ status: 'skipped', reason: 'smtp_not_configured' });
    expect(again).toEqual(first);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [30, 'failure email not sent: STOREBRIDGE_SMTP_URL is not set'],
      [20, 'failure email not sent: STOREBRIDGE_SMTP_URL is not set'],
    ]);
  });

  it('sends nothing for a shop without a notificationEmail', async () => {
    const smtp = await startSmtpServer();
    const { notifier, lines } = notifierFor(smtp.port);

    const result = await notifier.refundFailed(aRefundFailure({ shop: { code: 'EU' } }));

    expect(result).toEqual({ status: 'skipped', reason: 'no_notification_email' });
    expect(smtp.received).toHaveLength(0);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 30, shop: 'EU', reason: 'no_notification_email' }),
    );
  });

  it('an unreachable SMTP server gives failed, logged, not thrown; the next sync tries again', async () => {
    const port = await closedPort();
    const { notifier, lines } = notifierFor(port, { smtpUrl: `smtp://mailer:hunter2@127.0.0.1:${port}` });

    const first = await notifier.refundFailed(aRefundFailure());
    const second = await notifier.refundFailed(aRefundFailure({ attempts: 2 }));

    expect(first).toEqual({ status: 'failed', reason: expect.stringContaining('ECONNREFUSED') });
    expect(second.status).toBe('failed');
    const warning = lines.find((line) => line.msg === 'failure email could not be sent');
    expect(warning).toMatchObject({ level: 40, shop: 'EU', smtpServer: `127.0.0.1:${port}` });
    expect(JSON.stringify(lines)).not.toContain('hunter2');
  });

  it('a refused login gives failed without the password in the result or the log', async () => {
    const smtp = await startSmtpServer({ user: 'mailer', pass: 'right' });
    const { notifier, lines } = notifierFor(smtp.port, {
      smtpUrl: `smtp://mailer:hunter2@127.0.0.1:${smtp.port}`,
    });

    const result = await notifier.refundFailed(aRefundFailure());

    expect(result).toEqual({ status: 'failed', reason: expect.stringContaining('EAUTH') });
    expect(JSON.stringify(result)).not.toContain('hunter2');
    expect(JSON.stringify(lines)).not.toContain('hunter2');
    expect(smtp.received).toHaveLength(0);
  });

  it('a notification log that throws gives failed, not an exception in the import', async () => {
    const smtp = await startSmtpServer();
    const { notifier } = notifierFor(smtp.port, {
      notificationLog: {
        alreadyNotified: () => Promise.reject(new Error('database is gone')),
        recordNotified: () => undefined,
      },
    });

    expect(await notifier.refundFailed(aRefundFailure())).toEqual({
      status: 'failed',
      reason: 'database is gone',
    });
  });
});

/** A port on 127.0.0.1 that nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
