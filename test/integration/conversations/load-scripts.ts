/** Read and validate every test/conversations/*.yaml (a bad script fails loudly with its file name). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ScriptSchema, StepSchema, type Script } from './script-schema.js';

export const SCRIPTS_DIR = fileURLToPath(new URL('../../conversations', import.meta.url));

export function loadScripts(dir = SCRIPTS_DIR): Script[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => {
      const raw = parse(readFileSync(path.join(dir, f), 'utf8'));
      const script = ScriptSchema.safeParse(raw);
      if (!script.success) throw new Error(`${f}: ${script.error.message}`);
      const parsedSteps = script.data.steps.map((s, i) => {
        const step = StepSchema.safeParse(s);
        if (!step.success) throw new Error(`${f} step ${i + 1}: ${step.error.message}`);
        return step.data;
      });
      return { ...script.data, file: f, parsedSteps };
    });
}
