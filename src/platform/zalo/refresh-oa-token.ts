/**
 * The refresh_token grant: POST {oauthUrl}/v4/oa/access_token, form body
 * (refresh_token, app_id, grant_type), header secret_key = app secret (§5).
 * Throws OaTokenRefreshError; never puts a token or secret in a message.
 */
import axios from 'axios';
import { OaTokenRefreshError } from './oa-errors.js';
import { sanitizeCause } from './call-oa-once.js';

export interface RefreshedTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

export interface RefreshParams {
  oauthUrl: string;
  appId: string;
  appSecretKey: string;
  refreshToken: string;
  timeoutMs?: number;
}

/** Documented access-token lifetime (25 h), used when expires_in is missing or unreadable. */
export const DEFAULT_EXPIRES_IN_SECONDS = 90_000;

export async function refreshOaToken(p: RefreshParams): Promise<RefreshedTokens> {
  const form = new URLSearchParams({ refresh_token: p.refreshToken, app_id: p.appId, grant_type: 'refresh_token' });
  let res;
  try {
    res = await axios.post(`${p.oauthUrl.replace(/\/+$/, '')}/v4/oa/access_token`, form.toString(), {
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: p.appSecretKey },
      timeout: p.timeoutMs ?? 10_000,
      validateStatus: () => true,
    });
  } catch (err) {
    const cause = sanitizeCause(err, [p.refreshToken, p.appSecretKey]);
    throw new OaTokenRefreshError(`OAuth server unreachable (${cause.message})`, true);
  }
  if (res.status < 200 || res.status > 299) {
    throw new OaTokenRefreshError(`OAuth server answered HTTP ${res.status}`, res.status >= 500 || res.status === 429);
  }
  const b = (typeof res.data === 'object' && res.data !== null ? res.data : {}) as Record<string, unknown>;
  if (typeof b.access_token === 'string' && b.access_token && typeof b.refresh_token === 'string' && b.refresh_token) {
    // expires_in: a string of seconds in the official example, a number for some clients.
    const n = Number(b.expires_in);
    return {
      accessToken: b.access_token,
      refreshToken: b.refresh_token,
      expiresInSeconds: Number.isFinite(n) && n > 0 ? n : DEFAULT_EXPIRES_IN_SECONDS,
    };
  }
  // Error field names differ between sources: error/message or error_name/error_description.
  const detail = [b.error, b.error_name, b.error_description ?? b.message].filter((v) => v !== undefined && v !== '').map(String).join(' ');
  throw new OaTokenRefreshError(`the grant was refused (${sanitizeCause(detail || 'no token in the answer', [p.refreshToken, p.appSecretKey]).message})`, false);
}
