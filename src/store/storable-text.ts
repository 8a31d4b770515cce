/**
 * Text every store can hold. PostgreSQL refuses a NUL character in text and jsonb,
 * and a lone UTF-16 surrogate (half an emoji) in jsonb; lowdb takes both. So that a
 * message, a dossier field or a search query behaves the same on every store (and
 * never becomes a 500 that makes the platform redeliver it forever), NUL is dropped
 * and a lone surrogate becomes U+FFFD, the replacement character.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(s: string): string {
  return s.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

/** The same, through a JSON value (strings and object keys at any depth). */
export function storableValue<T>(value: T): T {
  if (typeof value === 'string') return storableText(value) as T;
  if (Array.isArray(value)) return value.map(storableValue) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[storableText(k)] = storableValue(v);
    return out as T;
  }
  return value;
}
