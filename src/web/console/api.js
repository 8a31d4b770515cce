// Admin API calls with the officer's ADMIN_TOKEN (sessionStorage, sent only
// as a bearer header). A 401 logs the officer out.
const TOKEN_KEY = 'motcua.adminToken';

export const session = {
  get token() {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  },
  set token(value) {
    if (value) sessionStorage.setItem(TOKEN_KEY, value);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
};

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function adminApi(path, { method = 'GET', body, token = session.token } = {}) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  const data = await res.json().catch(() => ({}));
  if (res.status === 401) {
    window.dispatchEvent(new CustomEvent('console:unauthorized'));
    throw new ApiError(401, 'Mã quản trị không đúng hoặc đã hết hiệu lực.');
  }
  if (!res.ok) {
    const problems = Array.isArray(data.problems) ? data.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ') : '';
    const detail = data.message || problems || (Array.isArray(data.issues) ? data.issues.join('; ') : data.error) || '';
    throw new ApiError(res.status, `Lỗi ${res.status}${detail ? `: ${detail}` : ''}`);
  }
  return data;
}

/** Random id for an event the console posts (the feed dedupes by eventId). */
export function newEventId(prefix = 'console') {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `${prefix}-${Date.now()}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
