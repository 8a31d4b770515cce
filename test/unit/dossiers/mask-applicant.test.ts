import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone, normalisePhone } from '../../../src/dossiers/mask-applicant.js';

describe('masking', () => {
  it('masks names as "Nguyễn V** A"', () => {
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V** A');
    expect(maskName('Trần Thị Ngọc Bích')).toBe('Trần T** N** B');
    expect(maskName('Lê Hoa')).toBe('Lê H');
    expect(maskName('Ánh')).toBe('Á**');
  });

  it('masks phone and CCCD numbers', () => {
    expect(maskPhone('0912345678')).toBe('09*****678');
    expect(maskIdNumber('001090012345')).toBe('*********345');
  });

  it('normalises 84… phones to 0…', () => {
    expect(normalisePhone('84912345678')).toBe('0912345678');
    expect(normalisePhone('+84 912 345 678')).toBe('0912345678');
    expect(normalisePhone('0912.345.678')).toBe('0912345678');
  });
});
