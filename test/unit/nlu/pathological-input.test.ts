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
import { PATHOLOGICAL_MESSAGES, base64Blob, randomLetters } from '../../support/pathological-messages.js';

const BOUND_MS = 50;
const NORMAL = 'cho em hỏi đăng ký kết hôn cần giấy tờ gì ạ';

let nlu: Understander;
let reference: NluResult;
beforeAll(async () => {
  nlu = (await sharedCatalogAndNlu()).nlu;
  reference = nlu.understand(NORMAL);
});

const repeat = (s: string, n: number) => s.repeat(n);

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
  it.each(PATHOLOGICAL_MESSAGES)('%s', (_name, text) => {
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
    ['letters', randomLetters(BIG)],
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
