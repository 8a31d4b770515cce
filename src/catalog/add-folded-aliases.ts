/**
 * Adds the unaccented form of every alias and keyword of the overlay right
 * after the accented one (if missing), so a contributor writes aliases with
 * diacritics only and runs the command.
 */
import type { AliasOverlay } from './procedure-schema.js';
import { foldVietnamese, tidyAlias } from './fold-vietnamese.js';

function withFolded(list: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of list) {
    for (const form of [tidyAlias(item), tidyAlias(foldVietnamese(item))]) {
      if (form && !out.includes(form)) out.push(form);
    }
  }
  return out;
}

export function addFoldedAliases(overlay: AliasOverlay): AliasOverlay {
  const out: AliasOverlay = {};
  for (const [code, entry] of Object.entries(overlay)) {
    out[code] = { aliases: withFolded(entry.aliases) };
    if (entry.keywords) out[code].keywords = withFolded(entry.keywords);
  }
  return out;
}
