/**
 * Numbers for the console's "Thống kê" tab, read from the store in one
 * transaction: turns per day (Vietnam calendar days), intents, answered vs not
 * understood, notification outcomes and satisfaction answers.
 */
import type { OutboxStats, Tx } from '../../store/port.js';
import type { OutboxStatus } from '../../store/records.js';
import type { OutcomeLabels } from './outcome-labels.js';

export interface AdminStats {
  generatedAt: string;
  days: number;
  /** One entry per day, oldest first, zero-filled; dates are yyyy-mm-dd in Asia/Ho_Chi_Minh. */
  messagesPerDay: { date: string; total: number; answered: number }[];
  /** By label (several keys may share one, e.g. media and user_send_media), most first. */
  intents: { intent: string; label: string; count: number }[];
  turns: { total: number; answered: number };
  /** Dossier notifications created in the window, by outcome. */
  notifications: Record<'sent' | 'failed' | 'waiting' | 'pending', number>;
  outbox: OutboxStats;
  satisfaction: { count: number; average: number; byScore: Record<1 | 2 | 3 | 4 | 5, number> };
}

const VN_OFFSET_MS = 7 * 3600_000; // Asia/Ho_Chi_Minh has no daylight saving time.
const DAY_MS = 86_400_000;
/** Enough for a province's daily volume; the charts are a view, not an audit. */
const MAX_ITEMS = 20_000;

export const vnDate = (d: Date) => new Date(d.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);

/** Start (UTC instant) of the Vietnam day `days - 1` days before `now`'s. */
function windowStart(now: Date, days: number): Date {
  const today = Date.parse(`${vnDate(now)}T00:00:00.000Z`) - VN_OFFSET_MS;
  return new Date(today - (days - 1) * DAY_MS);
}

export async function computeAdminStats(t: Tx, now: Date, days: number, labels: OutcomeLabels): Promise<AdminStats> {
  const since = windowStart(now, days);
  const sinceIso = since.toISOString();

  const perDay = new Map<string, { date: string; total: number; answered: number }>();
  for (let i = 0; i < days; i++) {
    const date = vnDate(new Date(since.getTime() + i * DAY_MS));
    perDay.set(date, { date, total: 0, answered: 0 });
  }
  /** label → the first key seen with it and the count. */
  const intents = new Map<string, { intent: string; count: number }>();
  const turns = { total: 0, answered: 0 };
  for (const e of await t.listTurnLog(sinceIso)) {
    const day = perDay.get(vnDate(new Date(e.at)));
    if (!day) continue;
    day.total++;
    turns.total++;
    if (e.answered) (day.answered++, turns.answered++);
    const label = labels.labelOf(e.intent);
    const entry = intents.get(label) ?? { intent: e.intent, count: 0 };
    entry.count++;
    intents.set(label, entry);
  }

  const notifications = { sent: 0, failed: 0, waiting: 0, pending: 0 };
  for (const status of ['sent', 'failed', 'waiting', 'pending', 'sending'] as OutboxStatus[]) {
    const items = await t.listOutbox({ status, limit: MAX_ITEMS });
    const n = items.filter((i) => i.kind === 'notification' && i.createdAt >= sinceIso).length;
    notifications[status === 'sending' ? 'pending' : status] += n;
  }

  const byScore = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let sum = 0;
  let count = 0;
  for (const s of await t.listSatisfaction(MAX_ITEMS)) {
    if (s.at < sinceIso) continue;
    byScore[s.score]++;
    sum += s.score;
    count++;
  }

  return {
    generatedAt: now.toISOString(),
    days,
    messagesPerDay: [...perDay.values()],
    intents: [...intents].map(([label, x]) => ({ intent: x.intent, label, count: x.count })).sort((a, b) => b.count - a.count),
    turns,
    notifications,
    outbox: await t.outboxStats(),
    satisfaction: { count, average: count ? Math.round((sum / count) * 100) / 100 : 0, byScore },
  };
}
