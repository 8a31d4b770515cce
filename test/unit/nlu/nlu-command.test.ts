import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function runNlu(input: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/nlu/nlu-command.ts'], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(input);
  });
}

describe('npm run nlu (real child process)', () => {
  it('writes exactly one JSON object per input line and nothing else on stdout', async () => {
    const { stdout, code } = await runNlu('xin chào\nlam lai cccd het bn tien\nhồ sơ 000.00.12.h12 - 250102 - 0003 đến đâu rồi\nmở quán karaoke cần giấy phép gì\n');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    const rows = lines.map((l) => JSON.parse(l));
    for (const r of rows) expect(Object.keys(r)).toEqual(['text', 'intent', 'procedure', 'procedureName', 'confidence', 'dossierCode']);
    expect(rows[0]).toMatchObject({ text: 'xin chào', intent: 'greeting', procedure: null, dossierCode: null });
    expect(rows[1]).toMatchObject({ intent: 'ask_fee', procedure: '1.014064' });
    expect(rows[2]).toMatchObject({ intent: 'dossier_status', dossierCode: '000.00.12.H12-250102-0003' });
    expect(rows[3].procedure).toBeNull();
  }, 60_000);
});
