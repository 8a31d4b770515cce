/**
 * OutMessage → the OA wire `message` object(s) (zalo-oa-platform.md §3.3, §4).
 * Pure: no I/O. A long text becomes several messages; buttons ride on the last.
 *
 * Usage: const { messages, warnings } = buildConsultationMessages(out);
 */
import { MAX_BUTTONS, type OaButton, type OutMessage, type RequestUserInfoMessage, type TextMessage, type TransactionMessage, type ZnsMessage } from './messages.js';
import { splitText } from './split-text.js';

/**
 * Button titles are cut to this length. Only one [low] source gives a limit (20);
 * 40 keeps Vietnamese labels readable. Keep titles short in dialog code.
 */
export const MAX_BUTTON_TITLE = 40;

export type WireMessage = Record<string, unknown>;

export interface Built {
  messages: WireMessage[];
  /** Things the builder had to fix (too many buttons, long titles), for the log. */
  warnings: string[];
}

function wireButtons(buttons: OaButton[], warnings: string[]): Record<string, unknown>[] {
  if (buttons.length > MAX_BUTTONS) warnings.push(`${buttons.length} buttons: only the first ${MAX_BUTTONS} are sent`);
  return buttons.slice(0, MAX_BUTTONS).map((b) => {
    let title = b.title.trim().replace(/\s+/g, ' ');
    if (title.length > MAX_BUTTON_TITLE) {
      warnings.push(`button title cut to ${MAX_BUTTON_TITLE} characters: "${title.slice(0, MAX_BUTTON_TITLE)}…"`);
      title = `${title.slice(0, MAX_BUTTON_TITLE - 1).trimEnd()}…`;
    }
    return { title, type: b.type, payload: b.payload };
  });
}

function buildText(m: TextMessage, warnings: string[]): WireMessage[] {
  const parts = splitText(m.text);
  const buttons = m.buttons?.length ? wireButtons(m.buttons, warnings) : undefined;
  return parts.map((text, i) =>
    i === parts.length - 1 && buttons ? { text, attachment: { type: 'template', payload: { buttons } } } : { text },
  );
}

function buildRequestUserInfo(m: RequestUserInfoMessage): WireMessage {
  return {
    attachment: {
      type: 'template',
      payload: { template_type: 'request_user_info', elements: [{ title: m.title, subtitle: m.subtitle, image_url: m.imageUrl }] },
    },
  };
}

/** A transaction message (tin Giao dịch): header, text, table, optional buttons; language VI. */
export function buildTransactionMessage(m: TransactionMessage, warnings: string[] = []): WireMessage {
  const elements: Record<string, unknown>[] = [
    { type: 'header', content: m.header, align: 'left' },
    // The text element renders <br> as a line break (§3.3).
    { type: 'text', content: m.text.replace(/\r?\n/g, '<br>'), align: 'left' },
  ];
  if (m.table.length) elements.push({ type: 'table', content: m.table.map((r) => ({ key: r.key, value: r.value })) });
  const payload: Record<string, unknown> = { template_type: m.templateType, language: 'VI', elements };
  if (m.buttons?.length) payload.buttons = wireButtons(m.buttons, warnings);
  return { attachment: { type: 'template', payload } };
}

/** Consultation (cs) messages for one OutMessage; a transaction OutMessage is not a cs message. */
export function buildConsultationMessages(m: Exclude<OutMessage, TransactionMessage | ZnsMessage>): Built {
  const warnings: string[] = [];
  const messages = m.kind === 'text' ? buildText(m, warnings) : [buildRequestUserInfo(m)];
  return { messages, warnings };
}

/** Split an OutMessage into OutMessages that each become exactly one OA call (for per-part outbox bookkeeping). */
export function splitOutMessage(m: OutMessage): OutMessage[] {
  if (m.kind !== 'text') return [m];
  const parts = splitText(m.text);
  return parts.map((text, i) => (i === parts.length - 1 && m.buttons ? { kind: 'text', text, buttons: m.buttons } : { kind: 'text', text }));
}
