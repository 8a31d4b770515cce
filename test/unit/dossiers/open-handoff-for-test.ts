/** Put an open handoff in the store directly (tests of what happens during one). */
import type { Services } from '../../../src/services.js';

export async function openHandoffForTest(services: Services, userId: string, now: Date): Promise<void> {
  await services.store.tx((t) =>
    t.putHandoff({ userId, status: 'open', reason: 'requested', openedAt: now.toISOString(), expiresAt: new Date(now.getTime() + 86_400_000).toISOString(), lastMessages: [] }),
  );
}
