import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

/**
 * The database suite runs on PGlite always, and on the PostgreSQL server when one answers on
 * 127.0.0.1:5432 (the project's machines and CI run one: trust auth, user postgres).
 * When it does not answer, we try to start the local cluster once; if that fails too, the
 * server half of the suite is skipped and the reason is printed here and in each skipped test.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string | null;
    postgresSkipReason: string;
  }
}

const adminUrl = process.env.STOREBRIDGE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function setup(project: TestProject): Promise<void> {
  let reason = await probe();
  if (reason) {
    tryStartLocalCluster();
    reason = await probe();
  }
  project.provide('postgresUrl', reason ? null : adminUrl);
  project.provide('postgresSkipReason', reason ?? '');
  if (reason) console.warn(`[storebridge tests] PostgreSQL server suite skipped: ${reason}`);
}

async function probe(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `no PostgreSQL server at ${adminUrl.replace(/\/\/[^@]*@/, '//')} (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function tryStartLocalCluster(): void {
  try {
    const versions = readdirSync('/etc/postgresql');
    for (const version of versions) {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
        stdio: 'ignore',
        timeout: 30_000,
      });
    }
  } catch {
    // No local cluster to start: probe() reports why the server suite is skipped.
  }
}
