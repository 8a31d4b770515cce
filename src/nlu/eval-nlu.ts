/**
 * Scores an Understander on a TSV set (text, intent, procedure, dossierCode).
 * procedure: codes separated by | (any is right), NONE = must be null, empty = no
 * procedure expected: scored as "must be null" too (strict; see docs/nlu.md).
 */
import { readFileSync } from 'node:fs';
import type { Understander } from './nlu-types.js';
import { INTENTS } from './nlu-types.js';

export interface EvalRow {
  text: string;
  intent: string;
  procedure: string;
  dossierCode: string;
}

export interface EvalMiss {
  text: string;
  field: 'intent' | 'procedure' | 'dossierCode';
  expected: string;
  got: string;
}

export interface EvalReport {
  rows: number;
  intentAccuracy: number;
  procedureAccuracy: number;
  /** Procedure accuracy over rows that name a procedure or NONE only. */
  procedureAccuracyNamed: number;
  dossierAccuracy: number;
  perIntent: { intent: string; precision: number; recall: number; f1: number; support: number }[];
  misses: EvalMiss[];
}

export function readEvalFile(file: string): EvalRow[] {
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  return lines.slice(1).map((l) => {
    const [text = '', intent = '', procedure = '', dossierCode = ''] = l.split('\t');
    return { text, intent: intent.trim(), procedure: procedure.trim(), dossierCode: dossierCode.trim() };
  });
}

export function evaluate(nlu: Understander, rows: readonly EvalRow[]): EvalReport {
  let intentOk = 0;
  let procOk = 0;
  let namedOk = 0;
  let named = 0;
  let codeOk = 0;
  const misses: EvalMiss[] = [];
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const row of rows) {
    const r = nlu.understand(row.text);
    if (r.intent === row.intent) {
      intentOk++;
      inc(tp, row.intent);
    } else {
      inc(fp, r.intent);
      inc(fn, row.intent);
      misses.push({ text: row.text, field: 'intent', expected: row.intent, got: r.intent });
    }
    const got = r.procedure?.code ?? null;
    const expectNull = row.procedure === '' || row.procedure === 'NONE';
    const ok = expectNull ? got === null : got !== null && row.procedure.split('|').includes(got);
    if (ok) procOk++;
    if (row.procedure !== '') {
      named++;
      if (ok) namedOk++;
    }
    if (!ok) misses.push({ text: row.text, field: 'procedure', expected: row.procedure || '(none)', got: got ? `${got} ${r.procedure?.name.slice(0, 60)}` : 'null' });
    if ((r.dossierCode ?? '') === row.dossierCode) codeOk++;
    else misses.push({ text: row.text, field: 'dossierCode', expected: row.dossierCode || '(none)', got: r.dossierCode ?? 'null' });
  }
  const perIntent = INTENTS.map((intent) => {
    const t = tp.get(intent) ?? 0;
    const p = t + (fp.get(intent) ?? 0) ? t / (t + (fp.get(intent) ?? 0)) : 0;
    const rc = t + (fn.get(intent) ?? 0) ? t / (t + (fn.get(intent) ?? 0)) : 0;
    return { intent, precision: p, recall: rc, f1: p + rc ? (2 * p * rc) / (p + rc) : 0, support: t + (fn.get(intent) ?? 0) };
  });
  const n = Math.max(rows.length, 1);
  return {
    rows: rows.length,
    intentAccuracy: intentOk / n,
    procedureAccuracy: procOk / n,
    procedureAccuracyNamed: named ? namedOk / named : 1,
    dossierAccuracy: codeOk / n,
    perIntent,
    misses,
  };
}
