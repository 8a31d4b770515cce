/**
 * The portal flattened the table "Phí, lệ phí | Mô tả" into one string:
 *   "<head>(<fee note>)<description>"
 * e.g. "135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)" or
 * "Miễn phí02 ngày làm việc, kể từ ...". This separates the three parts.
 */
export interface FeeTextParts {
  /** "Miễn phí", "Không có thông tin", "135 VNĐ", "50,000 Việt Nam Đồng", "10 USD" or '' */
  head: string;
  /** Text inside the first balanced parentheses right after the head (the fee note). */
  note: string;
  /** Whatever follows: the "Mô tả" column (how to submit, timing...). */
  description: string;
}

const HEAD = /^\s*(Miễn phí|Không có thông tin|[\d][\d.,]*\s*(?:VNĐ|Việt Nam Đồng|đồng|USD))/i;

export function splitFeeText(raw: string): FeeTextParts {
  const m = HEAD.exec(raw);
  if (!m) return { head: '', note: '', description: raw.trim() };
  const head = m[1].trim();
  let rest = raw.slice(m[0].length);
  let note = '';
  if (rest.startsWith('(')) {
    const end = matchParen(rest);
    note = rest.slice(1, end < 0 ? rest.length : end);
    rest = end < 0 ? '' : rest.slice(end + 1);
    note = unwrapParens(note.trim());
  }
  return { head, note: tidy(note), description: tidy(rest) };
}

/** Index of the parenthesis closing the one at 0, or -1 when the source cut it off. */
function matchParen(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** "((text))" and "Đồng (text)" leftovers of the flattening: keep the text. */
function unwrapParens(s: string): string {
  let t = s.replace(/^Đồng\s*(?=\()/, '');
  while (t.startsWith('(') && matchParen(t) === t.length - 1) t = t.slice(1, -1).trim();
  return t;
}

export function tidy(s: string): string {
  return s
    .replace(/\s*\n\s*/g, '\n')
    .replace(/[ \t]+/g, ' ')
    .replace(/^[\s\-+;,.]+/, '')
    .trim();
}
