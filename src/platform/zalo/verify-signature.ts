/**
 * Webhook signature (X-ZEvent-Signature): "mac=" + sha256hex(appId + rawBody + timestamp + oaSecretKey).
 * A plain SHA-256 of the concatenation, not an HMAC (zalo-oa-platform.md §2).
 * `appId` and `timestamp` are the values inside the JSON body; the body is the exact raw bytes.
 *
 * Usage: if (!verifySignature(req.get('x-zevent-signature'), raw, body.app_id, body.timestamp, secret)) 401
 */
import { createHash, timingSafeEqual } from 'node:crypto';

function digest(appId: string, rawBody: Buffer | string, timestamp: string, oaSecretKey: string): Buffer {
  const h = createHash('sha256');
  h.update(appId, 'utf8');
  h.update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody);
  h.update(timestamp, 'utf8');
  h.update(oaSecretKey, 'utf8');
  return h.digest();
}

/** The header value Zalo sends for this body. */
export function computeSignature(appId: string, rawBody: Buffer | string, timestamp: string, oaSecretKey: string): string {
  return `mac=${digest(appId, rawBody, timestamp, oaSecretKey).toString('hex')}`;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * True when `header` matches. Accepts "mac=<hex>" and a bare "<hex>" (one integration
 * reports the prefix missing). Compares the 32-byte digests in constant time.
 */
export function verifySignature(
  header: string | string[] | undefined | null,
  rawBody: Buffer,
  appId: string | undefined | null,
  timestamp: string | undefined | null,
  oaSecretKey: string,
): boolean {
  if (typeof header !== 'string' || typeof appId !== 'string' || typeof timestamp !== 'string') return false;
  if (!oaSecretKey) return false;
  let value = header.trim();
  if (value.toLowerCase().startsWith('mac=')) value = value.slice(4).trim();
  if (!HEX_SHA256.test(value)) return false;
  const given = Buffer.from(value, 'hex');
  const expected = digest(appId, rawBody, timestamp, oaSecretKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
