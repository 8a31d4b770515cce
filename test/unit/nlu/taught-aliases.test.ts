/** Everyday names taught at run time: read beside the catalog index, never over a clear catalog match. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Understander } from '../../../src/nlu/nlu-types.js';
import { sharedCatalogAndNlu } from '../../support/shared-catalog.js';

let nlu: Understander;
beforeAll(async () => {
  nlu = (await sharedCatalogAndNlu()).nlu;
});

const KHAI_SINH = '1.001193';
const taught = [
  { alias: 'giấy tờ cho đứa nhỏ mới chào đời', code: KHAI_SINH },
  { alias: 'giấy đi đường', code: '1.001456' },
  { alias: 'cho em hỏi thủ tục', code: '1.000894' }, // stop words only: names nothing
  { alias: 'gì đó', code: '9.999999' }, // a code the catalog lacks: ignored
];

describe('taught aliases', () => {
  it('a question the catalog index cannot place is read as the taught procedure, with its asks', () => {
    const plain = nlu.understand('đứa nhỏ mới chào đời cần giấy gì');
    expect(plain.procedure).toBeNull();
    const r = nlu.understand('đứa nhỏ mới chào đời cần giấy gì', taught);
    expect(r).toMatchObject({ intent: 'ask_documents', procedure: { code: KHAI_SINH }, ambiguous: false, procedureMentionedButUnknown: false });
    expect(nlu.understand('xin giấy đi đường ở đâu', taught)).toMatchObject({ intent: 'ask_location', procedure: { code: '1.001456' } });
  });

  it('never overrides a clear catalog match, and stop-word-only aliases match nothing', () => {
    expect(nlu.understand('đăng ký kết hôn', taught).procedure?.code).toBe('1.000894');
    expect(nlu.understand('hôm nay trời đẹp', taught).procedure).toBeNull();
    expect(nlu.understand('cho em hỏi thủ tục', taught).procedure).toBeNull();
  });

  it('the words must come in the taught order; a one-word alias must be the whole question', () => {
    expect(nlu.understand('chào đời nhỏ đứa', taught).procedure?.code ?? null).not.toBe(KHAI_SINH);
    // "giấy đi đường" is "đường" once stop words go: not inside a longer message.
    expect(nlu.understand('xin phép sửa đường trước nhà', taught).procedure?.code ?? null).not.toBe('1.001456');
  });
});
