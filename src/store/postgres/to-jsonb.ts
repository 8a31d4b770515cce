/**
 * JSON text for a jsonb parameter. jsonb cannot hold U+0000 nor a lone surrogate,
 * which a webhook body may carry: storableText (../storable-text.ts) drops the NUL
 * and replaces the half emoji, so the event is stored rather than failing (and being
 * redelivered) forever, and reads back as it would from lowdb.
 */
import { storableValue } from '../storable-text.js';

export function toJsonb(value: unknown): string {
  return JSON.stringify(storableValue(value));
}
