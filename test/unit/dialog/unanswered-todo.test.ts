/** The unanswered list as a to-do list: grouping, teaching a procedure name, referrals (through the admin API). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdminDialogRouter } from '../../../src/http/routes/admin-dialog-routes.js';
import { groupQuestions } from '../../../src/dialog/unanswered/group-questions.js';
import { AliasOverlaySchema } from '../../../src/catalog/procedure-schema.js';
import type { UnansweredQuestion } from '../../../src/store/records.js';
import { Conversation, nlu } from './make-turn.js';

const q = (sample: string, count: number, reason: UnansweredQuestion['reason'] = 'not_in_catalog'): UnansweredQuestion => ({
  normalized: sample.toLowerCase(),
  sample,
  count,
  firstSeen: '2026-06-16T03:00:00.000Z',
  lastSeen: '2026-06-16T03:00:00.000Z',
  reason,
});

describe('groupQuestions', () => {
  it('keeps real questions only and groups similar wordings, most asked first', () => {
    const groups = groupQuestions([
      q('4321', 9, 'not_understood'),
      q('0000', 3, 'not_understood'),
      q('thủ tục xin trợ cấp thất nghiệp', 2),
      q('cho em hỏi trợ cấp thất nghiệp ở đâu ạ', 2),
      q('tro cap that nghiep', 1),
      q('cấp giấy phép bắn pháo hoa', 3),
    ]);
    expect(groups.map((g) => [g.sample, g.count, g.questions.length])).toEqual([
      ['thủ tục xin trợ cấp thất nghiệp', 5, 3],
      ['cấp giấy phép bắn pháo hoa', 3, 1],
    ]);
    expect(groups[0]!.otherSamples).toEqual(['cho em hỏi trợ cấp thất nghiệp ở đâu ạ', 'tro cap that nghiep']);
  });

  it('marks a group taught or referred', () => {
    const items = [q('làm giấy tờ cho đứa nhỏ mới chào đời', 2), q('trợ cấp thất nghiệp', 1)];
    const taught = [{ key: 'x', alias: 'đứa nhỏ mới chào đời', code: '1.001193', questions: [items[0]!.normalized], taughtAt: '', taughtBy: 'admin' }];
    const referrals = [{ key: 'cap nghiep that tro', sample: 'trợ cấp thất nghiệp', note: 'Trung tâm Dịch vụ việc làm tỉnh', questions: [], createdAt: '', createdBy: 'admin' }];
    const [a, b] = groupQuestions(items, taught, referrals);
    expect(a!.resolution).toMatchObject({ kind: 'alias', code: '1.001193' });
    expect(b!.resolution).toMatchObject({ kind: 'referral', note: 'Trung tâm Dịch vụ việc làm tỉnh' });
  });
});

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

async function start(c: Conversation): Promise<string> {
  const app = express();
  app.use(createAdminDialogRouter(c.services, {}));
  server = createServer(app);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const headers = { authorization: 'Bearer secret-admin', 'content-type': 'application/json' };

describe('teaching from the console (admin API)', () => {
  it('teaches a name for a procedure, lists it as handled, exports it, and untaught it', async () => {
    const c = await Conversation.start({ ADMIN_TOKEN: 'secret-admin' });
    const asked = 'làm giấy tờ cho đứa nhỏ mới chào đời';
    await c.say(asked, nlu(asked, 'procedure_info', { procedureMentionedButUnknown: true }));
    await c.say('4321');
    const url = await start(c);
    const before = await (await fetch(`${url}/api/admin/unanswered`, { headers })).json();
    expect(before.items.map((i: UnansweredQuestion) => i.sample)).toEqual([asked]);
    expect(before.groups).toHaveLength(1);
    const group = before.groups[0];

    const post = (body: unknown) => fetch(`${url}/api/admin/unanswered/teach`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect((await post({ alias: 'đứa nhỏ', code: '9.999999', questions: group.questions })).status).toBe(400);
    const generic = await post({ alias: 'cho em hỏi thủ tục', code: '1.001193', questions: group.questions });
    expect(await generic.json()).toMatchObject({ error: 'too_generic' });
    const taught = await post({ alias: 'đứa nhỏ mới chào đời', code: '1.001193', questions: group.questions });
    expect(taught.status).toBe(201);
    // This instance reads it at once (others within TAUGHT_REFRESH_MS).
    expect(c.services.taught.current()).toEqual([{ alias: 'đứa nhỏ mới chào đời', code: '1.001193' }]);

    const after = await (await fetch(`${url}/api/admin/unanswered`, { headers })).json();
    expect(after.groups).toEqual([]);
    expect(after.handled[0].resolution).toMatchObject({ kind: 'alias', code: '1.001193' });
    expect(after.taught[0]).toMatchObject({ alias: 'đứa nhỏ mới chào đời', code: '1.001193' });
    expect(after.taught[0].procedureName).toContain('khai sinh');

    const exported = await fetch(`${url}/api/admin/taught-aliases/export`, { headers });
    expect(exported.headers.get('content-disposition')).toContain('taught-aliases.json');
    const overlay = AliasOverlaySchema.parse(await exported.json());
    expect(overlay).toEqual({ '1.001193': { aliases: ['đứa nhỏ mới chào đời'] } });

    const key = encodeURIComponent(after.taught[0].key);
    expect((await fetch(`${url}/api/admin/taught-aliases/${key}`, { method: 'DELETE', headers })).status).toBe(204);
    expect((await fetch(`${url}/api/admin/taught-aliases/${key}`, { method: 'DELETE', headers })).status).toBe(404);
    expect(c.services.taught.current()).toEqual([]);
    expect((await (await fetch(`${url}/api/admin/unanswered`, { headers })).json()).groups).toHaveLength(1);
  });

  it('"not our procedure": the bot answers the same question with the officer’s note', async () => {
    const c = await Conversation.start({ ADMIN_TOKEN: 'secret-admin' });
    const asked = 'thủ tục xin trợ cấp thất nghiệp';
    await c.say(asked, nlu(asked, 'procedure_info', { procedureMentionedButUnknown: true }));
    const url = await start(c);
    const note = 'Anh/chị liên hệ Trung tâm Dịch vụ việc làm tỉnh (số 12 đường Lê Lợi) để làm hồ sơ trợ cấp thất nghiệp.';
    const res = await fetch(`${url}/api/admin/unanswered/refer`, { method: 'POST', headers, body: JSON.stringify({ sample: asked, note, questions: [asked] }) });
    expect(res.status).toBe(201);
    const again = 'cho em hỏi trợ cấp thất nghiệp làm ở đâu';
    const t = await c.say(again, nlu(again, 'ask_location', { procedureMentionedButUnknown: true }));
    expect(t.all).toContain('không thuộc các thủ tục');
    expect(t.all).toContain('Trung tâm Dịch vụ việc làm tỉnh');
    expect(t.ctx.outcome).toEqual({ intent: 'referral', answered: true });
    const list = await (await fetch(`${url}/api/admin/unanswered`, { headers })).json();
    expect(list.handled[0].resolution).toMatchObject({ kind: 'referral' });
    const key = encodeURIComponent(list.referrals[0].key);
    expect((await fetch(`${url}/api/admin/referrals/${key}`, { method: 'DELETE', headers })).status).toBe(204);
  });
});
