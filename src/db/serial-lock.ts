/**
 * A FIFO mutex. PGlite is one PostgreSQL session: two interleaved transactions on it would share
 * one BEGIN/COMMIT scope (a rolled-back transaction's rows were seen to stay committed with the
 * `kysely-pglite` adapter), so every use of the embedded database takes this lock first.
 */
export class SerialLock {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => released);
    return acquired;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}
