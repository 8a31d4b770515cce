import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { dedupeKeys, OaEventParseError, parseOaEvent } from '../../../../src/platform/zalo/parse-oa-event.js';

const USER = '8152943016482130001'; // > 2^53: must stay a string
const OA = '2979513920347201234';
const base = { app_id: '1480529663187430000', user_id_by_app: '5551', timestamp: '1732000000000' };
const userToOa = { sender: { id: USER }, recipient: { id: OA } };
const oaToUser = { sender: { id: OA }, recipient: { id: USER } };

describe('parseOaEvent', () => {
  it('user_send_text', () => {
    const e = parseOaEvent({ ...base, event_name: 'user_send_text', ...userToOa, message: { msg_id: 'm1', text: 'Làm hộ chiếu cần gì', quote_msg_id: 'm0' } });
    expect(e).toEqual({ kind: 'user_send_text', appId: base.app_id, timestamp: base.timestamp, userId: USER, oaId: OA, msgId: 'm1', text: 'Làm hộ chiếu cần gì', quoteMsgId: 'm0' });
  });

  it.each(['image', 'gif', 'link', 'audio', 'video', 'sticker', 'file', 'location', 'business_card'])('user_send_%s → user_send_media', (media) => {
    const e = parseOaEvent({ ...base, event_name: `user_send_${media}`, ...userToOa, message: { msg_id: 'm2', attachments: [{ type: media, payload: {} }] } });
    expect(e).toMatchObject({ kind: 'user_send_media', media, eventName: `user_send_${media}`, userId: USER, oaId: OA, msgId: 'm2' });
    expect('text' in e).toBe(false);
  });

  it('keeps a caption on media', () => {
    const e = parseOaEvent({ ...base, event_name: 'user_send_image', ...userToOa, message: { msg_id: 'm2', text: 'ảnh CCCD' } });
    expect(e).toMatchObject({ kind: 'user_send_media', text: 'ảnh CCCD' });
  });

  it('follow and unfollow use follower.id and oa_id', () => {
    expect(parseOaEvent({ ...base, event_name: 'follow', oa_id: OA, follower: { id: USER }, source: 'oa_profile' })).toEqual({
      kind: 'follow', appId: base.app_id, timestamp: base.timestamp, userId: USER, oaId: OA, source: 'oa_profile',
    });
    expect(parseOaEvent({ ...base, event_name: 'unfollow', oa_id: OA, follower: { id: USER } })).toEqual({
      kind: 'unfollow', appId: base.app_id, timestamp: base.timestamp, userId: USER, oaId: OA,
    });
  });

  it('user_submit_info converts 84… to 0…', () => {
    const e = parseOaEvent({ ...base, event_name: 'user_submit_info', ...userToOa, info: { name: ' Trần Thị B ', phone: '84912345678', address: 'x' } });
    expect(e).toMatchObject({ kind: 'user_submit_info', userId: USER, oaId: OA, name: 'Trần Thị B', phone: '0912345678' });
    expect(parseOaEvent({ ...base, event_name: 'user_submit_info', ...userToOa, info: { phone: '+84 912 345 678' } })).toMatchObject({ phone: '0912345678' });
    expect(parseOaEvent({ ...base, event_name: 'user_submit_info', ...userToOa, info: {} })).not.toHaveProperty('phone');
  });

  it('delivery receipts take the user from recipient.id', () => {
    expect(parseOaEvent({ ...base, event_name: 'user_received_message', ...oaToUser, message: { msg_id: 'out1' } })).toMatchObject({
      kind: 'user_received_message', userId: USER, oaId: OA, msgId: 'out1',
    });
    expect(parseOaEvent({ ...base, event_name: 'user_seen_message', ...oaToUser, message: { msg_ids: ['a', 'b'] } })).toMatchObject({
      kind: 'user_seen_message', userId: USER, msgIds: ['a', 'b'],
    });
  });

  it('anything else with an event_name is ignored, with best-effort ids', () => {
    expect(parseOaEvent({ ...base, event_name: 'oa_send_text', ...oaToUser, message: { msg_id: 'x', text: 'echo' } })).toEqual({
      kind: 'ignored', eventName: 'oa_send_text', appId: base.app_id, timestamp: base.timestamp, userId: USER, oaId: OA,
    });
    expect(parseOaEvent({ event_name: 'add_user_to_tag', oa_id: OA })).toMatchObject({ kind: 'ignored', eventName: 'add_user_to_tag', userId: '', oaId: OA });
  });

  it.each([
    ['not an object', 'hello'],
    ['an array', []],
    ['null', null],
    ['no event_name', { ...base, ...userToOa }],
    ['text without msg_id', { ...base, event_name: 'user_send_text', ...userToOa, message: { text: 'x' } }],
    ['text without text', { ...base, event_name: 'user_send_text', ...userToOa, message: { msg_id: 'm' } }],
    ['text without sender', { ...base, event_name: 'user_send_text', recipient: { id: OA }, message: { msg_id: 'm', text: 'x' } }],
    ['numeric user id', { ...base, event_name: 'user_send_text', sender: { id: 8152943016482130 }, recipient: { id: OA }, message: { msg_id: 'm', text: 'x' } }],
    ['no app_id', { event_name: 'user_send_text', timestamp: '1', ...userToOa, message: { msg_id: 'm', text: 'x' } }],
    ['bad timestamp', { ...base, timestamp: 'yesterday', event_name: 'user_send_text', ...userToOa, message: { msg_id: 'm', text: 'x' } }],
    ['media without msg_id', { ...base, event_name: 'user_send_image', ...userToOa, message: {} }],
    ['follow without follower', { ...base, event_name: 'follow', oa_id: OA }],
    ['submit_info without info', { ...base, event_name: 'user_submit_info', ...userToOa }],
    ['seen with empty msg_ids', { ...base, event_name: 'user_seen_message', ...oaToUser, message: { msg_ids: [] } }],
  ])('throws OaEventParseError on %s', (_name, json) => {
    expect(() => parseOaEvent(json)).toThrow(OaEventParseError);
  });

  it('names the event and the field in the error', () => {
    try {
      parseOaEvent({ ...base, event_name: 'user_send_text', ...userToOa, message: { text: 'x' } });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(OaEventParseError);
      expect((err as OaEventParseError).eventName).toBe('user_send_text');
      expect((err as OaEventParseError).issues.join()).toContain('message.msg_id');
    }
  });
});

describe('dedupeKeys', () => {
  const raw = Buffer.from('{"event_name":"follow"}');
  it('uses event_name:user:msg_id when there is one msg_id (legacy: event_name:msg_id)', () => {
    const text = parseOaEvent({ ...base, event_name: 'user_send_text', ...userToOa, message: { msg_id: 'm1', text: 'x' } });
    expect(dedupeKeys(text, raw)).toEqual({ key: `user_send_text:${USER}:m1`, legacy: 'user_send_text:m1' });
    const img = parseOaEvent({ ...base, event_name: 'user_send_image', ...userToOa, message: { msg_id: 'm2' } });
    expect(dedupeKeys(img, raw).key).toBe(`user_send_image:${USER}:m2`);
    const seen1 = parseOaEvent({ ...base, event_name: 'user_seen_message', ...oaToUser, message: { msg_ids: ['s1'] } });
    expect(dedupeKeys(seen1, raw).key).toBe(`user_seen_message:${USER}:s1`);
  });
  it('uses a body digest otherwise', () => {
    const digest = createHash('sha256').update(raw).digest('hex');
    const follow = parseOaEvent({ ...base, event_name: 'follow', oa_id: OA, follower: { id: USER } });
    expect(dedupeKeys(follow, raw)).toEqual({ key: `follow:${USER}:${digest}`, legacy: `follow:${digest}` });
    const seen = parseOaEvent({ ...base, event_name: 'user_seen_message', ...oaToUser, message: { msg_ids: ['a', 'b'] } });
    expect(dedupeKeys(seen, raw).key).toBe(`user_seen_message:${USER}:${digest}`);
  });
  it('the same msg_id from two users gives two keys', () => {
    const a = parseOaEvent({ ...base, event_name: 'user_send_text', sender: { id: 'ua' }, recipient: { id: OA }, message: { msg_id: 'm1', text: 'x' } });
    const b = parseOaEvent({ ...base, event_name: 'user_send_text', sender: { id: 'ub' }, recipient: { id: OA }, message: { msg_id: 'm1', text: 'x' } });
    expect(dedupeKeys(a, raw).key).not.toBe(dedupeKeys(b, raw).key);
  });
});
