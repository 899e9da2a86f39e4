import { inject } from 'vitest';
import { adminQuery, openTestStore, type TestStore } from '../../../test/support/test-store.ts';
import type { Backend } from '../../db/index.ts';
import { openJobQueue, type JobQueue, type Worker } from '../index.ts';

/** A fresh store with its job queue, for the jobs' integration tests on either backend. */
export interface JobTestbed {
  store: TestStore;
  queue: JobQueue;
  worker?: Worker | undefined;
}

export async function openJobTestbed(backend: Backend): Promise<JobTestbed> {
  const store = await openTestStore(backend);
  return { store, queue: await openJobQueue(store) };
}

/** Stops the worker and the queue, closes the store and drops the queue's schema on the server. */
export async function closeJobTestbed(testbed: JobTestbed): Promise<void> {
  await testbed.worker?.stop();
  await testbed.queue.stop({ graceful: false });
  await testbed.store.close();
  const url = inject('postgresUrl');
  if (testbed.store.schema && url)
    await adminQuery(url, `drop schema if exists ${testbed.store.schema}_jobs cascade`);
}

/** Reads until `done` holds or the time is up; the last value either way. */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
