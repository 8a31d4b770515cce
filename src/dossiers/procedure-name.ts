import type { Catalog } from '../services.js';

/** The procedure's name from the catalog (a local code falls back to its national prefix), else the code. */
export function procedureNameOf(catalog: Catalog, procedureCode: string): string {
  const national = /^\d\.\d{6}/.exec(procedureCode)?.[0];
  const p = catalog.byCode(procedureCode) ?? (national ? catalog.byCode(national) : undefined);
  return p?.name ?? `thủ tục mã ${procedureCode}`;
}
