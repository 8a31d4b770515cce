/** Express middleware: `Authorization: Bearer <token>`, timing-safe; 401 otherwise. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function requireBearer(getToken: () => string | undefined, realm: string): RequestHandler {
  return (req, res, next) => {
    const expected = getToken();
    const header = req.get('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    // Compare digests so length differences do not leak through timing.
    if (expected && m && timingSafeEqual(digest(m[1].trim()), digest(expected))) return next();
    res.set('WWW-Authenticate', `Bearer realm="${realm}"`).status(401).json({ error: 'unauthorized' });
  };
}
