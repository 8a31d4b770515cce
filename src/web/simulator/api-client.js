// Small fetch wrapper for the simulator API. The admin token (only needed when
// the bot is not in local mode) lives in sessionStorage, shared with /console.
const TOKEN_KEY = 'motcua.adminToken';

export class UnauthorizedError extends Error {}

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) || '';
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function authHeaders() {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json', ...authHeaders() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`/simulator/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  if (res.status === 401) throw new UnauthorizedError('401');
  const data = await res.json().catch(() => ({}));
  if (!res.ok && !data.item) {
    const err = new Error(data.message || (data.issues && data.issues.join('; ')) || `HTTP ${res.status}`);
    err.status = res.status;
    throw err;
  }
  return data;
}
