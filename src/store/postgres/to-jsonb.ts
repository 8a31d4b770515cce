/**
 * JSON text for a jsonb parameter. jsonb cannot hold U+0000 (PostgreSQL
 * rejects "\u0000"), which a webhook body may carry; it becomes U+FFFD so the
 * event is still stored rather than failing (and being redelivered) forever.
 */
const NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

export function toJsonb(value: unknown): string {
  return JSON.stringify(value).replace(NUL_ESCAPE, '$1\\ufffd');
}
