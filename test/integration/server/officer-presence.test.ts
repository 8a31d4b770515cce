/** An authenticated admin call marks an officer present (shared through the store); a refused one does not. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, TEST_ADMIN_TOKEN, type TestBot } from '../../support/start-test-bot.js';
import { waitFor, settle } from '../../support/wait-for.js';
import { CONSOLE_PRESENCE } from '../../../src/dialog/officer-duty.js';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot?.stop();
});

const presence = () => bot.services.store.tx((t) => t.getPresence(CONSOLE_PRESENCE));

describe('officer presence', () => {
  it('is not recorded for a wrong token or an unknown admin path', async () => {
    const wrong = await fetch(`${bot.url}/api/admin/handoffs`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const unknown = await fetch(`${bot.url}/api/admin/nothing-here`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(unknown.status).toBe(404);
    await settle(200);
    expect(await presence()).toBeUndefined();
  });

  it('is recorded by the console heartbeat (and any authenticated call)', async () => {
    const res = await fetch(`${bot.url}/api/admin/presence`, { method: 'POST', headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } });
    expect(res.status).toBe(204);
    const at = await waitFor(presence, { what: 'the presence mark' });
    expect(Math.abs(Date.parse(at) - Date.now())).toBeLessThan(60_000);
  });
});
