/**
 * The bundled catalog and its understander, built once per test process and
 * shared by every test bot / test services (building the NLU takes seconds).
 * The understander is pure (understand(text) keeps no state), so sharing is safe.
 */
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { createUnderstander } from '../../src/nlu/create-understander.js';
import type { Catalog } from '../../src/services.js';
import type { Understander } from '../../src/nlu/nlu-types.js';

let shared: Promise<{ catalog: Catalog; nlu: Understander }> | undefined;

export function sharedCatalogAndNlu(): Promise<{ catalog: Catalog; nlu: Understander }> {
  shared ??= loadCatalog({}).then((catalog) => ({ catalog, nlu: createUnderstander(catalog) }));
  return shared;
}
