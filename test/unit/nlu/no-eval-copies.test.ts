import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../../../src/nlu/fold-diacritics.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const evalDir = join(root, '../shared/eval');

/**
 * Compared literally but folded, lower-cased and without punctuation, so an unaccented
 * or re-cased copy is caught too. (Abbreviations are not expanded: "đk tạm trú" is an
 * everyday name, not a copy of "đăng ký tạm trú".)
 */
const key = (s: string) =>
  foldDiacritics(s.normalize('NFC').toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function evalSentences(): Set<string> {
  const out = new Set<string>();
  for (const f of readdirSync(evalDir).filter((f) => f.endsWith('.tsv'))) {
    const lines = readFileSync(join(evalDir, f), 'utf8').split('\n').slice(1);
    for (const l of lines) {
      const text = l.split('\t')[0]?.trim();
      // common-procedures.tsv lists codes and official names, not citizen sentences.
      if (text && !/^\d\.\d{6}$/.test(text)) out.add(key(text));
    }
  }
  return out;
}

describe('no evaluation sentence is copied', () => {
  const sentences = evalSentences();

  it('reads the evaluation sets', () => {
    expect(sentences.size).toBeGreaterThan(50);
  });

  it('into intents/', () => {
    const dir = join(root, 'intents');
    const copies: string[] = [];
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        // Template lines ({tt} = a procedure name) are patterns, not sentences.
        if (line.trim() && !line.startsWith('#') && !line.includes('{tt}') && sentences.has(key(line))) copies.push(`${f}: ${line}`);
      }
    }
    expect(copies).toEqual([]);
  });

  it('into the alias overlay', () => {
    const overlay = JSON.parse(readFileSync(join(root, 'fixtures/catalog/aliases.json'), 'utf8')) as Record<string, { aliases: string[]; keywords?: string[] }>;
    const copies = Object.entries(overlay).flatMap(([code, e]) =>
      [...e.aliases, ...(e.keywords ?? [])].filter((a) => sentences.has(key(a))).map((a) => `${code}: ${a}`),
    );
    expect(copies).toEqual([]);
  });
});
