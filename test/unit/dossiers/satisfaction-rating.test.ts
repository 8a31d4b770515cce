/**
 * The satisfaction chart is fed by the ratings after status 10. They used to get lost:
 * a score typed after the 30-minute idle reset, a rating tap during an open handoff.
 */
import { describe, expect, it } from 'vitest';
import { processInbound } from '../../../src/dialog/process-inbound.js';
import { openHandoffForTest } from './open-handoff-for-test.js';
import { computeAdminStats } from '../../../src/web/server/compute-admin-stats.js';
import { loadOutcomeLabels } from '../../../src/web/server/outcome-labels.js';
import type { OaEvent } from '../../../src/platform/zalo/events.js';
import { ratingPayload } from '../../../src/dossiers/chat-payloads.js';
import { dossier } from '../store/store-records.js';
import { makeTestServices } from '../../support/make-test-services.js';

const CODE = '000.00.99.H99-261120-0042';

async function setup() {
  const ctx = await makeTestServices();
  let now = new Date('2026-11-23T02:00:00.000Z');
  ctx.services.clock = () => new Date(now.getTime());
  ctx.services.kickOutbox = () => undefined;
  let n = 0;
  const say = async (userId: string, text: string) => {
    const event = { appId: 'test-app', oaId: 'oa', timestamp: String(now.getTime()), userId, msgId: `m${++n}`, kind: 'user_send_text', text } as OaEvent;
    const key = `user_send_text:m${n}`;
    await ctx.store.tx((t) => t.insertInbound({ key, eventName: event.kind, userId, event, receivedAt: now.toISOString(), status: 'pending', attempts: 0 }));
    expect(await processInbound(ctx.services, key, userId)).toBe('handled');
    const items = await ctx.store.tx((t) => t.listOutbox({ userId }));
    return items.at(-1)!.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('\n');
  };
  await ctx.store.tx(async (t) => {
    await t.putDossier(dossier(CODE, { status: 10, state: 'returned', finalAt: now.toISOString() }));
    for (const userId of ['u1', 'u2']) await t.addSubscription({ code: CODE, userId, createdAt: now.toISOString() });
  });
  const stats = () => ctx.store.tx((t) => computeAdminStats(t, now, 14, loadOutcomeLabels()));
  return { ...ctx, say, stats, advance: (ms: number) => (now = new Date(now.getTime() + ms)), now: () => now };
}

describe('ratings after a returned result reach the satisfaction chart', () => {
  it('takes a score typed hours after the notification asked for it', async () => {
    const s = await setup();
    await s.store.tx((t) => t.putConversation({ userId: 'u1', failures: 0, pending: { kind: 'satisfaction', code: CODE }, updatedAt: s.now().toISOString() }));
    s.advance(3 * 3600_000);
    expect(await s.say('u1', '5')).toContain('đánh giá 5/5');
    expect((await s.stats()).satisfaction).toMatchObject({ count: 1, average: 5 });
  });

  it('records a rating tap while the citizen is handed off to an officer', async () => {
    const s = await setup();
    await openHandoffForTest(s.services, 'u2', s.now());
    expect(await s.say('u2', ratingPayload(4, CODE))).toContain('đánh giá 4/5');
    expect((await s.stats()).satisfaction).toMatchObject({ count: 1, byScore: { 4: 1 } });
  });
});
