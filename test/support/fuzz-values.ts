/**
 * Seeded random values for fuzz tests: strings that break naive code (NUL, lone
 * surrogates, emoji, right-to-left text, control characters, huge runs) and JSON
 * values of every shape. Same seed, same values.
 */
export type Rng = () => number;

/** mulberry32: small, fast, good enough to pick test inputs. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'a', 'đ', 'ệ', 'ư', ' ', '  ', '\n', '\t', '\u0000', '\ud800', '\udfff', '😀', '👨‍👩‍👧', '\u202e', 'ع', 'Ж', '中',
  '%', '%00', '%ED%A0%80', '/', '\\', '"', "'", '<script>', '${', '{{', '..', '-', '.', ',', '?', '0', '9',
  'mã hồ sơ ', 'hồ sơ 000.00.12.H12-240315-0001 ', 'lệ phí ', 'khai sinh ', '__proto__', 'constructor', 'toString',
];

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** A string of up to `max` pieces; now and then one piece repeated thousands of times. */
export function fuzzString(rng: Rng, max = 40): string {
  if (rng() < 0.08) return pick(rng, PIECES).repeat(1 + Math.floor(rng() * 3000));
  let s = '';
  const n = Math.floor(rng() * max);
  for (let i = 0; i < n; i++) s += rng() < 0.5 ? pick(rng, PIECES) : String.fromCharCode(Math.floor(rng() * 0x3000));
  return s;
}

/** Any JSON value, nested a little. */
export function fuzzJson(rng: Rng, depth = 0): unknown {
  const r = rng();
  if (depth > 2 || r < 0.25) return fuzzString(rng, 12);
  if (r < 0.35) return Math.floor((rng() - 0.5) * 1e12) / (rng() < 0.5 ? 1 : 7);
  if (r < 0.4) return rng() < 0.5;
  if (r < 0.45) return null;
  if (r < 0.6) return Array.from({ length: Math.floor(rng() * 4) }, () => fuzzJson(rng, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(rng() * 5); i > 0; i--) o[fuzzString(rng, 4) || 'k'] = fuzzJson(rng, depth + 1);
  return o;
}
