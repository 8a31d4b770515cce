/**
 * zod issues → one readable line each, naming the procedure by its national
 * code (not an array index) and the field: "1.001193 channels[0].fee.kind: ...".
 */
import type { z } from 'zod';

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/**
 * @param data the parsed JSON that failed, used to turn procedures[i] into its code.
 * @param arrayKey the key of the procedure list (undefined when data is the alias overlay record).
 */
export function listSchemaErrors(error: z.ZodError, data: unknown, arrayKey = 'procedures'): string[] {
  const list = (data as Record<string, unknown> | null)?.[arrayKey];
  return error.issues.map((issue) => {
    const path = issue.path;
    if (path[0] === arrayKey && typeof path[1] === 'number' && Array.isArray(list)) {
      const item = list[path[1]] as { code?: unknown; ma_thu_tuc?: unknown } | undefined;
      const code = typeof item?.code === 'string' ? item.code : typeof item?.ma_thu_tuc === 'string' ? item.ma_thu_tuc : `#${path[1]}`;
      const field = formatPath(path.slice(2)) || '(record)';
      return `${code} ${field}: ${issue.message}`;
    }
    return `${formatPath(path) || '(file)'}: ${issue.message}`;
  });
}
