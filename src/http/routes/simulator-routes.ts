/**
 * /simulator: a Zalo-like chat page for talking to the bot as a test citizen.
 * Everything goes through the real path: the in-process OA emulator signs each
 * event and POSTs it to the webhook; replies come from the emulator's record of
 * what the bot sent, pushed live over server-sent events.
 *
 * Without an emulator (the bot runs against a real OA) there is nobody to
 * simulate: the page answers 404 with a short explanation. The API needs no
 * token only in local mode on loopback; otherwise (local mode on a public
 * HOST, or a test harness attaching an emulator) it asks for ADMIN_TOKEN.
 */
import express, { Router, type Response } from 'express';
import type { Services } from '../../services.js';
import type { RouteExtras } from './route-extras.js';
import { requireBearer } from '../require-bearer.js';
import { SimulatorTranscript } from '../../web/server/simulator-transcript.js';
import {
  SimulatorActionSchema,
  SimulatorUserIdSchema,
  performSimulatorAction,
} from '../../web/server/perform-simulator-action.js';
import { openEventStream } from '../../web/server/open-event-stream.js';
import { sendPage, serveWebAssets, setPageHeaders } from '../../web/server/serve-web-assets.js';
import { localDefaultToken } from '../../web/server/local-default-token.js';
import { isTrustedLocal } from '../../config/is-loopback-host.js';

const UNAVAILABLE =
  'Trình mô phỏng chỉ chạy ở chế độ thử nghiệm (không đặt ZALO_APP_ID), khi bot nói chuyện với OA giả lập. ' +
  'Bot này đang kết nối Zalo OA thật, nên hãy nhắn tin cho OA trên ứng dụng Zalo.';

function sendUnavailable(res: Response): void {
  setPageHeaders(res);
  res
    .status(404)
    .type('html')
    .send(
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>Trình mô phỏng không khả dụng</title></head><body><main><h1>Trình mô phỏng không khả dụng</h1>` +
        `<p>${UNAVAILABLE}</p><p><a href="/console">Mở trang quản trị</a></p></main></body></html>`,
    );
}

export function createSimulatorRouter(services: Services, extras: RouteExtras): Router {
  const router = Router();
  const emulator = extras.emulator;
  if (!emulator) {
    router.get('/simulator', (_req, res) => sendUnavailable(res));
    router.use('/simulator', (_req, res) => {
      res.status(404).json({ error: 'simulator_unavailable', message: UNAVAILABLE });
    });
    return router;
  }

  const { config, log } = services;
  const transcript = new SimulatorTranscript(emulator);
  const api = Router();
  if (!isTrustedLocal(config)) api.use(requireBearer(() => config.ADMIN_TOKEN, 'simulator', extras.rejections));
  api.use(express.json({ limit: '16kb' }));

  api.get('/info', (_req, res) => {
    res.json({
      oaName: config.ORG_NAME,
      localMode: config.localMode,
      hotline: config.HOTLINE ?? null,
      // For the page's quick guide ("log in to the console with …"); never a configured token.
      localDefaultToken: localDefaultToken(config) ?? null,
    });
  });

  api.use('/users/:userId', (req, res, next) => {
    if (SimulatorUserIdSchema.safeParse(req.params.userId).success) return next();
    res.status(400).json({ error: 'bad_user_id', message: 'Mã người dùng chỉ gồm chữ, số, dấu chấm, gạch (tối đa 64 ký tự).' });
  });

  api.get('/users/:userId/messages', (req, res) => {
    res.json({ items: transcript.list(req.params.userId) });
  });

  api.post('/users/:userId/actions', async (req, res) => {
    const parsed = SimulatorActionSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'bad_action', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      return;
    }
    try {
      const item = await performSimulatorAction(emulator, transcript, req.params.userId, parsed.data);
      res.status(item.status === 200 ? 200 : 502).json({ item });
    } catch (err) {
      log.warn({ err, action: parsed.data.type }, 'simulator: emulator could not post the event');
      res.status(502).json({ error: 'emulator_failed', message: 'Không gửi được sự kiện tới webhook của bot.' });
    }
  });

  api.get('/users/:userId/stream', (req, res) => {
    const stream = openEventStream(req, res);
    stream.onClose(transcript.subscribe(req.params.userId, (item) => stream.send('item', item)));
  });

  router.use('/simulator/api', api);
  router.use('/simulator/api', (_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  router.use('/simulator/assets', serveWebAssets('simulator'));
  router.get('/simulator', (_req, res) => sendPage(res, 'simulator'));
  return router;
}
