// The client's own classification of the differences between two peer files, used when the
// server does not answer keepalived/compare: lines that differ by a keyword peers are meant to
// differ in are expected, every other difference is a mismatch. No vscode import: unit-tested.
import { type ConfLine, blockOf, keywordOf, scanConf } from './conf-lines';

/** Keywords whose values differ between the nodes of a healthy cluster. */
export const EXPECTED_KEYWORDS: ReadonlySet<string> = new Set(['state', 'priority', 'router_id', 'unicast_src_ip']);
/** Blocks whose entries differ between the nodes (each node lists the others). */
export const EXPECTED_BLOCKS: ReadonlySet<string> = new Set(['unicast_peer']);

export interface DiffMark {
  side: 'left' | 'right';
  /** 0-based line. */
  line: number;
  kind: 'expected' | 'mismatch';
  /** Without an 'expected:'/'mismatch:' prefix: the view adds its own. */
  message: string;
}

interface Sig {
  line: ConfLine;
  /** Block path and words, white space and comments left out. */
  key: string;
  /** What the line sets: the keyword, or for a list entry, the block it is in. */
  topic: string;
  expected: boolean;
}

function significant(text: string): Sig[] {
  const out: Sig[] = [];
  for (const l of scanConf(text)) {
    if (l.words.length === 0 || l.words.every((w) => w.text === '}')) continue;
    const path = l.path.map((b) => (b.name ? `${b.keyword} ${b.name}` : b.keyword));
    const keyword = keywordOf(l) ?? '{';
    const block = blockOf(l);
    const isEntry = block !== undefined && EXPECTED_BLOCKS.has(block);
    out.push({
      line: l,
      key: `${path.join('/')}|${l.words.map((w) => w.text).join(' ')}`,
      topic: isEntry ? block : keyword,
      expected: EXPECTED_KEYWORDS.has(keyword) || isEntry,
    });
  }
  return out;
}

/** Longest common subsequence of keys: the pairs of indexes of lines both sides share. */
function commonLines(a: string[], b: string[]): Array<[number, number]> {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < pre; i++) pairs.push([i, i]);
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  // Files are small; a very large middle is left unmatched rather than costing quadratic memory.
  if (am.length > 0 && bm.length > 0 && am.length * bm.length <= 4_000_000) {
    const n = am.length;
    const m = bm.length;
    const dp = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        dp[i * (m + 1) + j] = am[i] === bm[j] ? dp[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(dp[(i + 1) * (m + 1) + j], dp[i * (m + 1) + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (am[i] === bm[j]) {
        pairs.push([pre + i, pre + j]);
        i++;
        j++;
      } else if (dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1]) i++;
      else j++;
    }
  }
  for (let k = suf; k > 0; k--) pairs.push([a.length - k, b.length - k]);
  return pairs;
}

function pathText(s: Sig): string {
  return s.line.path.map((b) => b.name ?? b.keyword).join(' › ');
}

function valueText(s: Sig): string {
  const words = s.line.words.filter((w) => w.text !== '{');
  return (s.topic === keywordOf(s.line) ? words.slice(1) : words).map((w) => w.text).join(' ') || '(none)';
}

/** Marks for every line that differs between the two files. */
export function comparePeerTexts(leftText: string, rightText: string): DiffMark[] {
  const left = significant(leftText);
  const right = significant(rightText);
  const pairs = commonLines(left.map((s) => s.key), right.map((s) => s.key));
  const marks: DiffMark[] = [];

  // Between two consecutive common lines lies a hunk: lines only one side has.
  let li = 0;
  let ri = 0;
  const flush = (lEnd: number, rEnd: number) => {
    const ls = left.slice(li, lEnd);
    const rs = right.slice(ri, rEnd);
    const partnerOf = new Map<Sig, Sig>();
    const free = new Set(rs);
    // Same keyword in the same block first, then anything left in the same block.
    for (const same of [(a: Sig, b: Sig) => a.topic === b.topic, () => true]) {
      for (const a of ls) {
        if (partnerOf.has(a)) continue;
        const b = rs.find((x) => free.has(x) && pathText(x) === pathText(a) && same(a, x));
        if (b) {
          partnerOf.set(a, b);
          partnerOf.set(b, a);
          free.delete(b);
        }
      }
    }
    for (const [side, list] of [['left', ls], ['right', rs]] as const) {
      for (const s of list) {
        const other = partnerOf.get(s);
        const where = pathText(s) ? ` in ${pathText(s)}` : '';
        const expected = s.expected && (!other || other.expected);
        let message: string;
        if (expected) message = `${s.topic} differs between peers${other ? ` (${valueText(s)} here, ${valueText(other)} on the peer)` : ''}`;
        else if (other && other.topic === s.topic) message = `${s.topic}${where} is ${valueText(s)} here, ${valueText(other)} on the peer`;
        else if (other) message = `'${s.line.text.trim()}' here, '${other.line.text.trim()}' on the peer${where ? ` (${where.trim()})` : ''}`;
        else message = `'${s.line.text.trim()}'${where} is only in this file`;
        marks.push({ side, line: s.line.line, kind: expected ? 'expected' : 'mismatch', message });
      }
    }
  };
  for (const [a, b] of pairs) {
    flush(a, b);
    li = a + 1;
    ri = b + 1;
  }
  flush(left.length, right.length);
  return marks.sort((a, b) => (a.side === b.side ? a.line - b.line : a.side === 'left' ? -1 : 1));
}

export interface LineMark {
  uri: string;
  line: number;
  kind: 'expected' | 'mismatch';
  message: string;
}

/**
 * The server's marks, made to fit the diff: its mismatches all stay; its expected marks stay only
 * on lines that do differ (a keyword peers may set differently but set alike is no difference),
 * with the client's message, which says what differs. Client mismatches are left out: the server
 * judges which differences matter.
 */
export function mergeMarks(server: readonly LineMark[], client: readonly LineMark[]): LineMark[] {
  const key = (m: LineMark) => `${m.uri}\n${m.line}`;
  const differs = new Map(client.map((m) => [key(m), m]));
  const mismatched = new Set(server.filter((m) => m.kind === 'mismatch').map(key));
  const out: LineMark[] = [];
  const seen = new Set<string>();
  for (const m of server) {
    const k = key(m);
    if (m.kind === 'mismatch') {
      out.push(m);
      continue;
    }
    const c = differs.get(k);
    if (!c || mismatched.has(k) || seen.has(k)) continue;
    seen.add(k);
    out.push({ ...m, message: c.kind === 'expected' ? c.message : m.message });
  }
  return out;
}
