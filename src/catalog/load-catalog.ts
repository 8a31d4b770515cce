// STUB (owned by the catalog work): replaced by the real loader.
import type { Catalog } from '../services.js';

export interface LoadCatalogOptions {
  /** Catalog JSON (default: the bundled fixtures/catalog/tthc-catalog.json). */
  catalogFile?: string;
  /** Alias overlay (default: fixtures/catalog/aliases.json). */
  aliasesFile?: string;
}

export async function loadCatalog(_opts: LoadCatalogOptions = {}): Promise<Catalog> {
  return { procedures: [], byCode: () => undefined };
}
