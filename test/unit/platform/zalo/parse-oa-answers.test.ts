import { describe, expect, it } from 'vitest';
import { parseRecentMessages, parseUserDetail } from '../../../../src/platform/zalo/parse-oa-answers.js';

describe('parseUserDetail', () => {
  it('converts dd/MM/yyyy and keeps known fields only', () => {
    expect(parseUserDetail({ display_name: 'Lan', user_last_interaction_date: '05/03/2026', user_is_follower: false, avatar: 'x' })).toEqual({
      displayName: 'Lan', lastInteractionDate: '2026-03-05', isFollower: false,
    });
    expect(parseUserDetail({ user_last_interaction_date: '2026-03-05' })).toEqual({});
    expect(parseUserDetail(null)).toEqual({});
  });
});

describe('parseRecentMessages', () => {
  const rows = [
    { message_id: 'm2', src: 0, time: 1700000002000, type: 'text', message: 'Dạ', from_id: 'OA1', to_id: 'U1' },
    { message_id: 'm1', src: 1, time: '1700000001000', type: 'text', message: 'hỏi', from_id: 'U1', to_id: 'OA1' },
    { message_id: 7, src: 1, time: 5, type: 'photo', message: { url: 'x' }, from_id: 'X', to_id: 'Y' },
    { src: 1, message: 'no id' },
  ];
  it('reads an array and takes direction from from_id/to_id, not src', () => {
    expect(parseRecentMessages(rows, 'U1')).toEqual([
      { messageId: 'm2', from: 'oa', time: 1700000002000, type: 'text', text: 'Dạ' },
      { messageId: 'm1', from: 'user', time: 1700000001000, type: 'text', text: 'hỏi' },
      { messageId: '7', from: 'unknown', time: 5, type: 'photo' },
    ]);
  });
  it('also reads data.messages, and nothing from other shapes', () => {
    expect(parseRecentMessages({ messages: rows.slice(0, 1) }, 'U1')).toHaveLength(1);
    expect(parseRecentMessages({ total: 0 }, 'U1')).toEqual([]);
    expect(parseRecentMessages(undefined, 'U1')).toEqual([]);
  });
});
