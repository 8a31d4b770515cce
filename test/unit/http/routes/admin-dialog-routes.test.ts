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
