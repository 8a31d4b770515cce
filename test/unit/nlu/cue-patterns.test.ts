import { describe, expect, it } from 'vitest';
import { createCueMatcher, cueWords } from '../../../src/nlu/cue-patterns.js';

const lines = (...ls: string[]) => ls.map((l) => l.split(' '));
const words = (s: string) => s.split(' ');

describe('cue patterns', () => {
  it('matches words, alternatives and optional groups at word boundaries', () => {
    const m = createCueMatcher(lines('le phi', 'mat|ton|het (bao nhieu|may) tien', '(co|) mien phi khong'));
    expect(m.test(words('dang ky khai sinh le phi bao nhieu'))).toBe(true);
    expect(m.test(words('lam lai ton may tien'))).toBe(true);
    expect(m.test(words('co mien phi khong a'))).toBe(true);
    expect(m.test(words('mien phi'))).toBe(false);
    expect(m.test(words('lephi'))).toBe(false);
  });

  it('bounds gaps, and a gap may refuse some words', () => {
    const m = createCueMatcher(lines('len|ra *2 nao', 'tien +3!thi tinh sao'));
    expect(m.test(words('ra xa nao'))).toBe(true);
    expect(m.test(words('ra uy ban xa nao'))).toBe(false);
    expect(m.test(words('tien lam the tinh sao'))).toBe(true);
    expect(m.test(words('tien lam thi tinh sao'))).toBe(false);
  });

  it('anchors to the start and the end, repeats a group, reads numbers', () => {
    const m = createCueMatcher(lines('^ giay to', 'o xa (a|nhe)+2 $', 'vay <number>'));
    expect(m.test(words('giay to gi'))).toBe(true);
    expect(m.test(words('can giay to gi'))).toBe(false);
    expect(m.test(words('nop o xa a nhe'))).toBe(true);
    expect(m.test(words('nop o xa'))).toBe(false);
    expect(m.test(words('vay 50 trieu'))).toBe(true);
  });

  it('drops a hit that lies inside an exception, and only then', () => {
    const m = createCueMatcher(lines('phi', '- mien|hoc phi'));
    expect(m.test(words('hoc phi bao nhieu'))).toBe(false);
    expect(m.test(words('hoc phi va le phi'))).toBe(true);
  });

  it('reports the last hit, for ordering several questions', () => {
    const m = createCueMatcher(lines('bao lau', 'may ngay'));
    expect(m.lastStart(words('bao lau hay may ngay'))).toBe(3);
    expect(m.lastStart(words('khong co'))).toBe(-1);
  });

  it("refers to another section, and lists a section's literal words", () => {
    const refs = new Map([['nationality', lines('nguoi han', 'nhat ban')]]);
    const m = createCueMatcher(lines('@nationality', '- di @nationality'), refs);
    expect(m.test(words('chong em nguoi han'))).toBe(true);
    expect(m.test(words('em di nhat ban lam viec'))).toBe(false);
    expect([...cueWords(lines('quoc tich +1!viet', '(nguoi|dan) han'))].sort()).toEqual(['dan', 'han', 'nguoi', 'quoc', 'tich']);
  });

  it('reads a section named inside a group as its lines ("(@country|nuoc ngoai)")', () => {
    const refs = new Map([['country', lines('han', 'nhat ban')]]);
    const m = createCueMatcher(lines('sinh (o|ben) (@country|nuoc ngoai)'), refs);
    expect(m.test(words('con sinh ben han'))).toBe(true);
    expect(m.test(words('con sinh o nhat ban'))).toBe(true);
    expect(m.test(words('con sinh o nuoc ngoai'))).toBe(true);
    expect(m.test(words('con sinh o benh vien'))).toBe(false);
    expect(() => createCueMatcher(lines('sinh (o|ben) (@nowhere|nuoc ngoai)'), refs)).toThrow();
  });

  it('stays fast on a long message (bounded gaps, indexed first words)', () => {
    const m = createCueMatcher(lines('(lam|nop) *5 o (xa|phuong) *4 (a|nhe)*3 $'));
    const long = Array.from({ length: 150 }, (_, i) => (i % 2 ? 'lam' : 'o')).join(' ');
    expect(m.test(words(long))).toBe(false);
  });
});
