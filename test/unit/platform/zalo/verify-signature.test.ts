import { describe, expect, it } from 'vitest';
import { computeSignature, verifySignature } from '../../../../src/platform/zalo/verify-signature.js';

// Known answer computed independently: printf '%s' "<appId><body><timestamp><secret>" | sha256sum
const APP = '4321';
const TS = '1732000000000';
const SECRET = 's3cr3t';
const BODY = Buffer.from('{"app_id":"4321","event_name":"user_send_text","timestamp":"1732000000000","message":{"text":"Xin chào","msg_id":"abc"}}', 'utf8');
const EXPECTED = 'mac=c0149dc728905621be01a023e5a0486a4f4f8945f4071faf96fba675a0e07b23';

describe('computeSignature', () => {
  it('matches the known answer (plain SHA-256 of app id + body + timestamp + secret)', () => {
    expect(computeSignature(APP, BODY, TS, SECRET)).toBe(EXPECTED);
    expect(computeSignature(APP, BODY.toString('utf8'), TS, SECRET)).toBe(EXPECTED);
  });
});

describe('verifySignature', () => {
  it('accepts the correct header, with or without the mac= prefix, any hex case', () => {
    expect(verifySignature(EXPECTED, BODY, APP, TS, SECRET)).toBe(true);
    expect(verifySignature(EXPECTED.slice(4), BODY, APP, TS, SECRET)).toBe(true);
    expect(verifySignature(EXPECTED.toUpperCase().replace('MAC=', 'mac='), BODY, APP, TS, SECRET)).toBe(true);
  });

  it('rejects a tampered body, timestamp, app id or secret', () => {
    const tampered = Buffer.from(BODY.toString('utf8').replace('Xin chào', 'Xin chao'), 'utf8');
    expect(verifySignature(EXPECTED, tampered, APP, TS, SECRET)).toBe(false);
    expect(verifySignature(EXPECTED, BODY, APP, '1732000000001', SECRET)).toBe(false);
    expect(verifySignature(EXPECTED, BODY, '4322', TS, SECRET)).toBe(false);
    expect(verifySignature(EXPECTED, BODY, APP, TS, 'other')).toBe(false);
  });

  it('rejects re-serialised JSON (the raw bytes are signed)', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(BODY.toString('utf8')), null, 1), 'utf8');
    expect(verifySignature(EXPECTED, reserialised, APP, TS, SECRET)).toBe(false);
  });

  it('is false on a missing, malformed or wrong-length header, or missing parts', () => {
    expect(verifySignature(undefined, BODY, APP, TS, SECRET)).toBe(false);
    expect(verifySignature('', BODY, APP, TS, SECRET)).toBe(false);
    expect(verifySignature('mac=', BODY, APP, TS, SECRET)).toBe(false);
    expect(verifySignature(EXPECTED.slice(0, -2), BODY, APP, TS, SECRET)).toBe(false);
    expect(verifySignature(`${EXPECTED}00`, BODY, APP, TS, SECRET)).toBe(false);
    expect(verifySignature(EXPECTED.replace(/.$/, 'z'), BODY, APP, TS, SECRET)).toBe(false);
    expect(verifySignature([EXPECTED], BODY, APP, TS, SECRET)).toBe(false);
    expect(verifySignature(EXPECTED, BODY, undefined, TS, SECRET)).toBe(false);
    expect(verifySignature(EXPECTED, BODY, APP, undefined, SECRET)).toBe(false);
    expect(verifySignature(EXPECTED, BODY, APP, TS, '')).toBe(false);
  });
});
