/**
 * The everyday-names overlay: written from how people speak, never copied
 * from the evaluation sets, and variant words stay with their variant.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldVietnamese, tidyAlias } from '../../../src/catalog/fold-vietnamese.js';
import { readAliasOverlay, readCatalogFile } from '../../../src/catalog/load-catalog.js';
import { BUNDLED_ALIASES, BUNDLED_CATALOG, REPO_ROOT } from '../../../src/catalog/repo-paths.js';
import type { AliasOverlay, CatalogFile } from '../../../src/catalog/procedure-schema.js';

const EVAL_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'eval');
const key = (s: string) => foldVietnamese(tidyAlias(s)).replace(/[.,!?;:]+$/u, '');

let overlay: AliasOverlay;
let catalog: CatalogFile;
let evalRows: string[];

beforeAll(async () => {
  catalog = await readCatalogFile(BUNDLED_CATALOG);
  overlay = await readAliasOverlay(BUNDLED_ALIASES, catalog);
  evalRows = [];
  for (const file of (await readdir(EVAL_DIR)).filter((f) => f.endsWith('.tsv'))) {
    const lines = (await readFile(path.join(EVAL_DIR, file), 'utf8')).split('\n').slice(1);
    for (const line of lines) for (const cell of line.split('\t')) if (/\p{L}{2,}/u.test(cell)) evalRows.push(key(cell));
  }
});

const entries = () => Object.entries(overlay).flatMap(([code, e]) => [...e.aliases, ...(e.keywords ?? [])].map((text) => ({ code, text })));

describe('alias overlay', () => {
  it('contains no sentence of ../shared/eval/*.tsv', () => {
    expect(evalRows.length).toBeGreaterThan(100);
    const copied = entries().filter(({ text }) => {
      const k = key(text);
      // Equal to a row, or containing a whole row of five words or more.
      return evalRows.some((row) => row === k || (row.split(' ').length >= 5 && k.includes(row)));
    });
    expect(copied).toEqual([]);
  });

  it('writes every alias in lower case NFC, and its unaccented form too', () => {
    for (const [code, e] of Object.entries(overlay)) {
      for (const a of e.aliases) {
        expect(a, code).toBe(tidyAlias(a));
        expect(e.aliases, `${code}: ${a}`).toContain(tidyAlias(foldVietnamese(a)));
      }
    }
  });

  it('keeps variant words with the right variant only', () => {
    const names = new Map(catalog.procedures.map((p) => [p.code, foldVietnamese(p.name.toLowerCase())]));
    const rules: Array<[RegExp, RegExp]> = [
      [/nuoc ngoai|viet kieu|con lai/, /nuoc ngoai/],
      [/luu dong/, /luu dong/],
      [/dang ky lai|(?:lam|dang ky) (?:giay )?(?:khai sinh|ket hon|khai tu) lai|lam lai (?:giay )?(?:khai sinh|ket hon|dang ky ket hon|khai tu|chung tu)/, /dang ky lai/],
      [/duoi 14|(?:can cuoc|cccd).*cho (?:con|be|tre|em be)\b/, /duoi 14/],
    ];
    const wrong: string[] = [];
    for (const [code, e] of Object.entries(overlay)) {
      const name = names.get(code)!;
      for (const a of e.aliases.map((x) => foldVietnamese(x))) {
        for (const [said, mustBeIn] of rules) if (said.test(a) && !mustBeIn.test(name)) wrong.push(`${code} ${a}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives căn cước "đổi" to cấp đổi and "mất/lại" to cấp lại only', () => {
    const byName = (name: string) => catalog.procedures.find((p) => p.name === name)!.code;
    const doi = overlay[byName('Cấp đổi thẻ căn cước')].aliases;
    const lai = overlay[byName('Cấp lại thẻ căn cước')].aliases;
    const first = overlay[byName('Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên')].aliases;
    expect(doi.filter((a) => /\bmat\b|lai/.test(foldVietnamese(a)))).toEqual([]);
    expect(lai.filter((a) => /\bdoi\b/.test(foldVietnamese(a)))).toEqual([]);
    expect(first.filter((a) => /\bdoi\b|\bmat\b|lam lai|cap lai/.test(foldVietnamese(a)))).toEqual([]);
  });

  it('never gives the same alias to two procedures', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const [code, e] of Object.entries(overlay)) {
      for (const a of e.aliases) {
        if (owner.has(a) && owner.get(a) !== code) shared.push(`${a}: ${owner.get(a)} & ${code}`);
        owner.set(a, code);
      }
    }
    expect(shared).toEqual([]);
  });
});
