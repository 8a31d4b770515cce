/**
 * Poll until `check` returns a truthy value (or stops throwing); the value is returned.
 * For waiting on asynchronous effects (a reply reaching the OA), never for timing assertions.
 *
 * Usage: const sent = await waitFor(() => oa.requestsTo('/v3.0/oa/message/cs')[0]);
 */
export async function waitFor<T>(check: () => T | Promise<T>, opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeoutMs ?? 5000);
  let lastErr: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v as NonNullable<T>;
    } catch (err) {
      lastErr = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`waitFor timed out${opts.what ? ` waiting for ${opts.what}` : ''}${lastErr ? `: ${(lastErr as Error).message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 20));
  }
}

/** Let pending asynchronous work settle for `ms` (to show that something did NOT happen). */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
