import { z } from 'zod';
import { ConfigurationError } from '../shared/errors.ts';

/** The service's runtime configuration, from the environment. Each default is written down. */
const envSchema = z.object({
  /** `postgres://…` switches from the embedded PGlite store to a PostgreSQL server. Default: unset (embedded). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  /** Folder of the embedded store and its generated secret key. Default `./data`. */
  STOREBRIDGE_DATA_DIR: z.string().min(1).default('./data'),
  /** 32-byte key (base64 or 64 hex characters) that encrypts shop secrets at rest. Default: generated into the data folder. */
  STOREBRIDGE_SECRET_KEY: z.string().optional(),
  /** HTTP port. Default 3000. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Port of the built-in demo emulator that `npm start` runs while no real shop is configured. Default 4010 (any free port when taken). */
  STOREBRIDGE_DEMO_EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  /** HTTP listen address. Default 127.0.0.1. */
  HOST: z.string().default('127.0.0.1'),
  /**
   * The address Shopify reaches this service at, e.g. `https://books.example.com`: webhook
   * subscriptions point at `<it>/webhooks/shopify` (`webhooks sync`; Shopify delivers to https
   * only). Default: unset; `webhooks sync --address` stands in for it.
   */
  STOREBRIDGE_PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      error: 'must be an http:// or https:// URL, e.g. https://books.example.com',
    })
    .optional(),
  /** pino log level. Default `info`. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * SMTP server that failure emails go through (seed 000: a refund that fails to import is
   * emailed to the shop's notificationEmail), e.g. `smtp://user:pass@mail.example.com:587`
   * (STARTTLS when offered) or `smtps://…:465`. Holds a password: never logged.
   * Default: unset, and no email is sent.
   */
  STOREBRIDGE_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  /**
   * The From of failure emails: `books@example.com` or `Storebridge <books@example.com>`.
   * Default: unset; required when STOREBRIDGE_SMTP_URL is set.
   */
  STOREBRIDGE_MAIL_FROM: z
    .string()
    .trim()
    .refine(isMailbox, 'must be an email address, optionally with a name: Storebridge <books@example.com>')
    .optional(),
});

const mailFromRequired = envSchema.superRefine((env, context) => {
  if (env.STOREBRIDGE_SMTP_URL && !env.STOREBRIDGE_MAIL_FROM) {
    context.addIssue({
      code: 'custom',
      path: ['STOREBRIDGE_MAIL_FROM'],
      message: 'is required when STOREBRIDGE_SMTP_URL is set',
    });
  }
});

export type RuntimeConfig = z.infer<typeof envSchema>;

export function readRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  // `FOO= npm start` means "not set", as in most twelve-factor services.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = mailFromRequired.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigurationError(`Environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  return parsed.data;
}

/** `books@example.com` or `Display Name <books@example.com>`. */
function isMailbox(text: string): boolean {
  const address = /^[^<>]*<([^<>]+)>$/.exec(text)?.[1] ?? text;
  return z.email().safeParse(address).success;
}
