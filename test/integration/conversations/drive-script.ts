/**
 * Play one script against a running test bot through the real path: signed
 * webhook events from the OA emulator in, the outbox worker's sends to the
 * emulator out. A step is over when its turn is logged and every outbox item
 * it produced has been sent, so "no reply" is checked without sleeping.
 */
import { expect } from 'vitest';
import type { TestBot } from '../../support/start-test-bot.js';
import { TEST_ADMIN_TOKEN } from '../../support/start-test-bot.js';
import { waitFor } from '../../support/wait-for.js';
import type { Script, Step, StepExpect } from './script-schema.js';
import { readWireMessage, type SeenMessage } from './wire-message.js';

const DETAIL = /^(Giấy tờ cần nộp|Giấy tờ theo trường hợp|Lệ phí|Thời gian giải quyết|Nộp ở đâu|Nộp trực tuyến) \((\d\.\d{6})\)$/;
/** A procedure's first reply stays on about one phone screen; no answer takes more than 2 messages. */
const MAX_FIRST_REPLY = 1000;
const WAIT_MS = 15_000;

export interface StepResult {
  messages: SeenMessage[];
}

export class ScriptDriver {
  private seenOutbox = new Set<string>();
  private seenWire = 0;
  private last: SeenMessage[] = [];

  constructor(
    private readonly bot: TestBot,
    private readonly userId: string,
    private readonly script: Script,
  ) {}

  async run(): Promise<void> {
    for (const [i, step] of this.script.parsedSteps.entries()) {
      const where = `${this.script.file} step ${i + 1}`;
      const messages = await this.act(step, where);
      checkGlobal(messages, where);
      if (step.expect) checkExpect(messages, step.expect as StepExpect, where);
      if (messages.length) this.last = messages;
    }
  }

  private async act(step: Step, where: string): Promise<SeenMessage[]> {
    const em = this.bot.emulator;
    const turns = await this.turnCount();
    if ('user' in step) await em.userSays(this.userId, step.user);
    else if ('tap' in step) {
      const button = this.last.flatMap((m) => m.buttons).find((b) => b.title.toLowerCase().includes(step.tap.toLowerCase()));
      expect(button, `${where}: no button "${step.tap}" in the previous reply`).toBeDefined();
      await em.userTaps(this.userId, button!.payload);
    } else if ('follow' in step) {
      // The emulator (defensively) does not open the 7-day window on a bare follow: play a
      // citizen who has written to the OA before, so the welcome can be delivered at once.
      em.setLastInteraction(this.userId, new Date());
      await em.follow(this.userId);
    }
    else if ('media' in step) await em.userSendsMedia(this.userId, step.media);
    else if ('submitInfo' in step) await em.submitInfo(this.userId, step.submitInfo);
    else if ('officer' in step) return this.officer(step.officer, where);
    await waitFor(async () => (await this.turnCount()) > turns, { timeoutMs: WAIT_MS, what: `${where}: the turn to be handled` });
    return this.collect(where);
  }

  private async officer(action: 'release' | { reply: string }, where: string): Promise<SeenMessage[]> {
    const base = `${this.bot.url}/api/admin/handoffs/${encodeURIComponent(this.userId)}`;
    const headers = { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' };
    const res =
      action === 'release'
        ? await fetch(`${base}/release`, { method: 'POST', headers })
        : await fetch(`${base}/reply`, { method: 'POST', headers, body: JSON.stringify({ text: action.reply }) });
    expect(res.status, `${where}: admin API status`).toBeLessThan(300);
    await waitFor(async () => (await this.newOutbox()).length > 0, { timeoutMs: WAIT_MS, what: `${where}: the officer's message` });
    return this.collect(where);
  }

  private async turnCount(): Promise<number> {
    const log = await this.bot.services.store.tx((t) => t.listTurnLog(''));
    return log.filter((e) => e.userId === this.userId).length;
  }

  private async newOutbox() {
    const items = await this.bot.services.store.tx((t) => t.listOutbox({ userId: this.userId }));
    return items.filter((o) => !this.seenOutbox.has(o.id));
  }

  /** Wait until this step's outbox items are sent, then read what the emulator received. */
  private async collect(where: string): Promise<SeenMessage[]> {
    const items = await waitFor(
      async () => {
        const fresh = await this.newOutbox();
        const failed = fresh.find((o) => o.status === 'failed');
        if (failed) throw new Error(`${where}: outbox item failed: ${failed.lastError}`);
        // 'waiting' is final too: outside the consultation window nothing goes out until the citizen writes.
        return fresh.every((o) => o.status === 'sent' || o.status === 'waiting') ? { fresh } : undefined;
      },
      { timeoutMs: WAIT_MS, what: `${where}: replies to be sent` },
    );
    const parts = items.fresh.reduce((n, o) => n + (o.status === 'sent' ? o.oaMessageIds.length : 0), 0);
    const wire = await waitFor(() => {
      const out = this.bot.emulator.outbound(this.userId);
      return out.length >= this.seenWire + parts ? out : undefined;
    }, { timeoutMs: WAIT_MS, what: `${where}: ${parts} message(s) at the OA` });
    for (const o of items.fresh) this.seenOutbox.add(o.id);
    const mine = wire.slice(this.seenWire);
    this.seenWire = wire.length;
    return mine.map(readWireMessage);
  }
}

/** Every reply, every script: OA limits; on procedure answers the code, the portal page button, the length. */
function checkGlobal(messages: SeenMessage[], where: string): void {
  for (const m of messages) {
    expect(m.text.length, `${where}: message over 2,000 characters`).toBeLessThanOrEqual(2000);
    expect(m.buttons.length, `${where}: more than 5 buttons`).toBeLessThanOrEqual(5);
  }
  const all = messages.map((m) => m.text).join('\n');
  const detail = messages.flatMap((m) => m.buttons).map((b) => DETAIL.exec(b.payload)).find(Boolean);
  if (detail) {
    expect(all, `${where}: procedure answer without its code`).toContain(`Mã thủ tục: ${detail[2]}`);
    const source = messages.flatMap((m) => m.buttons).some((b) => /"url":"https:\/\//.test(b.payload));
    expect(source, `${where}: procedure answer without the button to its page on the portal`).toBe(true);
    expect(all, `${where}: a raw address in the text`).not.toMatch(/https?:\/\//);
    // The whole list was asked for ("Giấy tờ theo trường hợp"), or a dossier status came first: longer is fine.
    const fullList = /đầy đủ giấy tờ thủ tục/u.test(all);
    const withDossier = /\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-/u.test(all);
    if (!fullList && !withDossier) {
      expect(messages[0]!.text.length, `${where}: first reply longer than ${MAX_FIRST_REPLY} characters`).toBeLessThanOrEqual(MAX_FIRST_REPLY);
      expect(messages.length, `${where}: answer in more than 2 messages`).toBeLessThanOrEqual(2);
    }
  }
}

function checkExpect(messages: SeenMessage[], exp: StepExpect, where: string): void {
  const all = messages.map((m) => m.text).join('\n');
  const lower = all.toLocaleLowerCase('vi');
  if (exp.noReply) expect(messages, `${where}: expected no reply`).toEqual([]);
  else if (exp.contains.length || exp.buttons.length) expect(messages.length, `${where}: expected a reply`).toBeGreaterThan(0);
  for (const s of exp.contains) expect(lower, `${where}: reply should contain "${s}"\n---\n${all}`).toContain(s.toLocaleLowerCase('vi'));
  for (const s of exp.notContains) expect(lower, `${where}: reply should not contain "${s}"\n---\n${all}`).not.toContain(s.toLocaleLowerCase('vi'));
  const titles = messages.flatMap((m) => m.buttons.map((b) => b.title.toLocaleLowerCase('vi')));
  for (const b of exp.buttons) {
    expect(titles.some((t) => t.includes(b.toLocaleLowerCase('vi'))), `${where}: button "${b}" not offered (got ${titles.join(' | ')})`).toBe(true);
  }
  if (exp.minMessages) expect(messages.length, `${where}: expected the answer split`).toBeGreaterThanOrEqual(exp.minMessages);
}
