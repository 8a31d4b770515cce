/**
 * A client whose query parameters are made storable (../storable-text.ts) before they
 * reach PostgreSQL: a NUL or half an emoji in a code, a name or a search query must
 * not turn into a 500 when lowdb answers the same request normally.
 */
import type { ClientBase } from 'pg';
import { storableText } from '../storable-text.js';

const param = (v: unknown) => (typeof v === 'string' ? storableText(v) : v);

export function storableClient(client: ClientBase): ClientBase {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== 'query') return Reflect.get(target, prop, receiver);
      return (text: unknown, values?: unknown) =>
        (target.query as (t: unknown, v?: unknown) => unknown).call(target, text, Array.isArray(values) ? values.map(param) : values);
    },
  });
}
