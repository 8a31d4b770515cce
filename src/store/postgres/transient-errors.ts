/** Which PostgreSQL/driver errors are worth retrying the whole transaction for. */
const RETRY_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '57P01', // admin_shutdown (server restarting, failover)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);
const RETRY_NODE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

export function isTransientPgError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    if (RETRY_SQLSTATES.has(code) || code.startsWith('08')) return true; // 08xxx: connection exceptions
    if (RETRY_NODE_CODES.has(code)) return true;
  }
  const msg = err instanceof Error ? err.message : '';
  // Errors from node-postgres itself carry no code.
  return /Connection terminated|not queryable|connection timeout|timeout exceeded when trying to connect/i.test(msg);
}

/** Full-jitter exponential backoff in ms for attempt 1, 2, … */
export function retryDelayMs(attempt: number): number {
  return Math.random() * Math.min(1000, 25 * 2 ** attempt);
}
