import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, log: createLogger({ level: 'info', destination: stream }) };
}

describe('logger', () => {
  it('writes JSON lines with child fields (requestId, eventId)', () => {
    const { lines, log } = capture();
    log.child({ requestId: 'r1', eventId: 'user_send_text:m1' }).info('handled');
    const line = JSON.parse(lines[0]);
    expect(line).toMatchObject({ level: 'info', msg: 'handled', requestId: 'r1', eventId: 'user_send_text:m1' });
  });

  it('redacts tokens, secrets and personal numbers wherever they sit', () => {
    const { lines, log } = capture();
    log.info(
      {
        access_token: 'AT-SECRET-1',
        headers: { access_token: 'AT-SECRET-2', authorization: 'Bearer AT-SECRET-3' },
        config: { ZALO_OA_SECRET_KEY: 'OA-SECRET', ZALO_REFRESH_TOKEN: 'RT-SECRET' },
        profile: { sharedPhone: '0912345678' },
        dossier: { applicant: { phone: '0987654321', idNumber: '012345678901' } },
      },
      'x',
    );
    const out = lines.join('');
    for (const secret of ['AT-SECRET', 'OA-SECRET', 'RT-SECRET', '0912345678', '0987654321', '012345678901']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });
});
