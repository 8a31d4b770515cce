/**
 * Services for unit tests without HTTP: memory store, silent logger, a fixed or
 * given clock, a fake OA sender that records calls. Override anything.
 *
 * Usage:
 *   const { services, oa } = await makeTestServices({ env: { NOTIFY_MAX_ATTEMPTS: '3' } });
 *   oa.failNext(new OaHttpError(500, '/v3.0/oa/message/cs'));
 */
import { loadConfig } from '../../src/config/load-config.js';
import { createServices, type ServiceOverrides } from '../../src/create-services.js';
import { createLogger } from '../../src/logger.js';
import type { Services, OaSender, SendResult } from '../../src/services.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { OutMessage, TransactionMessage } from '../../src/platform/zalo/messages.js';
import { sharedCatalogAndNlu } from './shared-catalog.js';

export interface FakeSend {
  channel: 'cs' | 'transaction';
  userId: string;
  message: OutMessage;
}

/** An OaSender that records sends and fails on demand (a queue of errors, then success). */
export class FakeOaSender implements OaSender {
  readonly sends: FakeSend[] = [];
  readonly attempts: FakeSend[] = [];
  private readonly failures: { channel?: 'cs' | 'transaction'; err: unknown }[] = [];
  private n = 0;

  /** The next send (optionally only on this channel) throws `err`. */
  failNext(err: unknown, channel?: 'cs' | 'transaction'): this {
    this.failures.push({ err, channel });
    return this;
  }

  private async send(channel: 'cs' | 'transaction', userId: string, message: OutMessage): Promise<SendResult> {
    this.attempts.push({ channel, userId, message });
    const i = this.failures.findIndex((f) => !f.channel || f.channel === channel);
    if (i >= 0) {
      const [f] = this.failures.splice(i, 1);
      throw f.err;
    }
    this.sends.push({ channel, userId, message });
    return { messageIds: [`m${++this.n}`] };
  }
  sendConsultation(userId: string, message: OutMessage) {
    return this.send('cs', userId, message);
  }
  sendTransaction(userId: string, message: TransactionMessage) {
    return this.send('transaction', userId, message);
  }
  async getUserProfile() {
    return { displayName: 'Người dùng' };
  }
}

export async function makeTestServices(
  opts: { env?: Record<string, string>; now?: Date } & ServiceOverrides = {},
): Promise<{ services: Services; oa: FakeOaSender; store: MemoryStore }> {
  const config = loadConfig({
    ZALO_APP_ID: 'test-app',
    ZALO_OA_SECRET_KEY: 'test-oa-secret',
    ZALO_ACCESS_TOKEN: 'test-at',
    LOG_LEVEL: 'silent',
    INSTANCE_ID: 'test-instance',
    ...opts.env,
  });
  const oa = new FakeOaSender();
  const store = new MemoryStore();
  const services = await createServices(config, {
    store,
    oa,
    log: createLogger({ level: 'silent' }),
    ...(await sharedCatalogAndNlu()),
    ...(opts.now ? { clock: () => new Date(opts.now!.getTime()) } : {}),
    ...opts,
  });
  return { services, oa: (opts.oa as FakeOaSender) ?? oa, store: (opts.store as MemoryStore) ?? store };
}
