/**
 * The acceptance test: the bundled catalog loads, and every procedure
 * of common-procedures.tsv is present with aliases, a cleaned fee and time on
 * every channel, and documents.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { REPO_ROOT } from '../../../src/catalog/repo-paths.js';
import type { Catalog } from '../../../src/services.js';

const COMMON = path.resolve(REPO_ROOT, '..', 'shared', 'eval', 'common-procedures.tsv');

let catalog: Catalog;
let common: Array<{ code: string; name: string }>;

beforeAll(async () => {
  catalog = await loadCatalog();
  const lines = (await readFile(COMMON, 'utf8')).split('\n').slice(1).filter((l) => l.trim());
  common = lines.map((l) => {
    const [code, name] = l.split('\t');
    return { code: code.trim(), name: name.trim() };
  });
});

describe('bundled catalog', () => {
  it('holds the 238 imported procedures', () => {
    expect(catalog.procedures).toHaveLength(238);
    expect(catalog.meta?.count).toBe(238);
  });

  it('has every common procedure with aliases, a cleaned fee and time per channel, and documents', () => {
    expect(common.length).toBeGreaterThanOrEqual(30);
    const problems: string[] = [];
    for (const { code, name } of common) {
      const p = catalog.byCode(code);
      if (!p) {
        problems.push(`${code} missing`);
        continue;
      }
      if (p.name !== name) problems.push(`${code} name differs: ${p.name}`);
      const aliases = catalog.aliasesFor?.(code) ?? [];
      if (aliases.length < 10) problems.push(`${code} has only ${aliases.length} aliases`);
      if (!aliases.some((a) => /[^\x00-\x7f]/.test(a)) || !aliases.some((a) => /^[\x00-\x7f]+$/.test(a))) {
        problems.push(`${code} needs aliases with and without diacritics`);
      }
      if (p.channels.length === 0) problems.push(`${code} has no channel`);
      for (const [i, ch] of p.channels.entries()) {
        const at = `${code} channels[${i}]`;
        if (typeof ch.fee.raw !== 'string' || typeof ch.duration.raw !== 'string') problems.push(`${at} lost its raw text`);
        if (ch.fee.kind === 'amount' && ch.fee.amounts.length === 0 && !ch.fee.foreignAmounts?.length) problems.push(`${at} amount without amounts`);
        if (ch.fee.kind === 'free' && /Hội đồng nhân dân|HĐND/.test(ch.fee.raw)) problems.push(`${at} province-set fee called free`);
        if (ch.fee.amounts.some((a) => a.amountVnd < 1000)) problems.push(`${at} implausible amount`);
        if (ch.duration.value === null && ch.duration.unit !== 'unknown') problems.push(`${at} unit without a value`);
        if (ch.duration.value !== null && !(ch.duration.value > 0)) problems.push(`${at} bad time value`);
      }
      if (p.documents.length === 0) problems.push(`${code} has no documents`);
      for (const d of p.documents) {
        if (d.originals === 0 && d.copies === 0 && !/^\s*xuất trình/i.test(d.name)) problems.push(`${code} note left in documents: ${d.name.slice(0, 40)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('cleans the known quirks in the bundled data', () => {
    // 135 VNĐ in the column, 135.000 đồng in the text.
    const gplx = catalog.byCode('3.000347')!;
    expect(gplx.channels.every((c) => c.fee.amounts.some((a) => a.amountVnd === 135_000))).toBe(true);
    // "Miễn phí" + HĐND: set by the province, never free.
    expect(catalog.byCode('1.000656')!.channels.every((c) => c.fee.kind === 'set_by_province')).toBe(true);
    // khai sinh shows a bare "1"; the steps give its unit ("sau 15 giờ … trong ngày làm việc tiếp theo").
    expect(catalog.byCode('1.001193')!.channels[0].duration).toMatchObject({ value: 1, unit: 'working_day', raw: '1', fromSteps: expect.stringMatching(/ngày làm việc tiếp theo/) });
    // căn cước reduction 01/7/2025–31/12/2026.
    const doi = catalog.byCode('1.014063')!.channels.find((c) => c.channel === 'truc_tiep')!;
    expect(doi.fee.amounts).toContainEqual(expect.objectContaining({ amountVnd: 25_000, validFrom: '2025-07-01', validUntil: '2026-12-31' }));
    // Notes moved out of the document list.
    expect(catalog.byCode('1.001193')!.documentNotes.length).toBeGreaterThan(0);
    // A channel listed twice with different times keeps both.
    const vneid = catalog.byCode('3.000228')!.channels.filter((c) => c.channel === 'truc_tiep');
    expect(vneid.map((c) => c.duration.value)).toEqual([3, 7]);
  });
});
