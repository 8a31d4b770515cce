import { describe, expect, it } from 'vitest';
import { addFoldedAliases } from '../../../src/catalog/add-folded-aliases.js';
import { foldVietnamese } from '../../../src/catalog/fold-vietnamese.js';

describe('addFoldedAliases', () => {
  it('adds the unaccented form after each alias and keyword, once', () => {
    const out = addFoldedAliases({ '1.014064': { aliases: ['Làm lại  CCCD', 'lam lai cccd', 'Mất căn cước'], keywords: ['đổi'] } });
    expect(out['1.014064']).toEqual({
      aliases: ['làm lại cccd', 'lam lai cccd', 'mất căn cước', 'mat can cuoc'],
      keywords: ['đổi', 'doi'],
    });
  });

  it('folds decomposed input and đ', () => {
    expect(foldVietnamese('Đăng ký khai sinh'.normalize('NFD'))).toBe('Dang ky khai sinh');
  });
});
