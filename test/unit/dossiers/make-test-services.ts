/** Services for unit tests of the dossier domain: memory store, fixed clock, no network. */
import pino from 'pino';
import { loadConfig } from '../../../src/config/load-config.js';
import type { Catalog, Services } from '../../../src/services.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import type { TurnContext } from '../../../src/dialog/turn-context.js';
import type { OutMessage } from '../../../src/platform/zalo/messages.js';
import type { Dossier } from '../../../src/store/records.js';
import { TaughtAliasCache } from '../../../src/catalog/taught-alias-cache.js';

export function makeTestServices(now: Date, env: Record<string, string> = {}): Services & { kicks: number } {
  const catalog: Catalog = {
    procedures: [],
    byCode: (code) => (code === '1.001193' ? ({ code, name: 'Đăng ký khai sinh' } as never) : undefined),
  };
  const store = new MemoryStore();
  const services = {
    config: loadConfig({ LOG_LEVEL: 'silent', HOTLINE: '1900 1234', ...env }),
    store,
    taught: new TaughtAliasCache(store, pino({ level: 'silent' }), 3000),
    log: pino({ level: 'silent' }),
    clock: () => now,
    catalog,
    nlu: { understand: () => { throw new Error('not used'); } },
    oa: {
      sendConsultation: async () => ({ messageIds: [] }),
      sendTransaction: async () => ({ messageIds: [] }),
      getUserProfile: async () => ({}),
    },
    kicks: 0,
    kickOutbox() {
      services.kicks++;
    },
  };
  return services as Services & { kicks: number };
}

export function sampleDossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    code: '000.00.12.H12-250124-0001',
    procedureCode: '1.001193',
    applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678', idNumber: '001090012345' },
    agency: 'UBND phường Ba Đình',
    channel: 'truc_tiep',
    receivedAt: '2025-01-24T02:00:00.000Z',
    appointmentDate: '2025-02-05',
    status: 2,
    state: 'received',
    statusAt: '2025-01-24T02:00:00.000Z',
    history: [],
    createdAt: '2025-01-24T02:00:00.000Z',
    updatedAt: '2025-01-24T02:00:00.000Z',
    ...overrides,
  };
}

/** Run one turn of the dossier dialog the way the router does: inside a user transaction. */
export async function runTurn(
  services: Services,
  userId: string,
  text: string,
  fn: (ctx: TurnContext) => Promise<unknown>,
  opts: { sharedPhone?: string; eventKind?: 'user_send_text' | 'user_submit_info' } = {},
): Promise<{ replies: OutMessage[]; ctx: TurnContext }> {
  let captured!: TurnContext;
  await services.store.tx(async (t) => {
    const now = services.clock();
    const state = (await t.getConversation(userId)) ?? { userId, failures: 0, updatedAt: now.toISOString() };
    const profile = (await t.getProfile(userId)) ?? { userId, updatedAt: now.toISOString() };
    if (opts.sharedPhone) profile.sharedPhone = opts.sharedPhone;
    const replies: OutMessage[] = [];
    const base = { appId: 'a', timestamp: String(now.getTime()), userId, oaId: 'o' };
    const ctx: TurnContext = {
      services,
      t,
      eventKey: `k-${Math.random()}`,
      event:
        opts.eventKind === 'user_submit_info'
          ? { ...base, kind: 'user_submit_info', phone: opts.sharedPhone }
          : { ...base, kind: 'user_send_text', msgId: 'm', text },
      userId,
      now,
      text: opts.eventKind === 'user_submit_info' ? null : text,
      nlu: null,
      state,
      profile,
      replies,
      reply: (...m) => void replies.push(...m),
      afterCommit: () => {},
      outcome: { intent: 'x', answered: false },
    };
    await fn(ctx);
    await t.putConversation(ctx.state);
    await t.putProfile(ctx.profile);
    captured = ctx;
  });
  return { replies: captured.replies, ctx: captured };
}

export const textOf = (replies: OutMessage[]) => replies.map((r) => (r.kind === 'text' ? r.text : r.kind === 'transaction' ? r.text : r.kind === 'zns' ? `[ZNS ${r.templateKey}]` : r.title)).join('\n');
