import { describe, expect, it } from 'vitest';
import { extractDossierCode, isAcceptableDossierCode, normaliseDossierCode } from '../../../src/dossiers/dossier-code.js';

describe('dossier codes', () => {
  it('normalises to upper case without spaces', () => {
    expect(normaliseDossierCode(' 000.00.12.h12 - 240315 - 0001 ')).toBe('000.00.12.H12-240315-0001');
  });

  it('finds a one-stop code in a sentence, tolerating spaces and lower case', () => {
    expect(extractDossierCode('hồ sơ của tôi 000.00.12.h12-240315-0001 xong chưa')).toBe('000.00.12.H12-240315-0001');
    expect(extractDossierCode('mã 000.713.18.G12 - 260304 - 27070000025169 ạ')).toBe('000.713.18.G12-260304-27070000025169');
  });

  it('accepts other systems’ shapes when introduced as a dossier code', () => {
    expect(extractDossierCode('mã hồ sơ 03706/2026/07906')).toBe('03706/2026/07906');
    expect(extractDossierCode('hồ sơ số CBQTG2018051589HK')).toBe('CBQTG2018051589HK');
  });

  it('takes a bare token only when asked, and never a 4-digit answer or a phone number', () => {
    expect(extractDossierCode('CBQTG2018051589HK')).toBeNull();
    expect(extractDossierCode('CBQTG2018051589HK', { bare: true })).toBe('CBQTG2018051589HK');
    expect(extractDossierCode('5678', { bare: true })).toBeNull();
    expect(extractDossierCode('0912345678', { bare: true })).toBeNull();
    expect(extractDossierCode('cảm ơn', { bare: true })).toBeNull();
  });

  it('validates codes in the feed path', () => {
    expect(isAcceptableDossierCode('000.00.12.H12-240315-0001')).toBe(true);
    expect(isAcceptableDossierCode('ABC')).toBe(false);
    expect(isAcceptableDossierCode('ABCDEFGH')).toBe(false);
  });
});

import { looksLikeSubscribe, looksLikeUnsubscribe, parseRatingAnswer } from '../../../src/dossiers/chat-payloads.js';

describe('button texts', () => {
  it('recognises subscribe and unsubscribe wording, with either tone mark placement', () => {
    expect(looksLikeUnsubscribe('Huỷ nhận thông báo hồ sơ ABC-123456-0001')).toBe(true);
    expect(looksLikeUnsubscribe('hủy đăng ký nhận thông báo')).toBe(true);
    expect(looksLikeSubscribe('đăng ký nhận thông báo')).toBe(true);
    expect(looksLikeSubscribe('Nhận thông báo hồ sơ ABC-123456-0001')).toBe(true);
    expect(looksLikeSubscribe('Hủy nhận thông báo')).toBe(false);
  });

  it('reads a rating payload', () => {
    expect(parseRatingAnswer('Đánh giá 4/5 hồ sơ 000.00.12.H12-240315-0001')).toEqual({ score: 4, code: '000.00.12.H12-240315-0001' });
    expect(parseRatingAnswer('Đánh giá 9/5 hồ sơ X')).toBeNull();
  });
});

describe('introduced codes further in the sentence', () => {
  it('finds "mã hồ sơ của tôi là 03706/2026/07906"', () => {
    expect(extractDossierCode('mã hồ sơ của tôi là 03706/2026/07906')).toBe('03706/2026/07906');
  });
});

describe('what is not a code', () => {
  it('ignores challenge answers, phones and CCCD numbers near "mã"/"hồ sơ"', () => {
    expect(extractDossierCode('mã số cuối là 5678')).toBeNull();
    expect(extractDossierCode('hồ sơ số 1 gồm CCCD 001090012345')).toBeNull();
    expect(extractDossierCode('hồ sơ khai sinh cần những gì')).toBeNull();
  });
});
