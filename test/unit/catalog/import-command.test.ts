import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CatalogSchema } from '../../../src/catalog/procedure-schema.js';
import { REPO_ROOT } from '../../../src/catalog/repo-paths.js';

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const COMMAND = path.join(REPO_ROOT, 'src', 'catalog', 'import-command.ts');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'catalog-import-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const record = (code: string, extra: Record<string, unknown> = {}) => ({
  ma_thu_tuc: code,
  nhom_chu_de: 'ho_tich',
  ten_thu_tuc: 'Thủ tục đăng ký khai sinh',
  linh_vuc: 'Hộ tịch',
  cap_thuc_hien: ['Cấp xã'],
  doi_tuong_thuc_hien: ['Công dân Việt Nam'],
  co_quan_thuc_hien: null,
  cach_thuc_thuc_hien: [
    { kenh: 'truc_tiep', kenh_ten: 'Trực tiếp', thoi_han: '1', thoi_han_so: 1, thoi_han_don_vi: null, phi_le_phi: '135 VNĐ(Lệ phí: 135.000 đồng/lần.)' },
  ],
  thanh_phan_ho_so: [{ nhom: 'Lưu ý', ten_giay_to: 'Ghi chú', mau_don: null, so_ban_chinh: 0, so_ban_sao: 0 }],
  trinh_tu_thuc_hien: 'Bước 1',
  ket_qua: { ten: 'Giấy khai sinh', ma_ket_qua: null },
  can_cu_phap_ly: ['60/2014/QH13'],
  nguon_url: 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/x',
  ...extra,
});

describe('npm run catalog:import', () => {
  it('converts an export into a valid catalog file at --out', async () => {
    const input = path.join(dir, 'export.json');
    const out = path.join(dir, 'out', 'catalog.json');
    await writeFile(input, JSON.stringify({ meta: {}, procedures: [record('1.001193')] }));
    const { stdout } = await run(TSX, [COMMAND, input, '--out', out], { cwd: dir });
    expect(stdout).toContain('Imported 1 procedures');
    const catalog = CatalogSchema.parse(JSON.parse(await readFile(out, 'utf8')));
    const p = catalog.procedures[0];
    expect(p.channels[0].fee.amounts[0].amountVnd).toBe(135_000);
    expect(p.channels[0].duration).toMatchObject({ value: 1, unit: 'unknown' });
    expect(p.documents).toEqual([]);
    expect(p.documentNotes).toEqual(['Ghi chú']);
    expect(p.agencies.performing).toBeNull();
    expect(catalog.meta).toMatchObject({ source: 'export.json', count: 1 });
  });

  it('refuses an invalid export with exit 1, listing every error with code and field', async () => {
    const input = path.join(dir, 'bad.json');
    const out = path.join(dir, 'never.json');
    const bad = [record('1.001193', { nguon_url: 'không phải url' }), record('12345'), record('1.001193')];
    await writeFile(input, JSON.stringify({ procedures: bad }));
    const err = (await run(TSX, [COMMAND, input, '--out', out], { cwd: dir }).catch((e: unknown) => e)) as {
      code: number;
      stderr: string;
    };
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('1.001193 sourceUrl:');
    expect(err.stderr).toContain('12345 code:');
    expect(err.stderr).toContain('1.001193 code: duplicate national code');
    await expect(readFile(out, 'utf8')).rejects.toThrow();
  });

  it('refuses a file that is not an export', async () => {
    const input = path.join(dir, 'other.json');
    await writeFile(input, JSON.stringify({ items: [] }));
    const err = (await run(TSX, [COMMAND, input, '--out', path.join(dir, 'x.json')]).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toContain('procedures:');
  });
});
