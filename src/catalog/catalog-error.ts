/** A catalog or alias file that cannot be used: every problem is listed, not only the first. */
export class CatalogError extends Error {
  readonly code = 'CATALOG_INVALID';
  constructor(
    readonly file: string,
    readonly errors: readonly string[],
  ) {
    super(`${file}: ${errors.length} error(s)\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'CatalogError';
  }
}
