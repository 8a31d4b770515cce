/**
 * Structured JSON logs (pino). Secrets, tokens and personal numbers are redacted
 * by path wherever they appear in a logged object; child loggers carry
 * requestId / eventId so one event can be followed through the logs.
 *
 * Usage: const log = createLogger({ level: 'info' }); log.child({ eventId }).info('handled');
 */
import pino, { type DestinationStream, type Logger } from 'pino';

/** Field names that must never reach a log line in clear. */
const SENSITIVE_KEYS = [
  'access_token',
  'accessToken',
  'refresh_token',
  'refreshToken',
  'secret_key',
  'secretKey',
  'authorization',
  'Authorization',
  'password',
  'phone',
  'sharedPhone',
  'phone_code',
  'idNumber',
  'ZALO_OA_SECRET_KEY',
  'ZALO_APP_SECRET_KEY',
  'ZALO_ACCESS_TOKEN',
  'ZALO_REFRESH_TOKEN',
  'ADMIN_TOKEN',
  'INGEST_API_KEY',
  'DATABASE_URL',
];

/** The key itself, and the key one or two levels down (pino wildcards match one level each). */
export const REDACT_PATHS = SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

export interface LoggerOptions {
  level?: string;
  /** Where lines go (default stdout); tests pass a stream to inspect lines. */
  destination?: DestinationStream;
  /** Fields on every line, e.g. { instance }. */
  base?: Record<string, unknown>;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  return pino(
    {
      level: opts.level ?? 'info',
      base: { service: 'motcua-bot', ...opts.base },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Synchronous stdout: no line is lost on exit; hot paths log at debug only.
    opts.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
