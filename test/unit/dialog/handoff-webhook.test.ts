import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Conversation, nlu } from './make-turn.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

describe('handoff webhook', () => {
  it('is called after the turn with the new handoff, never inside it', async () => {
    const received: unknown[] = [];
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push({ path: req.url, type: req.headers['content-type'], body: JSON.parse(body) });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const c = await Conversation.start({ HANDOFF_WEBHOOK_URL: url });
    const t = await c.say('muốn nói chuyện với người thật', nlu('muốn nói chuyện với người thật', 'human_handoff'));
    expect(received).toHaveLength(0);
    expect(t.after).toHaveLength(1);
    await t.after[0]();
    expect(received).toEqual([
      {
        path: '/hook',
        type: 'application/json',
        body: { userId: 'u1', reason: 'requested', openedAt: '2026-06-16T03:00:00.000Z', lastMessage: 'muốn nói chuyện với người thật' },
      },
    ]);
  });

  it('only logs when the webhook is unreachable', async () => {
    const c = await Conversation.start({ HANDOFF_WEBHOOK_URL: 'http://127.0.0.1:9/closed' });
    const t = await c.say('gặp cán bộ giúp tôi', nlu('gặp cán bộ giúp tôi', 'human_handoff'));
    await expect(Promise.resolve(t.after[0]())).resolves.toBeUndefined();
  });
});
