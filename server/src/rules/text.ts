// Small helpers for rule messages.
import type { Statement } from '../parser/statements';

/** `vrrp_instance VI_1` / `global_defs`: how a block is named in messages. */
export function blockName(s: Statement | undefined): string {
  if (!s) return 'the top level';
  const name = s.args[0]?.value;
  return name && s.spec?.block === 'subkeywords' ? `${s.keyword.value} ${name}` : s.keyword.value;
}

export function where(path: string): string {
  return path ? `'${path.split('/').join(' > ')}'` : 'the top level';
}

/** 1-based line of a statement, for messages. */
export function lineOf(s: Statement): number {
  return s.keyword.range.start.line + 1;
}

/** Damerau-free edit distance, capped: enough for did-you-mean. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The closest candidates within a small distance, best first. */
export function suggest(word: string, candidates: Iterable<string>, max = 3): string[] {
  const cap = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase(), cap);
    if (d <= cap) scored.push([c, d]);
  }
  return scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0])).slice(0, max).map((s) => s[0]);
}
