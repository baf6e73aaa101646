// "Compare with Peer": the lines of two nodes' root files, aligned, each classified as the same on
// both, an expected difference between peers (state, priority, router_id...), a mismatch (a peer
// rule reported it) or another difference. Lines are read from the models (keepalived's reading:
// statements, value lines, includes, definitions), so comments and layout are no difference.
import type { ConfigModel } from '../model/types';
import { walkStatements, type Statement } from '../parser/statements';
import type { Word } from '../parser/syntax';
import type { CompareKind, CompareMark, CompareResult, CompareRow } from '../protocol';
import type { Finding } from '../rules/finding';

/** Keywords whose values differ between the nodes of a healthy cluster (each node has its own). */
const EXPECTED_KEYWORDS: ReadonlySet<string> = new Set(['state', 'priority', 'router_id', 'unicast_src_ip', 'notification_email_from', 'lvs_id', 'mcast_src_ip']);
/** Blocks whose entries differ between the nodes (each node lists the others). */
const EXPECTED_BLOCKS: ReadonlySet<string> = new Set(['unicast_peer']);

export interface CompareNode {
  model: ConfigModel;
  /** The root file compared (the model may be the node of a file including it). */
  uri: string;
  label: string;
  /** The peer findings of the file. */
  findings: readonly Finding[];
}

interface Item {
  line: number;
  character: number;
  /** Block path and words as written, white space and comments left out. */
  key: string;
  /** What the line sets: the keyword, or for an entry of a block whose entries differ per node, the block. */
  topic: string;
  /** A value line (an entry of a block), not a keyword line. */
  entry: boolean;
  words: string[];
  /** Enclosing blocks, for messages: `VI_1 › authentication`. */
  where: string;
  expected: boolean;
}

/** The words of a line as written: a `$NAME` expanded into several words counts once. */
function written(words: readonly Word[]): string[] {
  const out: string[] = [];
  let last: Word | undefined;
  for (const w of words) {
    const shown = w.origin ?? w;
    if (shown === last) continue;
    last = shown;
    out.push(shown.text);
  }
  return out;
}

function blockPath(s: Statement | undefined): { key: string; where: string } {
  const names: string[] = [];
  const keys: string[] = [];
  for (let p = s; p; p = p.parent) {
    const name = p.args[0]?.text;
    keys.unshift(name ? `${p.keyword.value} ${name}` : p.keyword.value);
    names.unshift(name ?? p.keyword.value);
  }
  return { key: keys.join('/'), where: names.join(' › ') };
}

function itemsOf(model: ConfigModel, uri: string): Item[] {
  const items: Item[] = [];
  const add = (at: Word, path: { key: string; where: string }, topic: string, words: string[], expected: boolean, entry = false) => {
    items.push({ line: at.range.start.line, character: at.range.start.character, key: `${path.key}|${words.join(' ')}`, topic, entry, words, where: path.where, expected });
  };
  for (const s of walkStatements(model.interp.statements)) {
    const parent = blockPath(s.parent);
    if (s.keyword.uri === uri) {
      const words = written([...(s.condition ? [s.condition.word] : []), s.keyword, ...s.args]);
      add(s.condition?.word ?? s.keyword, parent, s.keyword.value, words, EXPECTED_KEYWORDS.has(s.keyword.value));
    }
    const own = blockPath(s);
    for (const v of s.values ?? []) {
      const first = v.condition?.word ?? v.words[0];
      if (!first || first.uri !== uri) continue;
      const words = written([...(v.condition ? [v.condition.word] : []), ...v.words]);
      const perNode = EXPECTED_BLOCKS.has(s.keyword.value);
      add(first, own, perNode ? s.keyword.value : words[0], words, perNode, true);
    }
  }
  for (const inc of model.interp.includes) {
    if (inc.keyword.uri === uri) add(inc.keyword, { key: '', where: '' }, inc.keyword.value, written([inc.keyword, ...inc.words]), false);
  }
  for (const d of model.interp.definitions) {
    if (d.word.uri === uri) add(d.word, { key: '', where: '' }, `$${d.name}`, [d.word.text], false);
  }
  return items.sort((a, b) => a.line - b.line || a.character - b.character);
}

/** Longest common subsequence of keys: the pairs of indexes of lines both sides share. */
function commonLines(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < pre; i++) pairs.push([i, i]);
  const am = a.slice(pre, a.length - suf);
  const bm = b.slice(pre, b.length - suf);
  // A very large differing middle is left unpaired rather than costing quadratic memory.
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

function valueText(s: Item): string {
  const words = s.words.filter((w) => w !== '{');
  return (s.entry || s.topic.startsWith('$') ? words : words.slice(1)).join(' ') || '(none)';
}

function describe(s: Item, other: Item | undefined): { kind: CompareKind; message: string } {
  const where = s.where ? ` in ${s.where}` : '';
  const text = s.words.join(' ');
  if (s.expected && (!other || other.expected)) {
    return { kind: 'expected', message: `${s.topic} differs between peers${other ? ` (${valueText(s)} here, ${valueText(other)} on the peer)` : ''}` };
  }
  if (other && other.topic === s.topic) return { kind: 'differs', message: `${s.topic}${where} is ${valueText(s)} here, ${valueText(other)} on the peer` };
  if (other) return { kind: 'differs', message: `'${text}' here, '${other.words.join(' ')}' on the peer${where ? ` (${where.trim()})` : ''}` };
  return { kind: 'differs', message: `'${text}'${where} is only in this file` };
}

/**
 * Pairs the lines of a hunk (lines only one side has): same keyword in the same block first, then
 * anything in the same block. Linear in the hunk's size (a hunk can hold a whole file when the two
 * files differ too much to align), each right line found through a queue per key.
 */
function pairHunk(ls: readonly Item[], rs: readonly Item[]): CompareRowOf<Item>[] {
  const partner = new Map<Item, Item>();
  const free = new Set(rs);
  for (const key of [(x: Item) => `${x.where}\u0000${x.topic}`, (x: Item) => x.where]) {
    const queues = new Map<string, Item[]>();
    for (const b of rs) {
      if (!free.has(b)) continue;
      const q = queues.get(key(b));
      if (q) q.push(b);
      else queues.set(key(b), [b]);
    }
    const next = new Map<string, number>();
    for (const a of ls) {
      if (partner.has(a)) continue;
      const k = key(a);
      const q = queues.get(k);
      let at = next.get(k) ?? 0;
      while (q && at < q.length && !free.has(q[at])) at++;
      next.set(k, at + 1);
      const b = q?.[at];
      if (b) {
        partner.set(a, b);
        free.delete(b);
      }
    }
  }
  const rows: CompareRowOf<Item>[] = ls.map((a) => ({ left: a, right: partner.get(a) }));
  for (const b of rs) if (free.has(b)) rows.push({ right: b });
  return rows;
}

interface CompareRowOf<T> {
  left?: T;
  right?: T;
}

/** The peer finding a line carries, as a mismatch mark. */
function findingMark(line: number, findings: readonly Finding[]): CompareMark | undefined {
  const f = findings.find((x) => x.range.start.line === line);
  return f && { line, kind: 'mismatch', message: f.message, code: f.code, severity: f.severity };
}

export function compareNodes(left: CompareNode, right: CompareNode): CompareResult {
  const ls = itemsOf(left.model, left.uri);
  const rs = itemsOf(right.model, right.uri);
  const aligned: CompareRowOf<Item>[] = [];
  let li = 0;
  let ri = 0;
  for (const [a, b] of [...commonLines(ls.map((s) => s.key), rs.map((s) => s.key)), [ls.length, rs.length] as [number, number]]) {
    aligned.push(...pairHunk(ls.slice(li, a), rs.slice(ri, b)));
    if (a < ls.length) aligned.push({ left: ls[a], right: rs[b] });
    li = a + 1;
    ri = b + 1;
  }
  const common = new Set<Item>();
  for (const r of aligned) if (r.left && r.right && r.left.key === r.right.key) common.add(r.left).add(r.right);

  const marked = { left: new Set<number>(), right: new Set<number>() };
  const mark = (side: 'left' | 'right', s: Item | undefined, other: Item | undefined): CompareMark | undefined => {
    if (!s || marked[side].has(s.line)) return undefined;
    marked[side].add(s.line);
    const node = side === 'left' ? left : right;
    const found = findingMark(s.line, node.findings);
    if (found) return found;
    if (common.has(s)) return { line: s.line, kind: 'same', message: '' };
    return { line: s.line, ...describe(s, other) };
  };
  const rows: CompareRow[] = [];
  for (const r of aligned) {
    const row: CompareRow = {};
    const l = mark('left', r.left, r.right);
    const rr = mark('right', r.right, r.left);
    if (l) row.left = l;
    if (rr) row.right = rr;
    if (row.left || row.right) rows.push(row);
  }
  // Peer findings on lines that hold no statement of their own (a closing brace, say) still show.
  for (const side of ['left', 'right'] as const) {
    const node = side === 'left' ? left : right;
    for (const f of node.findings) {
      const line = f.range.start.line;
      if (f.uri !== node.uri || marked[side].has(line)) continue;
      marked[side].add(line);
      rows.push({ [side]: { line, kind: 'mismatch', message: f.message, code: f.code, severity: f.severity } });
    }
  }
  return { left: { uri: left.uri, label: left.label }, right: { uri: right.uri, label: right.label }, rows };
}
