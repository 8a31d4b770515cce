import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogError } from '../../../src/catalog/catalog-error.js';
import { loadCatalog } from '../../../src/catalog/load-catalog.js';
import { BUNDLED_CATALOG } from '../../../src/catalog/repo-paths.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'catalog-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function bundledSlice(n: number) {
  const file = JSON.parse(await readFile(BUNDLED_CATALOG, 'utf8'));
  return { ...file, procedures: file.procedures.slice(0, n), meta: { ...file.meta, count: n } };
}

async function write(name: string, data: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof data === 'string' ? data : JSON.stringify(data));
  return file;
}

describe('loadCatalog', () => {
  it('loads a valid catalog and overlay and answers byCode / aliasesFor / keywordsFor', async () => {
    const catalogFile = await write('c.json', await bundledSlice(3));
    const [first, second] = (await bundledSlice(2)).procedures;
    const aliasesFile = await write('a.json', { [first.code]: { aliases: ['ten thuong goi'], keywords: ['tu khoa'] } });
    const catalog = await loadCatalog({ catalogFile, aliasesFile });
    expect(catalog.procedures).toHaveLength(3);
    expect(catalog.byCode(first.code)?.name).toBe(first.name);
    expect(catalog.byCode('9.999999')).toBeUndefined();
    expect(catalog.aliasesFor?.(first.code)).toEqual(['ten thuong goi']);
    expect(catalog.keywordsFor?.(first.code)).toEqual(['tu khoa']);
    expect(catalog.aliasesFor?.(second.code)).toEqual([]);
  });

  it('refuses a bad catalog with every error listed by procedure code and field', async () => {
    const bad = await bundledSlice(3);
    bad.procedures[0].channels[0].fee.kind = 'gratis';
    bad.procedures[1].sourceUrl = 'not a url';
    bad.procedures[2].code = '1.23';
    delete bad.procedures[2].documents;
    const catalogFile = await write('bad.json', bad);
    const aliasesFile = await write('a.json', {});
    const err = await loadCatalog({ catalogFile, aliasesFile }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CatalogError);
    const { errors } = err as CatalogError;
    expect(errors).toHaveLength(4);
    expect(errors.some((e) => e.startsWith(`${bad.procedures[0].code} channels[0].fee.kind:`))).toBe(true);
    expect(errors.some((e) => e.startsWith(`${bad.procedures[1].code} sourceUrl:`))).toBe(true);
    expect(errors.some((e) => e.startsWith('1.23 code:'))).toBe(true);
    expect(errors.some((e) => e.startsWith('1.23 documents:'))).toBe(true);
    expect((err as CatalogError).message).toContain('4 error(s)');
  });

  it('refuses duplicate codes, unreadable JSON and an overlay naming unknown procedures', async () => {
    const dup = await bundledSlice(2);
    dup.procedures[1] = dup.procedures[0];
    const aliasesFile = await write('a.json', {});
    await expect(loadCatalog({ catalogFile: await write('dup.json', dup), aliasesFile })).rejects.toThrow(/duplicate national code/);
    await expect(loadCatalog({ catalogFile: await write('broken.json', '{"meta":'), aliasesFile })).rejects.toThrow(/not valid JSON/);
    await expect(loadCatalog({ catalogFile: path.join(dir, 'missing.json'), aliasesFile })).rejects.toThrow(/cannot read file/);
    const catalogFile = await write('c.json', await bundledSlice(1));
    const { code } = (await bundledSlice(1)).procedures[0];
    const stray = await write('stray.json', { '9.999999': { aliases: ['x'] }, 'bad-code': { aliases: ['x'] }, [code]: { aliases: [3] } });
    const err = (await loadCatalog({ catalogFile, aliasesFile: stray }).catch((e: unknown) => e)) as CatalogError;
    expect(err).toBeInstanceOf(CatalogError);
    expect(err.errors).toHaveLength(3);
    expect(err.errors).toContain('9.999999: no such procedure in the catalog');
    expect(err.errors.some((e) => e.startsWith(`${code}.aliases[0]:`))).toBe(true);
    const unknownOnly = await write('unknown.json', { '9.999999': { aliases: ['x'] } });
    await expect(loadCatalog({ catalogFile, aliasesFile: unknownOnly })).rejects.toThrow(/9\.999999: no such procedure/);
  });

  it('defaults to the bundled files wherever the process runs from', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const catalog = await loadCatalog();
      expect(catalog.procedures.length).toBe(238);
    } finally {
      process.chdir(cwd);
    }
  });
});
