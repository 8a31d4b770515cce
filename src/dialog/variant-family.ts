/**
 * Variants of one procedure in the catalog: the same core name with a qualifier
 * (level, "có yếu tố nước ngoài", "lưu động", "lại", "đổi", "dưới 14 tuổi"…).
 * When the NLU picks a variant whose qualifier the citizen never said ("làm căn
 * cước" → "… cho người từ đủ 14 tuổi trở lên"), the choice is a guess: the router
 * asks among the variants that assume least, or takes the only one.
 */
import type { Procedure } from '../catalog/procedure-schema.js';
import type { Catalog } from '../services.js';
import { saidFeatures } from '../nlu/variant-markers.js';
import { cleanText } from '../nlu/clean-text.js';

interface Qualifier {
  /** Removed from a lower-case name to get its core. */
  strip: RegExp;
  /** The citizen said it (accented or not), when not said as a feature. */
  said?: RegExp;
  /** The NLU's variant features that say it too ("chồng người Hàn" is foreign). */
  features?: readonly string[];
}

/** A whole word or phrase (JS \\b does not know Vietnamese letters). */
const w = (alternatives: string) => new RegExp(`(?:^|[\\s,.;!?])(?:${alternatives})(?=$|[\\s,.;!?])`);

/** QUALIFIERS[0] is the level ("(thực hiện tại cấp tỉnh)"). */
const LEVEL_QUALIFIER = 0;

const QUALIFIERS: Qualifier[] = [
  {
    strip: /\s*\((?:được )?(?:thực hiện )?(?:tại |ở )?cấp (?:tỉnh|xã|huyện|trung ương|bộ)\)/g,
    said: w('cấp tỉnh|cap tinh|cấp xã|cap xa|cấp huyện|cap huyen|trung ương|trung uong|cấp bộ|cap bo'),
  },
  // The others are said as the understanding's variant features (intents/cues/variant-markers.txt).
  { strip: / có yếu tố nước ngoài/g, features: ['foreign'] },
  { strip: / lưu động/g, features: ['mobile'] },
  { strip: / cho người dưới 14 tuổi/g, features: ['child'] },
  // A first card with no age said is the one from 14 (a card under 14 is optional and rarer).
  { strip: / cho người từ đủ 14 tuổi trở lên/g, said: /lần đầu|lan dau/, features: ['adult'] },
  { strip: / lại(?= )/g, features: ['redo', 'lost'] },
  { strip: / đổi(?= )/g, features: ['exchange'] },
  { strip: / cho người đã có hồ sơ, giấy tờ cá nhân/g, features: ['papers'] },
  { strip: / tại khu vực biên giới/g, features: ['border'] },
];

const lower = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

interface Analysis {
  core: string;
  qualifiers: number[];
}

/** Names are analysed once: every decision compares the chosen name with the whole catalog's. */
const analysed = new Map<string, Analysis>();

function analyse(name: string): Analysis {
  let a = analysed.get(name);
  if (!a) analysed.set(name, (a = analyseName(name)));
  return a;
}

function analyseName(name: string): Analysis {
  let core = ` ${lower(name).replace(/^thủ tục /, '')} `;
  const qualifiers: number[] = [];
  QUALIFIERS.forEach((q, i) => {
    const next = core.replace(q.strip, '');
    if (next !== core) qualifiers.push(i);
    core = next;
  });
  return { core: core.replace(/[.\s]+$/, '').trim(), qualifiers };
}

export type VariantDecision = { kind: 'answer'; procedure: Procedure } | { kind: 'ask'; options: Procedure[] };

/**
 * The qualifiers (indexes into QUALIFIERS) the message says: in its words, or as the NLU's variant
 * features plus the situation features said anywhere in it.
 */
export function saidQualifiers(text: string, nluFeatures: readonly string[] = []): ReadonlySet<number> {
  const features = [...nluFeatures, ...saidFeatures(cleanText(text))];
  const saidBy = (q: Qualifier) => !!q.said?.test(lower(text)) || (q.features ?? []).some((f) => features.includes(f));
  return new Set(QUALIFIERS.map((q, i) => (saidBy(q) ? i : -1)).filter((i) => i >= 0));
}

/**
 * What to do with the NLU's choice `chosen` for message `text`; `nluFeatures` are the variant
 * features the NLU read in the message's request.
 */
export function decideVariant(chosen: Procedure, text: string, catalog: Catalog, nluFeatures: readonly string[] = [], max = 5): VariantDecision {
  const said = saidQualifiers(text, nluFeatures);
  const mine = analyse(chosen.name);
  const members = catalog.procedures.map((p) => ({ p, a: analyse(p.name) })).filter(({ a }) => a.core === mine.core);
  // Only what tells this family's members apart counts: "cho con" says nothing about a family
  // none of whose names is for children.
  const telling = [...said].filter((q) => members.some(({ a }) => a.qualifiers.includes(q)));
  // The choice assumes nothing unsaid and lacks nothing said ("đã có căn cước, học bạ" is the
  // variant for people who already hold papers, not the plain one).
  if (mine.qualifiers.every((q) => said.has(q)) && telling.every((q) => mine.qualifiers.includes(q))) return { kind: 'answer', procedure: chosen };
  const family = members
    // Keep the variants compatible with what was said, ranked by how much they assume.
    .filter(({ a }) => telling.every((q) => a.qualifiers.includes(q)))
    .map(({ p, a }) => ({ p, extra: a.qualifiers.filter((q) => !said.has(q)).length }));
  if (family.length === 0) return { kind: 'answer', procedure: chosen };
  const least = Math.min(...family.map((f) => f.extra));
  const best = family.filter((f) => f.extra === least).map((f) => f.p);
  if (best.length === 1) return { kind: 'answer', procedure: best[0] };
  // The same procedure at several levels is not the citizen's choice to make: the office nearest
  // to them (xã, then tỉnh, then trung ương) handles it; the others are named under the answer.
  const byLevel = sameButLevel(best);
  if (byLevel) return { kind: 'answer', procedure: byLevel };
  const ordered = [chosen, ...best.filter((p) => p.code !== chosen.code)].filter((p) => best.includes(p));
  return { kind: 'ask', options: ordered.slice(0, max) };
}

/**
 * Whether `other` is a variant of `plain` that assumes something the citizen did not say
 * ("… cho người đã có hồ sơ, giấy tờ cá nhân" beside the plain "đăng ký khai sinh").
 */
export function assumesUnsaid(other: Procedure, plain: Procedure, said: ReadonlySet<number>): boolean {
  const a = analyse(other.name);
  const b = analyse(plain.name);
  if (a.core !== b.core) return false;
  return a.qualifiers.some((q) => q !== LEVEL_QUALIFIER && !b.qualifiers.includes(q) && !said.has(q));
}

/** Where a level sits, nearest the citizen first (a name without a level reads as the nearest). */
const LEVEL_RANK: readonly (readonly [RegExp, number])[] = [
  [/cấp xã/, 0],
  [/cấp huyện/, 1],
  [/cấp tỉnh/, 2],
  [/trung ương|cấp bộ/, 3],
];
const levelRank = (name: string) => LEVEL_RANK.find(([re]) => re.test(lower(name)))?.[1] ?? 0;

/** When the options differ only by level, the one nearest the citizen; else undefined. */
export function sameButLevel(options: Procedure[]): Procedure | undefined {
  const keys = options.map((p) => {
    const a = analyse(p.name);
    return `${a.core}|${a.qualifiers.filter((q) => q !== LEVEL_QUALIFIER).join(',')}`;
  });
  if (new Set(keys).size !== 1) return undefined;
  return [...options].sort((a, b) => levelRank(a.name) - levelRank(b.name))[0];
}
