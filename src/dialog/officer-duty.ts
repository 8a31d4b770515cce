/**
 * Whether an officer is on duty: within OFFICE_HOURS, or an officer used the
 * console within OFFICER_PRESENCE_MINUTES. Presence is the time of the last
 * authenticated admin API call (the console also sends a heartbeat every minute
 * while open), kept through the store so every instance sees it.
 */
import type { Config } from '../config/load-config.js';
import type { Services } from '../services.js';
import type { Tx } from '../store/port.js';
import { isWithinOfficeHours, parseOfficeHours } from './office-hours.js';

export const CONSOLE_PRESENCE = 'console';
/** One store write per instance per this interval is enough for a minutes-long window. */
const WRITE_EVERY_MS = 30_000;

export function isOfficeHours(config: Config, now: Date): boolean {
  try {
    const rules = parseOfficeHours(config.OFFICE_HOURS);
    return rules.length > 0 && isWithinOfficeHours(rules, now);
  } catch {
    return false;
  }
}

export async function isOfficerOnDuty(t: Tx, config: Config, now: Date): Promise<boolean> {
  if (isOfficeHours(config, now)) return true;
  const seen = await t.getPresence(CONSOLE_PRESENCE);
  return seen !== undefined && Date.parse(seen) > now.getTime() - config.OFFICER_PRESENCE_MINUTES * 60_000;
}

const lastWrite = new WeakMap<Services, number>();

/** An officer just made an authenticated console call: note it (throttled per instance). */
export async function noteOfficerPresence(services: Services): Promise<void> {
  const now = services.clock();
  const last = lastWrite.get(services);
  if (last !== undefined && Math.abs(now.getTime() - last) < WRITE_EVERY_MS) return;
  lastWrite.set(services, now.getTime());
  await services.store.tx((t) => t.touchPresence(CONSOLE_PRESENCE, now.toISOString()));
}
