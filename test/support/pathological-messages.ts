/**
 * Messages that must cost no more than a long question (issue 11): endless words, pasted links and
 * blobs, keyboard mashes, emoji floods, mixed scripts, digit and code-like runs, white-space runs.
 * Deterministic (same text on every run). Used by test/unit/nlu/pathological-input.test.ts and
 * `npm run bench:nlu`.
 */

/** A linear congruential generator: the same "random" text on every run. */
function pseudoRandom(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

export function randomLetters(n: number, seed = 1): string {
  const next = pseudoRandom(seed);
  let out = '';
  for (let i = 0; i < n; i++) out += String.fromCharCode(97 + Math.floor(next() * 26));
  return out;
}

export function base64Blob(bytes: number): string {
  const next = pseudoRandom(7);
  return Buffer.from(Array.from({ length: bytes }, () => Math.floor(next() * 256))).toString('base64');
}

function keyboardMash(n: number): string {
  const rows = ['qwertyuiop', 'asdfghjkl;', 'zxcvbnm,./', '1234567890'];
  const next = pseudoRandom(3);
  let out = '';
  while (out.length < n) {
    const row = rows[Math.floor(next() * rows.length)];
    const run = row.slice(Math.floor(next() * 5), 5 + Math.floor(next() * 5));
    out += next() < 0.2 ? `${run} ` : run;
  }
  return out.slice(0, n);
}

const repeat = (s: string, n: number) => s.repeat(n);

/** [name, message] */
export const PATHOLOGICAL_MESSAGES: ReadonlyArray<readonly [string, string]> = [
  ['3,000 letters without a space', randomLetters(3000)],
  ['two 990-letter words', `${randomLetters(990, 2)} ${randomLetters(990, 5)}`],
  ['"mã hồ sơ " × 150', repeat('mã hồ sơ ', 150)],
  ['"ma ho so" glued × 300', repeat('mahoso', 300)],
  ['1,000 emoji', repeat('😀🎉👍🏽🇻🇳❤️', 200)],
  ['mixed scripts around a question', repeat('Xin chào привет мир 你好世界 مرحبا بالعالم làm căn cước ở đâu ', 40)],
  ['a long URL', `https://dichvucong.gov.vn/p/home/dvc-tra-cuu-ho-so.html?${repeat('ma_ho_so=000.00.12.H12-240315-0001&token=abcdef0123456789&', 40)}`],
  ['a base64 blob', base64Blob(3000)],
  ['a keyboard mash', keyboardMash(3000)],
  ['5,000 digits', repeat('1234567890', 500)],
  ['digits ending in letters (a measure-like token)', `${repeat('1', 3000)}a1a`],
  ['dossier-code-looking strings', repeat('000.00.12.H12-240315-', 150)],
  ['dots and dashes', repeat('.-', 3000)],
  ['digits and dots', repeat('12.', 2000)],
  ['BHXH-looking numbers', repeat('04512/2025/0032', 200)],
  ['"hs" then 5,000 spaces', `hs${' '.repeat(5000)}!`],
  ['"mã hồ sơ:" then tabs and newlines', `mã hồ sơ:${repeat(' \t\n', 2000)}x`],
  ['one word of syllables', repeat('nghieng', 400)],
  ['telex leftovers glued', repeat('ddangkys', 400)],
  ['phone-looking digits with separators', repeat('0912 345 678 ', 300)],
  ['commas only', repeat(',', 5000)],
  ['a story repeated past the limit', repeat('con tôi sinh ở quê, chưa đăng ký kết hôn, giờ muốn làm khai sinh cho bé thì cần gì ', 40)],
];
