/** POST a new handoff to the configured URL (after the turn commits; short timeout; failures only logged). */
import type { Logger } from 'pino';

const TIMEOUT_MS = 3000;

export async function notifyHandoffWebhook(url: string, body: Record<string, unknown>, log: Logger): Promise<void> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (!res.ok) log.warn({ status: res.status }, 'handoff webhook answered with an error status');
  } catch (err) {
    log.warn({ err: (err as Error).message }, 'handoff webhook failed (check HANDOFF_WEBHOOK_URL)');
  }
}
