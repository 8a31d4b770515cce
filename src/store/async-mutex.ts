/** A FIFO mutex for one process: serialises async critical sections. */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const prev = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((r) => (release = r));
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/** One mutex per name, created on demand and dropped when idle. */
export class NamedMutexes {
  private readonly locks = new Map<string, { mutex: AsyncMutex; users: number }>();

  async run<T>(name: string, fn: () => Promise<T>): Promise<T> {
    let entry = this.locks.get(name);
    if (!entry) this.locks.set(name, (entry = { mutex: new AsyncMutex(), users: 0 }));
    entry.users++;
    try {
      return await entry.mutex.run(fn);
    } finally {
      if (--entry.users === 0) this.locks.delete(name);
    }
  }
}
