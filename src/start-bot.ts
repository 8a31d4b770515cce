/**
 * Start the whole bot in this process: config → (local mode: the OA emulator)
 * → services → inbox processor, outbox worker → HTTP server. main.ts and the
 * tests share this one code path.
 *
 * Usage:
 *   const bot = await startBot({ env: { PORT: '0', DATA_DIR: dir } });
 *   await fetch(`${bot.url}/healthz`); await bot.stop();
 */
import { emulatorEnv } from './platform/zalo/emulator/emulator-env.js';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from './config/load-config.js';
import { createServices, type ServiceOverrides } from './create-services.js';
import { createApp } from './http/create-app.js';
import { WEBHOOK_PATH } from './http/routes/webhook-routes.js';
import { InboxProcessor, type InboxProcessorOptions } from './dialog/inbox-processor.js';
import { OutboxWorker, type OutboxWorkerOptions } from './notify/outbox-worker.js';
import type { Services } from './services.js';
import type { OaEmulatorHandle } from './platform/zalo/emulator/emulator-handle.js';
import { createOaEmulator } from './platform/zalo/emulator/oa-emulator.js';
import { RejectionLog, type RejectionLogOptions } from './http/rejection-log.js';
import { checkZnsTemplates } from './notify/check-zns-templates.js';

export interface StartBotOptions extends ServiceOverrides {
  /** Environment to load the config from (default process.env). */
  env?: Record<string, string | undefined>;
  /**
   * An OA emulator the caller started (tests). It is attached to the routes
   * (simulator) and its webhook URL pointed at this bot; the caller wires the
   * config to it and closes it. In local mode without one, startBot starts its own.
   */
  emulator?: OaEmulatorHandle;
  inbox?: InboxProcessorOptions;
  worker?: OutboxWorkerOptions;
  /** How long stop() lets in-flight requests finish before cutting connections (default 3 s). */
  drainMs?: number;
  /** Sampling of the refused-request logs (tests shorten the window). */
  rejectionLog?: RejectionLogOptions;
}

export interface RunningBot {
  /** http://127.0.0.1:<port> (or the configured host). */
  url: string;
  port: number;
  config: Config;
  services: Services;
  emulator?: OaEmulatorHandle;
  inbox: InboxProcessor;
  worker: OutboxWorker;
  /** Graceful: stop accepting, finish requests and turns, stop the worker, close the store (and our emulator). */
  stop(): Promise<void>;
}

const token = (prefix: string) => `${prefix}-${randomBytes(12).toString('hex')}`;

/** Local mode: an emulator on loopback, preferring OA_EMULATOR_PORT, any free port if taken. */
async function startLocalEmulator(config: Config): Promise<OaEmulatorHandle> {
  const opts = { accessToken: token('local-at'), refreshToken: token('local-rt') };
  try {
    return await createOaEmulator({ ...opts, port: config.OA_EMULATOR_PORT });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    return createOaEmulator({ ...opts, port: 0 });
  }
}

/** The config with the OA side pointed at the emulator (local mode). */
function wireToEmulator(config: Config, em: OaEmulatorHandle, refreshToken?: string): Config {
  return {
    ...config,
    ...emulatorEnv(em),
    ZALO_REFRESH_TOKEN: refreshToken ?? config.ZALO_REFRESH_TOKEN,
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startBot(opts: StartBotOptions = {}): Promise<RunningBot> {
  let config = loadConfig(opts.env ?? process.env);
  let emulator = opts.emulator;
  let ownEmulator = false;
  if (config.localMode && !emulator) {
    emulator = await startLocalEmulator(config);
    ownEmulator = true;
  }
  if (config.localMode && emulator) {
    // The emulator's refresh token lets local mode exercise the real refresh path.
    const rt = (emulator as Partial<{ currentRefreshToken(): string }>).currentRefreshToken?.();
    config = wireToEmulator(config, emulator, rt);
  }

  const services = await createServices(config, opts);
  if (config.znsTemplates) {
    try {
      await checkZnsTemplates(services.oa, config.znsTemplates, (msg, err) => services.log.warn({ err }, msg));
    } catch (err) {
      await services.store.close();
      if (ownEmulator) await emulator?.close();
      throw err;
    }
  }
  const inbox = new InboxProcessor(services, opts.inbox);
  const worker = new OutboxWorker(services, opts.worker);
  services.kickOutbox = () => worker.kick();

  let shuttingDown = false;
  const rejections = new RejectionLog(services.log, opts.rejectionLog);
  const app = createApp(services, {
    emulator,
    rejections,
    inbox: { enqueue: (key, userId) => inbox.enqueue(key, userId) },
    isShuttingDown: () => shuttingDown,
  });
  const httpServer = createServer(app);
  // The platform gives us 2 s per webhook; keep idle sockets short so shutdown is quick.
  httpServer.keepAliveTimeout = 5_000;
  const port = await listen(httpServer, config.PORT, config.HOST);
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  const url = `http://${host}:${port}`;
  emulator?.setWebhookUrl(`${url}${WEBHOOK_PATH}`);

  await services.taught.start();
  inbox.start();
  worker.start();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      // Well inside SHUTDOWN_TIMEOUT_MS (8 s): webhooks answer in milliseconds; a stuck client must not hold the stop.
      const drain = setTimeout(() => httpServer.closeAllConnections(), opts.drainMs ?? 3_000);
      await closed;
      clearTimeout(drain);
      await inbox.stop();
      services.taught.stop();
      await worker.stop();
      await services.store.close();
      if (ownEmulator) await emulator?.close();
      rejections.flush();
      services.log.info('bot stopped');
      services.log.flush?.();
    })());

  return { url, port, config, services, emulator, inbox, worker, stop };
}
