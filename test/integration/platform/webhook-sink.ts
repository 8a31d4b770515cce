/** A minimal webhook receiver for emulator tests: verifies, parses and records each event. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../../src/platform/zalo/verify-signature.js';
import { parseOaEvent } from '../../../src/platform/zalo/parse-oa-event.js';
import type { OaEvent } from '../../../src/platform/zalo/events.js';

export interface Received {
  raw: Buffer;
  json: Record<string, unknown>;
  event: OaEvent;
  signatureOk: boolean;
  headers: Record<string, string | string[] | undefined>;
}

export async function startWebhookSink(oaSecretKey: string, status = 200) {
  const received: Received[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const json = JSON.parse(raw.toString('utf8'));
    const signatureOk = verifySignature(req.headers['x-zevent-signature'], raw, json.app_id, json.timestamp, oaSecretKey);
    received.push({ raw, json, event: parseOaEvent(json), signatureOk, headers: req.headers });
    res.writeHead(signatureOk ? status : 401).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/zalo`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}
