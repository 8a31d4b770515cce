/**
 * Test helper: run handleTurn on hand-built events and NLU results against a
 * MemoryStore and the bundled catalog, saving state between turns as the inbox
 * processor does.
 */
import type { NluResult, Intent, ProcedureCandidate } from '../../../src/nlu/nlu-types.js';
import type { OaEvent } from '../../../src/platform/zalo/events.js';
import type { OutMessage, TextMessage } from '../../../src/platform/zalo/messages.js';
import type { Services } from '../../../src/services.js';
import type { ConversationState } from '../../../src/store/records.js';
import type { TurnContext } from '../../../src/dialog/turn-context.js';
import { handleTurn } from '../../../src/dialog/handle-turn.js';
import { makeTestServices } from '../../support/make-test-services.js';

export function nlu(text: string, intent: Intent, extra: Partial<NluResult> = {}): NluResult {
  return {
    text,
    normalized: text.toLowerCase(),
    folded: text.toLowerCase(),
    intent,
    intentConfidence: 0.9,
    procedure: null,
    candidates: [],
    procedureMentionedButUnknown: false,
    ambiguous: false,
    features: [],
    asks: [],
    channel: null,
    dossierCode: null,
    phone: null,
    idNumber: null,
    ...extra,
  };
}

export const cand = (code: string, score = 0.8): ProcedureCandidate => ({ code, name: code, score });

export interface Turn {
  replies: OutMessage[];
  texts: string[];
  /** All reply texts joined. */
  all: string;
  buttons: string[];
  ctx: TurnContext;
  after: (() => Promise<void> | void)[];
}

export class Conversation {
  private n = 0;
  constructor(
    readonly services: Services,
    readonly userId = 'u1',
    public now = new Date('2026-06-16T03:00:00Z'),
  ) {}

  static async start(env: Record<string, string> = {}, userId = 'u1'): Promise<Conversation> {
    const { services } = await makeTestServices({ env });
    return new Conversation(services, userId);
  }

  say(text: string, understanding: NluResult | null = null): Promise<Turn> {
    const base = { appId: 'a', timestamp: String(this.now.getTime()), userId: this.userId, oaId: 'oa' };
    return this.turn({ ...base, kind: 'user_send_text', msgId: `m${++this.n}`, text }, text, understanding ?? nlu(text, 'out_of_scope', { intentConfidence: 0.2 }));
  }

  event(e: Partial<OaEvent> & { kind: OaEvent['kind'] }): Promise<Turn> {
    const base = { appId: 'a', timestamp: String(this.now.getTime()), userId: this.userId, oaId: 'oa', msgId: `m${++this.n}` };
    return this.turn({ ...base, ...e } as OaEvent, null, null);
  }

  async turn(event: OaEvent, text: string | null, understanding: NluResult | null, eventKey?: string): Promise<Turn> {
    const key = eventKey ?? `${event.kind}:${++this.n}`;
    const after: (() => Promise<void> | void)[] = [];
    const result = await this.services.store.tx(async (t) => {
      const state: ConversationState = (await t.getConversation(this.userId)) ?? { userId: this.userId, failures: 0, updatedAt: this.now.toISOString() };
      const ctx: TurnContext = {
        services: this.services,
        t,
        eventKey: key,
        event,
        userId: this.userId,
        now: this.now,
        text,
        nlu: understanding,
        state,
        profile: { userId: this.userId, updatedAt: this.now.toISOString() },
        replies: [],
        reply: (...m) => void ctx.replies.push(...m),
        afterCommit: (fn) => void after.push(fn),
        outcome: { intent: '', answered: false },
      };
      await handleTurn(ctx);
      await t.putConversation(ctx.state);
      return ctx;
    });
    const texts = result.replies.filter((m): m is TextMessage => m.kind === 'text').map((m) => m.text);
    const buttons = result.replies.flatMap((m) => (m.kind === 'text' ? (m.buttons ?? []).map((b) => b.title) : []));
    return { replies: result.replies, texts, all: texts.join('\n'), buttons, ctx: result, after };
  }

  lastButtons(turn: Turn): { title: string; payload: string }[] {
    return turn.replies.flatMap((m) => (m.kind === 'text' ? (m.buttons ?? []) : [])).map((b) => ({ title: b.title, payload: String(b.payload) }));
  }
}
