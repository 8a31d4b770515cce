/** An officer's "retry": a failed or waiting item goes back to pending with its attempts reset. */
import type { Services } from '../services.js';
import type { OutboxItem } from '../store/records.js';

export type RetryResult = { ok: true; item: OutboxItem } | { ok: false; reason: 'not_found' | 'not_retryable'; item?: OutboxItem };

export async function retryOutboxItem(services: Services, id: string): Promise<RetryResult> {
  const result = await services.store.tx(async (t): Promise<RetryResult> => {
    const item = await t.getOutbox(id);
    if (!item) return { ok: false, reason: 'not_found' };
    if (item.status !== 'failed' && item.status !== 'waiting') return { ok: false, reason: 'not_retryable', item };
    const next: OutboxItem = { ...item, status: 'pending', attempts: 0, nextAttemptAt: services.clock().toISOString() };
    delete next.claimedBy;
    delete next.leaseUntil;
    await t.putOutbox(next);
    return { ok: true, item: next };
  });
  if (result.ok) services.kickOutbox();
  return result;
}
