import { describe, expect, it } from 'vitest';
import { extractEntities, maskId, maskPhone } from '../../../src/nlu/entities.js';

describe('extractEntities', () => {
  it('finds one-stop dossier codes, tolerating case and stray spaces', () => {
    expect(extractEntities('hs 000.00.15.H29-250612-0042 sao rồi').dossierCode).toBe('000.00.15.H29-250612-0042');
    expect(extractEntities('mã 000.23.11.h40 - 250101 - 0312 nhé').dossierCode).toBe('000.23.11.H40-250101-0312');
    expect(extractEntities('000 . 00 . 12 . h12-240315-0001').dossierCode).toBe('000.00.12.H12-240315-0001');
    expect(extractEntities('000.713.18.G12-260304-27070000025169').dossierCode).toBe('000.713.18.G12-260304-27070000025169');
    // Short agency codes with one dot (a district or commune unit), never read as a phone number.
    const short = extractEntities('hồ sơ tách thửa mã G05.31-251015-0021 của tôi');
    expect(short.dossierCode).toBe('G05.31-251015-0021');
    expect(short.phone).toBeNull();
  });

  it('finds other systems\' codes: BHXH number/year/unit, free-form after "mã hồ sơ"', () => {
    expect(extractEntities('tra giúp 04512/2025/00321').dossierCode).toBe('04512/2025/00321');
    expect(extractEntities('mã hồ sơ: abc2019061234xy').dossierCode).toBe('ABC2019061234XY');
    expect(extractEntities('hồ sơ số QT-2024-000123').dossierCode).toBe('QT-2024-000123');
    expect(extractEntities('hồ sơ của tôi đâu rồi').dossierCode).toBeNull();
  });

  it('finds phone numbers in 0x, 84 and +84 forms, normalised to 0x', () => {
    expect(extractEntities('gọi 0987 654 321 nhé').phone).toBe('0987654321');
    expect(extractEntities('sđt +84 912.345.678').phone).toBe('0912345678');
    expect(extractEntities('84388123456').phone).toBe('0388123456');
  });

  it('finds 12-digit CCCD numbers and does not take them for phones', () => {
    const e = extractEntities('cccd 036199004321 của tôi');
    expect(e.idNumber).toBe('036199004321');
    expect(e.phone).toBeNull();
  });

  it('reads a national procedure code from a button payload', () => {
    expect(extractEntities('Lệ phí (1.001193)').procedureCode).toBe('1.001193');
    expect(extractEntities('lệ phí 135.000 đồng').procedureCode).toBeNull();
  });
});

describe('masking', () => {
  it('hides all but the edges', () => {
    expect(maskPhone('0912345678')).toBe('091****678');
    expect(maskId('036199004321')).toBe('*********321');
    expect(maskId('036199004321')).not.toContain('1990');
  });
});
