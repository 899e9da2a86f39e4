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
  /** pino log level. Default `info`. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type RuntimeConfig = z.infer<typeof envSchema>;

export function readRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  // `FOO= npm start` means "not set", as in most twelve-factor services.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigurationError(`Environment variable ${String(issue?.path[0])}: ${issue?.message}`);
  }
  return parsed.data;
}
