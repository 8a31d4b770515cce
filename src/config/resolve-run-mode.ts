/**
 * Local mode (the built-in OA emulator) or a real Zalo OA, decided from the raw
 * env. Local mode is never a silent fallback in production: with
 * NODE_ENV=production it needs LOCAL_MODE=1, and without OA credentials the bot
 * refuses to start, naming what is missing.
 *
 * Usage: const { localMode, problems } = resolveRunMode(process.env);
 */

/** Accepted spellings of LOCAL_MODE (case-insensitive); keep in sync with .env.example. */
export const FLAG_VALUES: Readonly<Record<string, boolean>> = {
  '1': true,
  true: true,
  yes: true,
  on: true,
  '0': false,
  false: false,
  no: false,
  off: false,
};

/** The documented local-mode keys; public, so never accepted outside local mode. */
export const LOCAL_DEFAULT_KEYS = { ADMIN_TOKEN: 'local-admin', INGEST_API_KEY: 'local-ingest' } as const;

export interface RunMode {
  localMode: boolean;
  /** Config problems in the ConfigError's wording ("NAME: what to do"). */
  problems: string[];
}

type Env = Record<string, string | undefined>;

const value = (env: Env, key: string) => (env[key] ?? '').trim();

/** LOCAL_MODE as a boolean; undefined when unset or not a flag (the schema reports the latter). */
export function parseFlag(raw: string | undefined): boolean | undefined {
  return FLAG_VALUES[(raw ?? '').trim().toLowerCase()];
}

export function resolveRunMode(env: Env): RunMode {
  const problems: string[] = [];
  const given = (k: string) => value(env, k) !== '';
  const flag = parseFlag(env.LOCAL_MODE);
  const production = value(env, 'NODE_ENV').toLowerCase() === 'production';
  const oaVars = ['ZALO_APP_ID', 'ZALO_OA_SECRET_KEY', 'ZALO_ACCESS_TOKEN'];

  if (given('ZALO_APP_ID')) {
    if (flag === true) problems.push('LOCAL_MODE: set together with ZALO_APP_ID; local mode talks only to the built-in emulator, so unset one of them');
    if (!given('ZALO_OA_SECRET_KEY')) problems.push('ZALO_OA_SECRET_KEY: required with ZALO_APP_ID (verifies webhook signatures)');
    if (!given('ZALO_ACCESS_TOKEN')) problems.push('ZALO_ACCESS_TOKEN: required with ZALO_APP_ID (OA API calls)');
  } else if (flag === false || (flag === undefined && production)) {
    const why = flag === false ? 'LOCAL_MODE=0 asks for a real Zalo OA' : 'NODE_ENV=production runs a real Zalo OA';
    const missing = oaVars.filter((k) => !given(k));
    problems.push(
      `${missing.join(', ')}: required (${why}). Set them (see .env.example), ` +
        'or set LOCAL_MODE=1 to run against the built-in OA emulator on purpose',
    );
  }
  const localMode = !given('ZALO_APP_ID') && (flag === true || (flag === undefined && !production));
  if (!localMode) {
    for (const [key, publicValue] of Object.entries(LOCAL_DEFAULT_KEYS)) {
      if (value(env, key) === publicValue) {
        problems.push(`${key}: '${publicValue}' is the public local-mode default and is refused outside local mode; choose a long random value (e.g. openssl rand -hex 32)`);
      }
    }
  }
  if (given('ZALO_REFRESH_TOKEN') && !given('ZALO_APP_SECRET_KEY') && !localMode) {
    problems.push('ZALO_APP_SECRET_KEY: required with ZALO_REFRESH_TOKEN (token refresh)');
  }
  return { localMode, problems };
}
