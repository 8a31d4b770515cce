/**
 * No message can stop the bot (issue 11): pasted links, blobs, keyboard mashes, emoji floods,
 * mixed scripts and endless words are understood about as fast as a long question. Before the
 * limits, one 600-letter word cost seconds and 2,600 letters ran the process out of heap.
 * Bounds are generous (the real cost is a few ms); each is the best of three runs after a warm-up.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedCatalogAndNlu } from '../../support/shared-catalog.js';
import type { NluResult, Understander } from '../../../src/nlu/nlu-types.js';
import { MAX_READ_CHARS, squeezeSpace } from '../../../src/nlu/message-limits.js';
import { extractEntities } from '../../../src/nlu/entities.js';
import { extractDossierCode } from '../../../src/dossiers/dossier-code.js';

const BOUND_MS = 50;
const NORMAL = 'cho em hỏi đăng ký kết hôn cần giấy tờ gì ạ';

let nlu: Understander;
let reference: NluResult;
beforeAll(async () => {
  nlu = (await sharedCatalogAndNlu()).nlu;
  reference = nlu.understand(NORMAL);
});

/** Deterministic filler: the same "random" text on every run. */
function pseudoRandom(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

function letters(n: number, seed = 1): string {
  const next = pseudoRandom(seed);
  let out = '';
  for (let i = 0; i < n; i++) out += String.fromCharCode(97 + Math.floor(next() * 26));
  return out;
}

function base64Blob(bytes: number): string {
  const next = pseudoRandom(7);
  return Buffer.from(Array.from({ length: bytes }, () => Math.floor(next() * 256))).toString('base64');
}

function keyboardMash(n: number): string {
  const rows = ['qwertyuiop', 'asdfghjkl;', 'zxcvbnm,./', '1234567890'];
  const next = pseudoRandom(3);
  let out = '';
  while (out.length < n) {
    const row = rows[Math.floor(next() * rows.length)];
    const run = row.slice(Math.floor(next() * 5), 5 + Math.floor(next() * 5));
    out += next() < 0.2 ? `${run} ` : run;
  }
  return out.slice(0, n);
}

const repeat = (s: string, n: number) => s.repeat(n);

const PATHOLOGICAL: [string, string][] = [
  ['3,000 letters without a space', letters(3000)],
  ['two 990-letter words', `${letters(990, 2)} ${letters(990, 5)}`],
  ['"mã hồ sơ " × 150', repeat('mã hồ sơ ', 150)],
  ['"ma ho so" glued × 300', repeat('mahoso', 300)],
  ['1,000 emoji', repeat('😀🎉👍🏽🇻🇳❤️', 200)],
  ['mixed scripts around a question', repeat('Xin chào привет мир 你好世界 مرحبا بالعالم làm căn cước ở đâu ', 40)],
  ['a long URL', `https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?${repeat('ma_ho_so=000.00.12.H12-240315-0001&token=abcdef0123456789&', 40)}`],
  ['a base64 blob', base64Blob(3000)],
  ['a keyboard mash', keyboardMash(3000)],
  ['5,000 digits', repeat('1234567890', 500)],
  ['digits ending in letters (a measure-like token)', `${repeat('1', 3000)}a1a`],
  ['dossier-code-looking strings', repeat('000.00.12.H12-240315-', 150)],
  ['dots and dashes', repeat('.-', 3000)],
  ['digits and dots', repeat('12.', 2000)],
  ['BHXH-looking numbers', repeat('04512/2025/0032', 200)],
  ['"hs" then 5,000 spaces', `hs${' '.repeat(5000)}!`],
  ['"mã hồ sơ:" then tabs and newlines', `mã hồ sơ:${repeat(' \t\n', 2000)}x`],
  ['one word of syllables', repeat('nghieng', 400)],
  ['telex leftovers glued', repeat('ddangkys', 400)],
  ['phone-looking digits with separators', repeat('0912 345 678 ', 300)],
  ['commas only', repeat(',', 5000)],
  ['a story repeated past the limit', repeat('con tôi sinh ở quê, chưa đăng ký kết hôn, giờ muốn làm khai sinh cho bé thì cần gì ', 40)],
];

function bestOfThree(text: string): { ms: number; result: NluResult } {
  let result = nlu.understand(text); // warm-up
  let ms = Infinity;
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    result = nlu.understand(text);
    ms = Math.min(ms, performance.now() - t0);
  }
  return { ms, result };
}

describe('pathological messages are understood quickly', () => {
  it.each(PATHOLOGICAL)('%s', (_name, text) => {
    const { ms, result } = bestOfThree(text);
    expect(result.intent).toBeTypeOf('string');
    expect(result.text).toBe(text);
    expect(result.truncated).toBe(squeezeSpace(text).trim().length > MAX_READ_CHARS);
    expect(ms).toBeLessThan(BOUND_MS);
    // Nothing leaks into the next message.
    expect(nlu.understand(NORMAL)).toEqual(reference);
  });

  it('still reads the part it reads: a question before a pasted blob is answered', () => {
    const r = nlu.understand(`đăng ký kết hôn cần giấy tờ gì ${base64Blob(3000)}`);
    expect(r.truncated).toBe(true);
    expect(r.intent).toBe('ask_documents');
    expect(r.procedure?.code).toBe('1.000894');
  });

  it('a normal question is understood as before', () => {
    expect(reference.intent).toBe('ask_documents');
    expect(reference.procedure?.code).toBe('1.000894');
    expect(reference.truncated).toBe(false);
  });
});

describe('entity extraction is linear in the text, whatever its length', () => {
  const BIG = 100_000;
  const big: [string, string][] = [
    ['"mã hồ sơ " repeated', repeat('mã hồ sơ ', BIG / 9)],
    ['"ma ho so" glued', repeat('mahoso', BIG / 6)],
    ['digits', repeat('1234567890', BIG / 10)],
    ['digits and dots', repeat('12.', BIG / 3)],
    ['dots and dashes', repeat('1.2-3', BIG / 5)],
    ['letters', letters(BIG)],
    ['an introducer, then white space', `hs${' '.repeat(BIG)}!`],
    ['dots, then a letter', `${repeat('.', BIG)}x`],
    ['agency-looking runs', repeat('000.00.12.H12-2403-', BIG / 19)],
  ];

  it.each(big)('%s (100,000 chars)', (_name, text) => {
    extractEntities(text.slice(0, 1000));
    extractDossierCode(text.slice(0, 1000), { bare: true });
    const t0 = performance.now();
    extractEntities(text);
    extractDossierCode(text, { bare: true });
    extractDossierCode(text);
    // About 10-30 ms on a loaded machine; a quadratic scan took seconds, a cubic one minutes.
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('still finds codes in normal sentences, also behind a run of spaces', () => {
    expect(extractEntities('mã hồ sơ:      abc2019061234xy nhé').dossierCode).toBe('ABC2019061234XY');
    expect(extractEntities('hs   000.00.15.H29 -  250612 -   0042 sao rồi').dossierCode).toBe('000.00.15.H29-250612-0042');
    expect(extractDossierCode('mã hồ sơ:\n\n   CBQTG2018051589HK')).toBe('CBQTG2018051589HK');
    expect(extractDossierCode(`${repeat('mã hồ sơ ', 150)}03706/2026/07906`)).toBe('03706/2026/07906');
  });

  it('takes no code longer than a code can be', () => {
    expect(extractEntities(`mã hồ sơ ${repeat('1234567890', 10)}`).dossierCode).toBeNull();
    expect(extractDossierCode(`mã hồ sơ ${repeat('1234567890', 10)}`)).toBeNull();
  });
});
