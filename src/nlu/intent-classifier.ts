/**
 * Multinomial logistic regression (softmax) over folded syllables and syllable
 * bigrams, trained by SGD at start-up (about a second's fraction on ~1,500 lines).
 * Chosen over natural's BayesClassifier after measuring both on our held-out set
 * (docs/nlu.md): naive Bayes over-trusts rare words in short chat messages.
 */
import type { Intent } from './nlu-types.js';
import { INTENTS } from './nlu-types.js';

export interface IntentScores {
  intent: Intent;
  confidence: number;
  probabilities: Map<Intent, number>;
}

export interface IntentClassifier {
  classify(foldedTokens: readonly string[]): IntentScores;
}

export function intentFeatures(tokens: readonly string[]): string[] {
  const f: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    f.push(`u:${tokens[i]}`);
    f.push(`b:${i === 0 ? '^' : tokens[i - 1]}_${tokens[i]}`);
  }
  if (tokens.length) f.push(`b:${tokens[tokens.length - 1]}_$`);
  f.push(`len:${Math.min(tokens.length, 6)}`);
  return f;
}

export function trainIntentClassifier(
  examples: ReadonlyArray<{ intent: Intent; tokens: readonly string[] }>,
  opts: { epochs?: number; rate?: number; l2?: number } = {},
): IntentClassifier {
  const epochs = opts.epochs ?? 40;
  const rate0 = opts.rate ?? 0.5;
  const l2 = opts.l2 ?? 1e-5;
  const k = INTENTS.length;
  const featIndex = new Map<string, number>();
  const data = examples.map((e) => {
    const ids = [...new Set(intentFeatures(e.tokens))].map((f) => {
      let id = featIndex.get(f);
      if (id === undefined) featIndex.set(f, (id = featIndex.size));
      return id;
    });
    return { y: INTENTS.indexOf(e.intent), ids };
  });
  const w = new Float64Array(featIndex.size * k);
  const bias = new Float64Array(k);
  const probs = new Float64Array(k);
  // Deterministic shuffle (LCG) so training is reproducible.
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const order = data.map((_, i) => i);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const rate = rate0 / (1 + ep * 0.1);
    for (const idx of order) {
      const { y, ids } = data[idx];
      softmax(ids, w, bias, k, probs);
      for (let c = 0; c < k; c++) {
        const g = probs[c] - (c === y ? 1 : 0);
        bias[c] -= rate * g;
        for (const id of ids) {
          const p = id * k + c;
          w[p] -= rate * (g + l2 * w[p]);
        }
      }
    }
  }
  const seenStamp = new Uint32Array(featIndex.size);
  let stamp = 0;
  const ids: number[] = [];
  const scratch = new Float64Array(k);
  return {
    classify(tokens) {
      // Unique known feature ids, deduplicated with a stamp array (no per-call Set).
      stamp++;
      ids.length = 0;
      for (const f of intentFeatures(tokens)) {
        const id = featIndex.get(f);
        if (id === undefined || seenStamp[id] === stamp) continue;
        seenStamp[id] = stamp;
        ids.push(id);
      }
      const p = scratch;
      softmax(ids, w, bias, k, p);
      let best = 0;
      for (let c = 1; c < k; c++) if (p[c] > p[best]) best = c;
      const probabilities = new Map<Intent, number>();
      for (let c = 0; c < k; c++) probabilities.set(INTENTS[c], p[c]);
      return { intent: INTENTS[best], confidence: p[best], probabilities };
    },
  };
}

function softmax(ids: readonly number[], w: Float64Array, bias: Float64Array, k: number, out: Float64Array): void {
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    let s = bias[c];
    for (const id of ids) s += w[id * k + c];
    out[c] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) sum += out[c] = Math.exp(out[c] - max);
  for (let c = 0; c < k; c++) out[c] /= sum;
}
