/**
 * POST /v4/oa/access_token (form): refresh_token grant. Rotates the pair; the
 * old refresh token is invalid afterwards. Errors come back with HTTP 200 and
 * both `error`/`message` and `error_name`/`error_description`, because sources
 * disagree on the field names (open question 9): the client must handle either.
 */
import type { ApiContext } from './handle-oa-api.js';

type Answer = Record<string, unknown>;

function fail(code: number, name: string, description: string): Answer {
  return { error: code, message: description, error_name: name, error_description: description };
}

export function answerTokenGrant(ctx: ApiContext, form: URLSearchParams, secretKey: string | undefined): Answer {
  if (!secretKey || secretKey !== ctx.appSecretKey) return fail(-14001, 'invalid_client', 'Invalid secret_key');
  if (form.get('app_id') !== ctx.appId) return fail(-14002, 'invalid_client', 'Invalid app_id');
  if (form.get('grant_type') !== 'refresh_token') return fail(-14003, 'unsupported_grant_type', 'Invalid grant_type');
  if (form.get('refresh_token') !== ctx.state.refreshToken) return fail(-14014, 'invalid_grant', 'Invalid refresh_token');
  const pair = ctx.state.rotate();
  // expires_in is a string of seconds in the official example (25 h).
  return { access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: '90000' };
}
