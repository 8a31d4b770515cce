/** A tiny client for the dossier feed and admin API, over real HTTP. */
export interface FeedClient {
  put(code: string, body: unknown, key?: string | null): Promise<{ status: number; body: any }>;
  event(code: string, body: unknown, key?: string | null): Promise<{ status: number; body: any }>;
  admin(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; body: any }>;
}

export function feedClient(baseUrl: string, ingestKey: string, adminToken: string): FeedClient {
  const call = async (method: string, path: string, body: unknown, token: string | null) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // keep text
    }
    return { status: res.status, body: parsed as any };
  };
  return {
    put: (code, body, key = ingestKey) => call('PUT', `/api/v1/dossiers/${encodeURIComponent(code)}`, body, key),
    event: (code, body, key = ingestKey) => call('POST', `/api/v1/dossiers/${encodeURIComponent(code)}/events`, body, key),
    admin: (path, init = {}) => call(init.method ?? 'GET', path, init.body, adminToken),
  };
}

export function sampleDossier(overrides: Record<string, unknown> = {}) {
  return {
    procedureCode: '1.001193',
    applicant: { fullName: 'Nguyễn Văn An', phone: '0912345678', idNumber: '001090012345' },
    receivedAt: '2026-11-20T08:30:00+07:00',
    appointmentDate: '2026-11-25',
    agency: 'UBND phường Ba Đình',
    channel: 'truc_tiep',
    returnPlace: 'Bộ phận Một cửa UBND phường Ba Đình, 1 Phan Đình Phùng',
    ...overrides,
  };
}

/** The text of a recorded OA message (consultation or transaction), for assertions. */
export function messageText(message: Record<string, any>): string {
  if (typeof message.text === 'string') return message.text;
  const payload = message.attachment?.payload;
  if (payload?.elements) return JSON.stringify(payload.elements);
  return JSON.stringify(message);
}
