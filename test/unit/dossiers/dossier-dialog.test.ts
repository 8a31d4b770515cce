import { beforeEach, describe, expect, it } from 'vitest';
import { handleDossierIntent, handleDossierPending, handleSharedInfo } from '../../../src/dossiers/chat/dossier-dialog.js';
import type { Store, Tx } from '../../../src/store/port.js';
import type { Services } from '../../../src/services.js';
import { makeTestServices, runTurn, sampleDossier, textOf } from './make-test-services.js';

/** Wrap the services' store so every Tx method call is recorded by name, in order. */
function recordTxCalls(s: Services): string[] {
  const calls: string[] = [];
  const base = s.store;
  const spy = (t: Tx): Tx =>
    new Proxy(t, {
      get(target, name, receiver) {
        const v = Reflect.get(target, name, receiver);
        if (typeof v !== 'function') return v;
        return (...args: unknown[]) => {
          calls.push(String(name));
          return v.apply(target, args);
        };
      },
    });
  s.store = { ...base, kind: base.kind, tx: (fn, opts) => base.tx((t) => fn(spy(t)), opts), withLock: base.withLock.bind(base), close: base.close.bind(base) } as Store;
  return calls;
}

const code = '000.00.12.H12-250124-0001';
let services: ReturnType<typeof makeTestServices>;

beforeEach(async () => {
  services = makeTestServices(new Date('2025-01-24T09:00:00+07:00'));
  await services.store.tx((t) => t.putDossier(sampleDossier()));
});

const intent = (userId: string, text: string, which: 'dossier_status' | 'subscribe' | 'unsubscribe' = 'dossier_status') =>
  runTurn(services, userId, text, (ctx) => handleDossierIntent(ctx, which));
const answer = (userId: string, text: string) =>
  runTurn(services, userId, text, async (ctx) => {
    const handled = await handleDossierPending(ctx, ctx.state.pending!);
    if (!handled && ctx.state.pending) ctx.state.pending = undefined;
    return handled;
  });

describe('dossier lookup in chat', () => {
  it('asks for the code, then the 4-digit challenge (no ZNS), then shows the status without the name', async () => {
    const ask = await intent('u1', 'Tra cứu hồ sơ');
    expect(textOf(ask.replies)).toContain('mã hồ sơ');
    expect(ask.ctx.state.pending).toEqual({ kind: 'dossier_code', then: 'status' });

    const challenge = await answer('u1', code.toLowerCase());
    expect(textOf(challenge.replies)).toContain('4 số cuối số điện thoại hoặc số CCCD');
    expect(challenge.replies[1]).toMatchObject({ kind: 'request_user_info' });
    expect(challenge.ctx.state.pending).toEqual({ kind: 'challenge', code, then: 'status' });

    const shown = await answer('u1', '2345'); // last 4 digits of the CCCD
    const text = textOf(shown.replies);
    expect(text).toContain('Đăng ký khai sinh');
    expect(text).not.toContain('Nguyễn');
    expect(text).not.toContain('Người nộp');
    expect(text).toContain('24/01/2025');
    expect(text).toContain('05/02/2025');
    expect(text).toContain('Còn 3 ngày làm việc');
    expect(text).not.toMatch(/0912345678|001090012345/);
    // A weak proof is not remembered: it never unlocks the name later.
    expect(shown.ctx.state.verifiedCodes ?? []).toEqual([]);
    // Still open, with the share button: the matching phone upgrades to the full answer.
    expect(shown.replies.at(-1)).toMatchObject({ kind: 'request_user_info' });
    expect(shown.ctx.state.pending).toEqual({ kind: 'challenge', code, then: 'status' });
  });

  it('gives unknown codes and wrong answers the same replies', async () => {
    const known = await intent('u2', `Tra cứu hồ sơ ${code}`);
    const unknownCode = '000.00.12.H12-250124-0999';
    const unknown = await intent('u3', `Tra cứu hồ sơ ${unknownCode}`);
    expect(textOf(known.replies).replace(code, 'X')).toBe(textOf(unknown.replies).replace(unknownCode, 'X'));
    const wrongKnown = await answer('u2', '1111');
    const wrongUnknown = await answer('u3', '1111');
    expect(textOf(wrongKnown.replies)).toBe(textOf(wrongUnknown.replies));
  });

  it('locks after five failures in the window, even for the right answer', async () => {
    await intent('u4', `Tra cứu hồ sơ ${code}`);
    for (let i = 0; i < 5; i++) expect(textOf((await answer('u4', `000${i}`)).replies)).toContain('chưa khớp');
    const sixth = await answer('u4', '5678');
    expect(textOf(sixth.replies)).toContain('tài khoản Zalo này đã nhập sai thông tin xác minh 5 lần');
    expect(textOf(sixth.replies)).not.toContain('quá 5');
    expect(textOf(sixth.replies)).not.toContain('Nguyễn');
    const after = await intent('u4', `Tra cứu hồ sơ ${code}`);
    expect(textOf(after.replies)).toContain('tài khoản Zalo này');
    expect(textOf(after.replies)).toContain('(giờ Việt Nam)');
    // Another account is refused the 4 digits too (per-code limit), and told it was not its fault.
    const other = await intent('u5', `Tra cứu hồ sơ ${code}`);
    expect(textOf(other.replies)).toContain('không phải từ tài khoản của anh/chị');
    expect(other.replies.at(-1)).toMatchObject({ kind: 'request_user_info' });
    // The owner shares the matching phone: in at once, despite the lock.
    const shared = await runTurn(services, 'u5', '', (ctx) => handleSharedInfo(ctx), { sharedPhone: '0912345678', eventKind: 'user_submit_info' });
    expect(textOf(shared.replies)).toContain('Nguyễn V** A');
  });

  it('lets a user whose shared phone matches see the status without a challenge', async () => {
    await intent('u6', `Tra cứu hồ sơ ${code}`);
    const shared = await runTurn(services, 'u6', '', (ctx) => handleSharedInfo(ctx), { sharedPhone: '0912345678', eventKind: 'user_submit_info' });
    expect(textOf(shared.replies)).toContain('Nguyễn V** A');
  });

  it('does the same store reads for a real code and an unknown one, and never scans the subscriptions', async () => {
    await services.store.tx(async (t) => {
      for (let i = 0; i < 50; i++) await t.addSubscription({ code, userId: `other-${i}`, createdAt: '2025-01-24T02:00:00Z' });
    });
    const calls = recordTxCalls(services);
    const lookUp = async (userId: string, c: string, then: (u: string) => Promise<unknown>) => {
      calls.length = 0;
      await intent(userId, `Tra cứu hồ sơ ${c}`);
      const lookup = [...calls];
      calls.length = 0;
      await then(userId);
      return { lookup, answer: [...calls] };
    };
    const known = await lookUp('t1', code, (u) => answer(u, '1111'));
    const unknown = await lookUp('t2', '000.00.12.H12-250124-0999', (u) => answer(u, '1111'));
    expect(known.lookup).toContain('getSubscription');
    expect(known).toEqual(unknown);
    for (const m of [...known.lookup, ...known.answer]) expect(m).not.toMatch(/^list|^countSubscriptions/);
  });

  it('does not take an unrelated message as the challenge answer', async () => {
    await intent('u7', `Tra cứu hồ sơ ${code}`);
    const r = await answer('u7', 'thủ tục đăng ký kết hôn cần gì');
    expect(r.replies).toHaveLength(0);
  });
});

describe('subscriptions and rating', () => {
  it('subscribes only after a strong proof (not the 4 digits), and unsubscribes', async () => {
    const first = await intent('s1', `Nhận thông báo hồ sơ ${code}`, 'subscribe');
    expect(textOf(first.replies)).toContain('4 số cuối');
    const weak = await answer('s1', '5678');
    expect(textOf(weak.replies)).not.toContain('đã đăng ký nhận thông báo');
    expect(await services.store.tx((t) => t.listSubscribers(code))).toHaveLength(0);
    await intent('s1', `Nhận thông báo hồ sơ ${code}`, 'subscribe');
    const verified = await runTurn(services, 's1', '', (ctx) => handleSharedInfo(ctx), { sharedPhone: '0912345678', eventKind: 'user_submit_info' });
    expect(textOf(verified.replies)).toContain('đã đăng ký nhận thông báo cho hồ sơ');
    expect(await services.store.tx((t) => t.listSubscribers(code))).toHaveLength(1);

    const off = await intent('s1', `Hủy nhận thông báo hồ sơ ${code}`, 'subscribe');
    expect(textOf(off.replies)).toContain('đã hủy nhận thông báo');
    expect(await services.store.tx((t) => t.listSubscribers(code))).toHaveLength(0);
  });

  it('"Nhận thông báo" after a lookup subscribes the dossier just shown', async () => {
    await intent('s2', `Tra cứu hồ sơ ${code}`);
    await runTurn(services, 's2', '', (ctx) => handleSharedInfo(ctx), { sharedPhone: '0912345678', eventKind: 'user_submit_info' });
    const r = await intent('s2', 'Nhận thông báo', 'subscribe');
    expect(textOf(r.replies)).toContain(`đã đăng ký nhận thông báo cho hồ sơ ${code}`);
  });

  it('stores a 1–5 rating from a linked user once the result is returned', async () => {
    await services.store.tx(async (t) => {
      await t.putDossier(sampleDossier({ status: 10, state: 'returned' }));
      await t.addSubscription({ code, userId: 'r1', createdAt: '2025-01-24T02:00:00Z' });
    });
    const r = await intent('r1', `Đánh giá 5/5 hồ sơ ${code}`);
    expect(textOf(r.replies)).toContain('5/5');
    const stranger = await intent('r2', `Đánh giá 1/5 hồ sơ ${code}`);
    expect(textOf(stranger.replies)).toContain('chưa ghi nhận');
    expect(await services.store.tx((t) => t.listSatisfaction())).toEqual([expect.objectContaining({ userId: 'r1', score: 5 })]);
  });
});
