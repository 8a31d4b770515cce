/**
 * Express middleware for /api/admin: a successful (2xx) admin call is an officer at
 * the console; src/dialog/officer-duty.ts records it. Judged on the response, so only
 * calls the admin routers authenticated count (a 401 or an unknown path never does).
 */
import type { RequestHandler } from 'express';
import type { Services } from '../services.js';
import { noteOfficerPresence } from '../dialog/officer-duty.js';

export function officerPresence(services: Services): RequestHandler {
  return (_req, res, next) => {
    res.on('finish', () => {
      if (res.statusCode < 200 || res.statusCode >= 300) return;
      noteOfficerPresence(services).catch((err) => services.log.warn({ err }, 'could not record officer presence'));
    });
    next();
  };
}
