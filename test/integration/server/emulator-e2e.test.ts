import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../../support/start-test-bot.js';
import { settle, waitFor } from '../../support/wait-for.js';

describe('bot end to end against the OA emulator (real HTTP)', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot();
  });
  afterEach(async () => {
    await t.stop();
  });

  it('answers a follow with a welcome carrying menu buttons', async () => {
    // The emulator (defensively) does not let a bare follow open the 7-day window; here the
    // citizen has interacted before, so consultation messages are allowed.
    t.emulator.setLastInteraction('u-follow', new Date());
    const res = await t.emulator.follow('u-follow');
    expect(res.status).toBe(200);
    const [welcome] = await t.waitForOutbound('u-follow');
    expect(welcome.endpoint).toBe('/v3.0/oa/message/cs');
    const msg = welcome.message as { text: string; attachment?: { payload?: { buttons?: { type: string }[] } } };
    expect(msg.text).toMatch(/chào/i);
    const buttons = msg.attachment?.payload?.buttons ?? [];
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    expect(buttons.length).toBeLessThanOrEqual(5);
    expect(buttons.every((b) => b.type.startsWith('oa.'))).toBe(true);
  });

  it('parks a welcome the OA refuses (-230, follow outside the window) until the citizen writes', async () => {
    await t.emulator.follow('u-new');
    const parked = await waitFor(() =>
      t.services.store.tx(async (tx) => (await tx.listOutbox({ userId: 'u-new', status: 'waiting' }))[0]),
    );
    expect(parked.lastError).toContain('-230');
    expect(t.emulator.outbound('u-new')).toHaveLength(0);
    await t.emulator.userSays('u-new', 'abc xyz 123');
    const out = await t.waitForOutbound('u-new', 2);
    expect(JSON.stringify(out[0].message)).toContain('buttons'); // the welcome first, then the answer
    expect(out[0].message.text).toMatch(/chào/i);
  });

  it('answers a greeting with the welcome, and other text with a reply', async () => {
    await t.emulator.userSays('u1', 'Xin chào');
    const [welcome] = await t.waitForOutbound('u1');
    expect(JSON.stringify(welcome.message)).toContain('buttons');
    await t.emulator.userSays('u1', 'abc xyz 123');
    const out = await t.waitForOutbound('u1', 2);
    expect(out[1].message.text).toEqual(expect.any(String));
    await settle(200);
    expect(t.emulator.outbound('u1')).toHaveLength(2);
  });

  it('refreshes an expired access token once and delivers the reply', async () => {
    t.emulator.expireAccessToken();
    await t.emulator.userSays('u2', 'Xin chào');
    const [reply] = await t.waitForOutbound('u2');
    expect(t.emulator.refreshCount()).toBe(1);
    expect(reply.accessToken).toBe(t.emulator.currentAccessToken());
    const stored = await t.services.store.tx((tx) => tx.getTokens());
    expect(stored?.accessToken).toBe(t.emulator.currentAccessToken());
  });

  it('delivers exactly once after two 5xx answers', async () => {
    t.emulator.injectFault({ kind: 'http', status: 500, times: 2 });
    await t.emulator.userSays('u3', 'Xin chào');
    await t.waitForOutbound('u3', 1, 10_000);
    await settle(300);
    expect(t.emulator.outbound('u3')).toHaveLength(1);
  });

  it('marks the event done and records the reply in the outbox', async () => {
    await t.emulator.userSays('u4', 'Xin chào');
    await t.waitForOutbound('u4');
    const item = await waitFor(() => t.services.store.tx(async (tx) => (await tx.listOutbox({ userId: 'u4' })).find((i) => i.status === 'sent')));
    expect(item.kind).toBe('reply');
    expect(item.oaMessageIds).toHaveLength(1);
  });
});
