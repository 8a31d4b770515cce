/**
 * Turn answer blocks (paragraphs or list items) into OA text messages of at most
 * `limit` characters, splitting only between blocks (a block longer than the
 * limit is cut between sentences or words). Buttons go on the last message.
 */
import { MAX_BUTTONS, MAX_TEXT_LENGTH, type OaButton, type TextMessage } from '../../platform/zalo/messages.js';

/** A little under the OA limit: room for the client's own counting differences. */
export const SAFE_TEXT_LENGTH = MAX_TEXT_LENGTH - 50;

export function splitMessage(blocks: string[], buttons: OaButton[] = [], limit = SAFE_TEXT_LENGTH): TextMessage[] {
  const pieces = blocks.filter((b) => b.trim() !== '').flatMap((b) => cutBlock(b, limit));
  const texts: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const joined = current ? `${current}\n${piece}` : piece;
    if (joined.length <= limit) current = joined;
    else {
      if (current) texts.push(current);
      current = piece;
    }
  }
  if (current || texts.length === 0) texts.push(current);
  const messages: TextMessage[] = texts.map((text) => ({ kind: 'text', text }));
  const kept = buttons.slice(0, MAX_BUTTONS);
  if (kept.length) messages[messages.length - 1].buttons = kept;
  return messages;
}

function cutBlock(block: string, limit: number): string[] {
  if (block.length <= limit) return [block];
  const out: string[] = [];
  let rest = block;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    // Prefer a line break, then a sentence end, then a space.
    let at = window.lastIndexOf('\n');
    if (at < limit * 0.5) at = Math.max(window.lastIndexOf('. '), window.lastIndexOf('; ')) + 1;
    if (at < limit * 0.5) at = window.lastIndexOf(' ');
    if (at <= 0) at = limit;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}
