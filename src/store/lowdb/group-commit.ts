/**
 * Group commit: transactions record their commit and wait for a write that
 * started after it. One write is in flight at a time; everything committed
 * meanwhile goes out together in the next write (lowdb: one journal append +
 * fdatasync), so the "durable before acknowledge" rule costs one write per
 * batch, not per request.
 */
export class GroupCommit {
  private committed = 0;
  private durable = 0;
  private writing = false;
  private failure: Error | undefined;
  private waiters: { version: number; resolve: () => void; reject: (err: Error) => void }[] = [];

  /** `write` must take its snapshot synchronously when called. */
  constructor(private readonly write: () => Promise<void>) {}

  /** Record a commit (the in-memory document changed). */
  markCommitted(): void {
    this.committed++;
  }

  /** Resolve once everything committed so far is on disk. */
  waitDurable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const version = this.committed;
    if (this.durable >= version) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ version, resolve, reject });
      this.kick();
    });
  }

  /** Set when a write failed: the memory copy is ahead of the disk, so the store stops. */
  get failed(): Error | undefined {
    return this.failure;
  }

  private kick(): void {
    if (this.writing || this.failure || this.durable >= this.committed) return;
    this.writing = true;
    const version = this.committed;
    let started: Promise<void>;
    try {
      started = this.write();
    } catch (err) {
      started = Promise.reject(err);
    }
    started.then(
      () => {
        this.durable = version;
        this.writing = false;
        this.settle();
        this.kick();
      },
      (err: unknown) => {
        this.writing = false;
        this.failure = new Error(`writing the journal failed; restart to reload the data: ${(err as Error).message}`, {
          cause: err,
        });
        for (const w of this.waiters.splice(0)) w.reject(this.failure);
      },
    );
  }

  private settle(): void {
    const done = this.waiters.filter((w) => w.version <= this.durable);
    this.waiters = this.waiters.filter((w) => w.version > this.durable);
    for (const w of done) w.resolve();
  }
}
