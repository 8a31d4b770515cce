import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdminDialogRouter } from '../../../../src/http/routes/admin-dialog-routes.js';
import { Conversation, nlu } from '../../dialog/make-turn.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function start(c: Conversation): Promise<string> {
  const app = express();
  app.use(createAdminDialogRouter(c.services, {}));
  server = createServer(app);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const auth = { authorization: 'Bearer secret-admin' };

describe('admin dialog API', () => {
  it('refuses without the bearer token', async () => {
    const c = await Conversation.start({ ADMIN_TOKEN: 'secret-admin' });
    const url = await start(c);
    expect((await fetch(`${url}/api/admin/handoffs`)).status).toBe(401);
    expect((await fetch(`${url}/api/admin/feedback`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('lists the queue, replies as the OA, releases the conversation', async () => {
    const c = await Conversation.start({ ADMIN_TOKEN: 'secret-admin' });
    let kicks = 0;
    c.services.kickOutbox = () => void kicks++;
    c.services.clock = () => c.now;
    await c.say('cho gặp cán bộ', nlu('cho gặp cán bộ', 'human_handoff'));
    const url = await start(c);

    const list = await (await fetch(`${url}/api/admin/handoffs?status=open`, { headers: auth })).json();
    expect(list.items.map((h: { userId: string }) => h.userId)).toEqual(['u1']);
    expect((await fetch(`${url}/api/admin/handoffs?status=nope`, { headers: auth })).status).toBe(400);

    const reply = await fetch(`${url}/api/admin/handoffs/u1/reply`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Chào anh/chị, tôi là cán bộ tiếp nhận.' }),
    });
    expect(reply.status).toBe(202);
    expect(await reply.json()).toEqual({ queued: true });
    const outbox = await c.services.store.tx((t) => t.listOutbox({ userId: 'u1' }));
    const officer = outbox.find((o) => o.dedupeKey.startsWith('officer:'));
    expect(officer?.parts).toEqual([{ kind: 'text', text: 'Chào anh/chị, tôi là cán bộ tiếp nhận.' }]);
    expect(officer?.status).toBe('pending');
    expect(kicks).toBe(1);

    const missing = await fetch(`${url}/api/admin/handoffs/nobody/reply`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x' }),
    });
    expect(missing.status).toBe(404);
    const empty = await fetch(`${url}/api/admin/handoffs/u1/reply`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ text: '' }),
    });
    expect(empty.status).toBe(400);

    const rel = await fetch(`${url}/api/admin/handoffs/u1/release`, { method: 'POST', headers: auth });
    const body = await rel.json();
    expect(body.handoff).toMatchObject({ userId: 'u1', status: 'released', releasedBy: 'admin' });
    expect(body.handoff.lastMessages.map((m: { from: string }) => m.from)).toEqual(['user', 'officer']);
    const texts = (await c.services.store.tx((t) => t.listOutbox({ userId: 'u1' }))).flatMap((o) => o.parts.map((p) => (p.kind === 'text' ? p.text : '')));
    expect(texts.some((t) => t.startsWith('Dạ, cán bộ đã kết thúc hỗ trợ'))).toBe(true);

    // Released: the bot answers again.
    const back = await c.say('cảm ơn', nlu('cảm ơn', 'thanks'));
    expect(back.replies).toHaveLength(1);
  });

  it('lists feedback tickets and unanswered questions, most asked first', async () => {
    const c = await Conversation.start({ ADMIN_TOKEN: 'secret-admin' });
    const text = 'tôi muốn phản ánh việc xếp hàng quá lâu tại quầy một cửa sáng nay';
    await c.say(text, nlu(text, 'feedback'));
    await c.say('thủ tục nuôi ong', nlu('thủ tục nuôi ong', 'procedure_info', { procedureMentionedButUnknown: true }));
    await c.say('blah blah', nlu('blah blah', 'out_of_scope', { intentConfidence: 0.1 }));
    await c.say('Thủ tục nuôi ong', nlu('Thủ tục nuôi ong', 'procedure_info', { procedureMentionedButUnknown: true }));
    const url = await start(c);
    const fb = await (await fetch(`${url}/api/admin/feedback`, { headers: auth })).json();
    expect(fb.items[0]).toMatchObject({ number: 'PAKN-20260616-0001', content: text, status: 'open' });
    const un = await (await fetch(`${url}/api/admin/unanswered`, { headers: auth })).json();
    expect(un.items[0]).toMatchObject({ normalized: 'thu tuc nuoi ong', count: 2, reason: 'not_in_catalog' });
    expect(un.items[1]).toMatchObject({ normalized: 'blah blah', count: 1, reason: 'not_understood' });
    expect(un.groups.map((g: { sample: string; count: number }) => [g.sample, g.count])).toEqual([['thủ tục nuôi ong', 2], ['blah blah', 1]]);
  });
});

describe('parked inbox events', () => {
  it('lists them newest first with attempts and reason; the text only as a short preview with numbers masked', async () => {
    const c = await Conversation.start({ ADMIN_TOKEN: 'secret-admin' });
    const event = { kind: 'user_send_text', appId: 'a', oaId: 'oa', timestamp: '1', userId: 'u7', msgId: 'm7', text: 'số điện thoại của tôi là 0912345678, hồ sơ bị treo mãi không thấy ai trả lời gì cả' };
    const base = { eventName: 'user_send_text', userId: 'u7', event, status: 'failed' as const, attempts: 3, failedAt: '2026-06-16T03:00:00.000Z' };
    await c.services.store.tx(async (t) => {
      await t.insertInbound({ ...base, key: 'user_send_text:u7:m7', receivedAt: '2026-06-16T02:00:00.000Z', failedReason: 'gave up after 3 attempts; the process died or hung during the turn' });
      await t.insertInbound({ ...base, key: 'follow:u8:x', eventName: 'follow', userId: 'u8', event: { ...event, kind: 'follow', userId: 'u8' }, receivedAt: '2026-06-16T02:30:00.000Z', failedReason: 'gave up after 3 attempts; last error: boom' });
      await t.insertInbound({ ...base, key: 'user_send_text:u9:m9', status: 'pending', receivedAt: '2026-06-16T02:40:00.000Z' });
    });
    const url = await start(c);
    expect((await fetch(`${url}/api/admin/inbox/failed`)).status).toBe(401);
    const { items } = await (await fetch(`${url}/api/admin/inbox/failed`, { headers: auth })).json();
    expect(items).toEqual([
      { key: 'follow:u8:x', userId: 'u8', eventName: 'follow', attempts: 3, reason: 'gave up after 3 attempts; last error: boom', receivedAt: '2026-06-16T02:30:00.000Z', failedAt: '2026-06-16T03:00:00.000Z', preview: '[follow]' },
      {
        key: 'user_send_text:u7:m7',
        userId: 'u7',
        eventName: 'user_send_text',
        attempts: 3,
        reason: 'gave up after 3 attempts; the process died or hung during the turn',
        receivedAt: '2026-06-16T02:00:00.000Z',
        failedAt: '2026-06-16T03:00:00.000Z',
        preview: 'số điện thoại của tôi là ••••••••••, hồ sơ bị treo mãi…',
      },
    ]);
    expect(JSON.stringify(items)).not.toContain('0912345678');
    const one = await (await fetch(`${url}/api/admin/inbox/failed?limit=1`, { headers: auth })).json();
    expect(one.items).toHaveLength(1);
  });
});

describe('admin handoff queue and expiry', () => {
  it('does not list an expired handoff as open', async () => {
    const c = await Conversation.start({ ADMIN_TOKEN: 'secret-admin', HANDOFF_TIMEOUT_HOURS: '1' });
    await c.say('gặp cán bộ', nlu('gặp cán bộ', 'human_handoff'));
    c.now = new Date(c.now.getTime() + 2 * 3_600_000);
    c.services.clock = () => c.now;
    const url = await start(c);
    const open = await (await fetch(`${url}/api/admin/handoffs?status=open`, { headers: auth })).json();
    expect(open.items).toEqual([]);
    const expired = await (await fetch(`${url}/api/admin/handoffs?status=expired`, { headers: auth })).json();
    expect(expired.items.map((h: { userId: string }) => h.userId)).toEqual(['u1']);
  });
});
