/**
 * The whole path over real HTTP: feed → signed webhook events from the OA
 * emulator → verified lookup → subscription → status event → notification.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, TEST_ADMIN_TOKEN, TEST_INGEST_KEY, type TestBot } from '../../support/start-test-bot.js';
import { settle, waitFor } from '../../support/wait-for.js';
import { feedClient, messageText, sampleDossier, type FeedClient } from './feed-client.js';

let bot: TestBot;
let feed: FeedClient;

beforeAll(async () => {
  bot = await startTestBot();
  feed = feedClient(bot.url, TEST_INGEST_KEY, TEST_ADMIN_TOKEN);
});
afterAll(() => bot?.stop());

const texts = (userId: string) => bot.emulator.outbound(userId).map((o) => messageText(o.message));

/** Send and wait for the bot's answer (the outbound count to grow by `expect` messages). */
async function say(userId: string, text: string, expectMessages = 1): Promise<string[]> {
  const before = bot.emulator.outbound(userId).length;
  await bot.emulator.userSays(userId, text);
  const out = await bot.waitForOutbound(userId, before + expectMessages);
  return out.slice(before).map((o) => messageText(o.message));
}

describe('verified lookup, subscription and the result notification', () => {
  const code = '000.00.12.H12-261120-0101';

  it('goes from a code to exactly one "Đã xử lý xong" notification', async () => {
    expect((await feed.put(code, sampleDossier())).status).toBe(200);
    const [ask] = await say('citizen-1', 'Tra cứu hồ sơ');
    expect(ask).toContain('mã hồ sơ');
    const challenge = await say('citizen-1', code.toLowerCase(), 2);
    expect(challenge[0]).toContain('4 số cuối số điện thoại hoặc số CCCD');
    // The 4 digits show the status only (no ZNS here); the shared matching phone is the strong proof.
    const [weak] = await say('citizen-1', '5678', 2);
    expect(weak).toContain('Được tiếp nhận');
    expect(weak).not.toContain('Nguyễn');
    const shareFrom = bot.emulator.outbound('citizen-1').length;
    await bot.emulator.submitInfo('citizen-1', { name: 'Nguyễn Văn An', phone: '84912345678' });
    const [answer] = (await bot.waitForOutbound('citizen-1', shareFrom + 1)).slice(shareFrom).map((o) => messageText(o.message));
    expect(answer).toContain('Nguyễn V** A');
    expect(answer).toContain('Được tiếp nhận');
    expect(answer).toContain('20/11/2026');
    expect(answer).toContain('25/11/2026');
    expect(answer).not.toMatch(/0912345678|5678|001090012345/);
    const offer = bot.emulator.outbound('citizen-1').at(-1)!.message as { attachment?: { payload?: { buttons?: { title: string; payload: string }[] } } };
    const button = offer.attachment?.payload?.buttons?.find((b) => b.title === 'Báo tôi khi hồ sơ có kết quả');
    expect(button).toBeDefined();

    await bot.emulator.userTaps('citizen-1', button!.payload);
    await waitFor(() => texts('citizen-1').some((t) => t.includes('đã đăng ký nhận thông báo cho hồ sơ')));
    expect(await bot.services.store.tx((t) => t.listSubscribers(code))).toHaveLength(1);

    const before = bot.emulator.outbound('citizen-1').length;
    const ev = { eventId: 'one-stop-9001', status: 9, at: '2026-11-24T15:00:00+07:00' };
    const posted = await feed.event(code, ev);
    expect(posted.body).toMatchObject({ applied: true, notifications: 1 });
    const [note] = (await bot.waitForOutbound('citizen-1', before + 1)).slice(before);
    expect(note.endpoint).toBe('/v3.0/oa/message/cs');
    expect(messageText(note.message)).toContain('đã có kết quả');
    expect(messageText(note.message)).toContain(code);

    const again = await feed.event(code, ev);
    expect(again.body).toMatchObject({ duplicate: true, notifications: 0 });
    await settle(600);
    expect(bot.emulator.outbound('citizen-1')).toHaveLength(before + 1);
    const items = await bot.services.store.tx((t) => t.listOutbox({ dossierCode: code }));
    expect(items.filter((i) => i.kind === 'notification')).toHaveLength(1);
  });

  it('a subscribed user sees the status again without a challenge, by a code in a sentence', async () => {
    const [status] = await say('citizen-1', `hồ sơ ${code.toLowerCase()} của tôi xong chưa`);
    expect(status).toContain('Đã xử lý xong');
    expect(status).toContain('Phiếu tiếp nhận và hẹn trả kết quả');
  });

  it('unsubscribes by message, and unfollowing removes every subscription', async () => {
    const [off] = await say('citizen-1', `Hủy nhận thông báo hồ sơ ${code}`);
    expect(off).toContain('đã hủy nhận thông báo');
    expect(await bot.services.store.tx((t) => t.listSubscribers(code))).toHaveLength(0);

    await bot.services.store.tx((t) => t.addSubscription({ code, userId: 'citizen-1', createdAt: new Date().toISOString() }));
    await bot.emulator.unfollow('citizen-1');
    await waitFor(async () => (await bot.services.store.tx((t) => t.listUserSubscriptions('citizen-1'))).length === 0, {
      what: 'subscriptions removed after unfollow',
    });
  });
});

describe('verification by the phone shared through request_user_info', () => {
  it('shows the status when the shared Zalo phone is the applicant’s', async () => {
    const code = '000.00.12.H12-261120-0303';
    await feed.put(code, sampleDossier({ applicant: { fullName: 'Lê Thị Hoa', phone: '0987000111' } }));
    const challenge = await say('sharer', `Tra cứu hồ sơ ${code}`, 2);
    expect(challenge[1]).toContain('Chia sẻ số điện thoại');
    const before = bot.emulator.outbound('sharer').length;
    await bot.emulator.submitInfo('sharer', { name: 'Lê Thị Hoa', phone: '84987000111' });
    const [shown] = (await bot.waitForOutbound('sharer', before + 1)).slice(before).map((o) => messageText(o.message));
    expect(shown).toContain('Lê T** H');
    expect(shown).not.toContain('0987000111');
  });
});

describe('the challenge reveals nothing and is rate limited', () => {
  const code = '000.00.12.H12-261120-0202';

  it('answers a wrong answer exactly like an unknown code', async () => {
    await feed.put(code, sampleDossier());
    await say('prober-1', 'Tra cứu hồ sơ');
    const known = await say('prober-1', code, 2);
    const [wrongKnown] = await say('prober-1', '0000');

    const unknownCode = '000.00.12.H12-261120-0999';
    await say('prober-2', 'Tra cứu hồ sơ');
    const unknown = await say('prober-2', unknownCode, 2);
    const [wrongUnknown] = await say('prober-2', '0000');

    expect(known[0].replace(code, 'X')).toBe(unknown[0].replace(unknownCode, 'X'));
    expect(wrongKnown).toBe(wrongUnknown);
    expect(wrongKnown).not.toContain('Nguyễn');
  });

  it('refuses the sixth attempt within the hour even when it is right', async () => {
    // prober-1 already failed once on this code; four more wrong answers make five, all answered alike.
    const replies: string[] = [];
    for (let i = 0; i < 4; i++) replies.push(...(await say('prober-1', `000${i}`)));
    expect(new Set(replies).size).toBe(1);
    const [refused] = await say('prober-1', '5678', 2);
    expect(refused).toContain('tài khoản Zalo này đã nhập sai thông tin xác minh 5 lần');
    expect(refused).not.toContain('Nguyễn');
    const [again] = await say('prober-1', `Tra cứu hồ sơ ${code}`, 2);
    expect(again).toContain('tài khoản Zalo này');
    // The 4-digit lock covers the code for everyone, and says it was another account's doing.
    await say('owner-late', 'Tra cứu hồ sơ');
    const [lockedForCode] = await say('owner-late', code, 2);
    expect(lockedForCode).toContain('không phải từ tài khoản của anh/chị');
    const [stillLocked] = await say('owner-late', '5678', 2);
    expect(stillLocked).toContain('đang tạm khóa');
    // The owner shares the matching phone and is in at once.
    const from = bot.emulator.outbound('owner-late').length;
    await bot.emulator.submitInfo('owner-late', { name: 'Nguyễn Văn An', phone: '84912345678' });
    const [shown] = (await bot.waitForOutbound('owner-late', from + 1)).slice(from).map((o) => messageText(o.message));
    expect(shown).toContain('Nguyễn V** A');
  });
});
