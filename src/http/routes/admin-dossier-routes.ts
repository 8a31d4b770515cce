// STUB: replaced by the work that owns these routes.
import { Router } from 'express';
import type { Services } from '../../services.js';
import type { RouteExtras } from './route-extras.js';

export function createAdminDossierRouter(_services: Services, _extras: RouteExtras): Router {
  return Router();
}
