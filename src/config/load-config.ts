/**
 * Configuration from an injected env (default process.env), validated before
 * the server listens. An invalid config throws ConfigError listing every problem.
 * Every variable is documented in .env.example.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { FLAG_VALUES, LOCAL_DEFAULT_KEYS, parseFlag, resolveRunMode } from './resolve-run-mode.js';
import { loadZnsTemplates, type ZnsTemplates } from './zns-templates.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));
const optionalFlag = z
  .string()
  .optional()
  .refine((v) => v === undefined || v.trim() === '' || parseFlag(v) !== undefined, {
    message: `expected one of ${Object.keys(FLAG_VALUES).join(', ')}`,
  })
  .transform(parseFlag);

const EnvSchema = z.object({
  PORT: int(3000, 0).pipe(z.number().max(65535)),
  // Default: 127.0.0.1 in local mode, 0.0.0.0 otherwise (resolved below).
  HOST: optionalString,
  NODE_ENV: optionalString,
  LOCAL_MODE: optionalFlag,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ZALO_APP_ID: optionalString,
  ZALO_OA_SECRET_KEY: optionalString,
  ZALO_APP_SECRET_KEY: optionalString,
  ZALO_ACCESS_TOKEN: optionalString,
  ZALO_REFRESH_TOKEN: optionalString,
  ZALO_OPENAPI_URL: z.string().url().default('https://openapi.zalo.me'),
  ZALO_OAUTH_URL: z.string().url().default('https://oauth.zaloapp.com'),
  ZALO_ZNS_URL: z.string().url().default('https://business.openapi.zalo.me'),
  ZNS_TEMPLATES_FILE: optionalString,
  // A ZNS parked for quota or balance is tried again each day; after this many days it fails.
  ZNS_PARK_MAX_DAYS: int(3, 1),
  // A ZNS whose send was interrupted waits this long for its delivery receipt before it is sent
  // again; 360 s covers Zalo's webhook redeliveries at 30 s and 5 min (docs/zns.md §4).
  ZNS_RECEIPT_WAIT_SECONDS: int(360, 1),
  OTP_TTL_MINUTES: int(10, 1),
  // One-time codes sent per dossier per hour, whoever asks (a stranger cannot flood the owner's phone).
  OTP_MAX_SENDS_PER_HOUR: int(3, 1),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString,
  DATABASE_POOL_MAX: int(10, 1),
  INGEST_API_KEY: optionalString,
  ADMIN_TOKEN: optionalString,
  CATALOG_FILE: optionalString,
  ALIASES_FILE: optionalString,
  OA_EMULATOR_PORT: int(3001, 0).pipe(z.number().max(65535)),
  PUBLIC_URL: optionalString,
  WEBHOOK_MAX_AGE_SECONDS: int(3 * 3600, 1),
  WEBHOOK_MAX_FUTURE_SECONDS: int(300, 0),
  CONVERSATION_IDLE_MINUTES: int(30, 1),
  HANDOFF_TIMEOUT_HOURS: z.coerce.number().positive().default(24),
  HANDOFF_WEBHOOK_URL: optionalString,
  HANDOFF_AFTER_FAILURES: int(3, 1),
  OFFICE_HOURS: z.string().default('Mon-Fri 07:30-11:30,13:30-17:00'),
  OFFICER_PRESENCE_MINUTES: int(10, 1),
  TAUGHT_REFRESH_MS: int(3000, 100),
  ORG_NAME: z.string().default('Bộ phận Một cửa'),
  HOTLINE: optionalString,
  NOTIFY_MAX_ATTEMPTS: int(8, 1),
  NOTIFY_BASE_DELAY_MS: int(2000, 1),
  // Must exceed the longest OA call (3 tries x 10 s timeout + waits ≈ 65 s), or a slow send
  // could be taken over by another worker and sent twice.
  NOTIFY_LEASE_MS: int(120_000, 1000),
  CHALLENGE_MAX_FAILURES: int(5, 1),
  CHALLENGE_WINDOW_MINUTES: int(60, 1),
  CHALLENGE_LOCK_MINUTES: int(60, 1),
  INSTANCE_ID: optionalString,
  // After SIGTERM/SIGINT the process exits within this time even if a turn or a send hangs (docker stop waits 10 s).
  SHUTDOWN_TIMEOUT_MS: int(8000, 1000),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config extends Omit<Env, 'HOST'> {
  /** Interface the HTTP server listens on (local mode: loopback unless HOST is set). */
  HOST: string;
  /** Run against the built-in OA emulator (no ZALO_APP_ID, and not production unless LOCAL_MODE=1). */
  localMode: boolean;
  /** Absolute path of DATA_DIR. */
  dataDir: string;
  instanceId: string;
  /** From ZNS_TEMPLATES_FILE; ZNS is on exactly when this is set. */
  znsTemplates?: ZnsTemplates;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.') || '(env)'}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`);
    }
  }
  // Cross-field checks read the raw values so that one message lists every problem.
  const mode = resolveRunMode(env);
  problems.push(...mode.problems);
  const { localMode } = mode;
  const given = (k: string) => (env[k] ?? '').trim() !== '';
  const zns = given('ZNS_TEMPLATES_FILE') ? loadZnsTemplates(path.resolve(env.ZNS_TEMPLATES_FILE!.trim())) : { problems: [] };
  problems.push(...zns.problems);
  if (problems.length || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    ...e,
    // Local mode talks only to the emulator: fixed, printed defaults so a newcomer
    // can use the console and the feed without setting anything.
    ADMIN_TOKEN: e.ADMIN_TOKEN ?? (localMode ? LOCAL_DEFAULT_KEYS.ADMIN_TOKEN : undefined),
    INGEST_API_KEY: e.INGEST_API_KEY ?? (localMode ? LOCAL_DEFAULT_KEYS.INGEST_API_KEY : undefined),
    // Local mode stays on this machine unless HOST says otherwise.
    HOST: e.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0'),
    localMode,
    dataDir: path.resolve(e.DATA_DIR),
    instanceId: e.INSTANCE_ID ?? `${process.pid}-${randomBytes(3).toString('hex')}`,
    ...(zns.templates ? { znsTemplates: zns.templates } : {}),
  };
}
