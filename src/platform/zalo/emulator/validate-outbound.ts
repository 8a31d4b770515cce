/**
 * Validates send bodies the way the OA API is documented to (zalo-oa-platform.md §3–4):
 * returns an OA error {code, message} or null when the body is acceptable.
 * Codes: -201 bad parameter, -210 over a limit, -233 unsupported message type.
 */
import { isObject } from './http-io.js';

export interface OaFailure {
  code: number;
  message: string;
}

const MAX_TEXT = 2000;
const MAX_BUTTONS = 5;
const TRANSACTION_ELEMENT_TYPES = new Set(['banner', 'header', 'text', 'table']);

const bad = (field: string): OaFailure => ({ code: -201, message: `${field} is invalid!` });
const tooBig = (): OaFailure => ({ code: -210, message: 'Parameter exceeds allowable limit' });

function checkButtons(buttons: unknown): OaFailure | null {
  if (!Array.isArray(buttons)) return bad('buttons');
  if (buttons.length > MAX_BUTTONS) return tooBig();
  for (const b of buttons) {
    if (!isObject(b) || typeof b.title !== 'string' || b.title.trim() === '') return bad('button.title');
    const p = b.payload;
    switch (b.type) {
      case 'oa.query.show':
      case 'oa.query.hide':
        if (typeof p !== 'string' || p === '') return bad('button.payload');
        break;
      case 'oa.open.url':
        if (!isObject(p) || typeof p.url !== 'string' || !/^https?:\/\//.test(p.url)) return bad('button.payload.url');
        break;
      case 'oa.open.phone':
        if (!isObject(p) || typeof p.phone_code !== 'string') return bad('button.payload.phone_code');
        break;
      case 'oa.open.sms':
        if (!isObject(p) || typeof p.phone_code !== 'string' || typeof p.content !== 'string') return bad('button.payload');
        break;
      default:
        return bad('button.type');
    }
  }
  return null;
}

function checkRecipient(body: Record<string, unknown>): OaFailure | null {
  const r = body.recipient;
  if (!isObject(r) || typeof r.user_id !== 'string' || r.user_id === '') return bad('user_id');
  return null;
}

/** Body of POST /v3.0/oa/message/cs. */
export function validateConsultation(body: unknown): OaFailure | null {
  if (!isObject(body)) return bad('body');
  const rec = checkRecipient(body);
  if (rec) return rec;
  const m = body.message;
  if (!isObject(m)) return bad('message');
  if (m.text !== undefined) {
    if (typeof m.text !== 'string') return bad('text');
    if (m.text.length > MAX_TEXT) return tooBig();
  }
  if (m.attachment === undefined) return typeof m.text === 'string' && m.text.trim() !== '' ? null : bad('text');
  const a = m.attachment;
  if (!isObject(a) || a.type !== 'template' || !isObject(a.payload)) return bad('attachment');
  const p = a.payload;
  if (p.template_type === undefined) {
    // Text + quick-reply buttons: no template_type in this form (§4.2).
    if (typeof m.text !== 'string' || m.text.trim() === '') return bad('text');
    return checkButtons(p.buttons);
  }
  if (p.template_type === 'request_user_info') {
    const els = p.elements;
    if (!Array.isArray(els) || els.length !== 1) return bad('elements');
    const e = els[0];
    if (!isObject(e) || typeof e.title !== 'string' || e.title === '' || typeof e.subtitle !== 'string' || typeof e.image_url !== 'string') {
      return bad('element');
    }
    return null;
  }
  return { code: -233, message: 'message type is invalid or not support' };
}

/** Body of POST /v3.0/oa/message/transaction. */
export function validateTransaction(body: unknown): OaFailure | null {
  if (!isObject(body)) return bad('body');
  const rec = checkRecipient(body);
  if (rec) return rec;
  const m = body.message;
  if (!isObject(m) || !isObject(m.attachment)) return bad('message');
  const a = m.attachment;
  if (a.type !== 'template' || !isObject(a.payload)) return bad('attachment');
  const p = a.payload;
  if (typeof p.template_type !== 'string' || !p.template_type.startsWith('transaction_')) return bad('template_type');
  if (p.language !== undefined && p.language !== 'VI' && p.language !== 'EN') return bad('language');
  if (!Array.isArray(p.elements) || p.elements.length === 0) return bad('elements');
  for (const e of p.elements) {
    if (!isObject(e) || typeof e.type !== 'string' || !TRANSACTION_ELEMENT_TYPES.has(e.type)) return bad('element.type');
    if (e.type === 'table') {
      if (!Array.isArray(e.content)) return bad('table.content');
      for (const row of e.content) if (!isObject(row) || typeof row.key !== 'string' || typeof row.value !== 'string') return bad('table.row');
    } else if (e.type !== 'banner') {
      if (typeof e.content !== 'string') return bad(`${e.type}.content`);
      if (e.content.length > MAX_TEXT) return tooBig();
    }
  }
  if (p.buttons !== undefined) return checkButtons(p.buttons);
  return null;
}
