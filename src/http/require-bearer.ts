/**
 * Express middleware: `Authorization: Bearer <token>`, timing-safe; 401 otherwise.
 * Refusals are counted and logged sampled (rejection-log.ts): a token-guessing
 * flood must not flood the logs.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { RejectionLog } from './rejection-log.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function requireBearer(getToken: () => string | undefined, realm: string, rejections?: RejectionLog): RequestHandler {
  return (req, res, next) => {
    const expected = getToken();
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    // Compare digests so length differences do not leak through timing.
    if (expected && m && timingSafeEqual(digest(m[1].trim()), digest(expected))) return next();
    const reason = !expected ? 'auth_not_configured' : m ? 'bad_token' : 'no_token';
    rejections?.reject(realm, reason, { status: 401, method: req.method, path: req.baseUrl + req.path, ip: req.ip, requestId: res.locals.requestId }, 'request refused (401)');
    res.set('WWW-Authenticate', `Bearer realm="${realm}"`).status(401).json({ error: 'unauthorized' });
  };
}
