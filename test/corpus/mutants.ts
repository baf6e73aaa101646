// Seeded mutants of a keepalived.conf: small, realistic mistakes written into a copy of the text.
// The generator reads the text with a plain line scanner (not our parser), so that a parser bug
// cannot hide the mistakes it is meant to provoke.
import { SCHEMA } from '../../server/src/schema';

export type MutantKind = 'keyword-typo' | 'number-out-of-range' | 'invalid-ip' | 'removed-brace' | 'removed-open-brace' | 'unclosed-block';
export const MUTANT_KINDS: readonly MutantKind[] = ['keyword-typo', 'number-out-of-range', 'invalid-ip', 'removed-brace', 'removed-open-brace', 'unclosed-block'];

export interface Mutant {
  kind: MutantKind;
  /** 1-based line that was changed. */
  line: number;
  /** What was changed, for failure messages. */
  description: string;
  text: string;
}

import { rng } from '../helpers/rng.mjs';

export { rng };

/** FNV-1a, so each (file, kind) draws from its own stream whatever the order of the run. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

interface ScannedLine {
  /** 0-based index. */
  index: number;
  /** The line without its comment. */
  code: string;
  /** Words of the code part, with their columns; a leading `@id` is dropped. */
  words: { value: string; col: number }[];
  /** Keywords of the blocks that enclose the line, innermost last. */
  enclosing: string[];
}

/** Column where a comment starts (`#` or `!` outside quotes), or the line length. */
function commentStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '#' || c === '!')) return i;
  }
  return line.length;
}

function scan(text: string): ScannedLine[] {
  const out: ScannedLine[] = [];
  const stack: string[] = [];
  let lastKeyword = '';
  text.split('\n').forEach((raw, index) => {
    const code = raw.slice(0, commentStart(raw));
    const words: ScannedLine['words'] = [];
    for (const m of code.matchAll(/[^\s{}]+|[{}]/g)) words.push({ value: m[0], col: m.index ?? 0 });
    if (words[0]?.value.startsWith('@')) words.shift();
    out.push({ index, code, words: words.filter((w) => w.value !== '{' && w.value !== '}'), enclosing: [...stack] });
    let first = true;
    for (const w of words) {
      if (w.value === '{') stack.push(lastKeyword);
      else if (w.value === '}') stack.pop();
      else if (first) {
        lastKeyword = w.value;
        first = false;
      }
    }
  });
  return out;
}

/** Whether the line sits in a block of free values (virtual_ipaddress, track_script...). */
function inValueBlock(l: ScannedLine): boolean {
  const opener = l.enclosing[l.enclosing.length - 1];
  if (!opener) return false;
  const specs = SCHEMA.named(opener);
  return specs.length > 0 && specs.every((s) => s.block === 'values');
}

function isKeywordLine(l: ScannedLine): boolean {
  const w = l.words[0]?.value;
  return !!w && !inValueBlock(l) && SCHEMA.named(w).length > 0;
}

function replaceAt(lines: string[], index: number, col: number, length: number, by: string): string {
  const copy = [...lines];
  const line = copy[index];
  copy[index] = line.slice(0, col) + by + line.slice(col + length);
  return copy.join('\n');
}

function pick<T>(r: () => number, list: readonly T[]): T | undefined {
  return list.length ? list[Math.floor(r() * list.length)] : undefined;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function keywordTypo(lines: string[], scanned: ScannedLine[], r: () => number): Mutant | undefined {
  const l = pick(r, scanned.filter(isKeywordLine));
  if (!l) return undefined;
  const w = l.words[0];
  const positions = [...w.value].map((c, i) => (/[a-z]/i.test(c) ? i : -1)).filter((i) => i >= 0);
  for (let attempt = 0; attempt < 20; attempt++) {
    const i = pick(r, positions) as number;
    const old = w.value[i];
    const letters = LETTERS.replace(old.toLowerCase(), '');
    let c = pick(r, [...letters]) as string;
    if (old !== old.toLowerCase()) c = c.toUpperCase();
    const typo = w.value.slice(0, i) + c + w.value.slice(i + 1);
    if (SCHEMA.named(typo).length > 0 || typo.startsWith('include')) continue;
    return {
      kind: 'keyword-typo',
      line: l.index + 1,
      description: `'${w.value}' → '${typo}'`,
      text: replaceAt(lines, l.index, w.col, w.value.length, typo),
    };
  }
  return undefined;
}

/** Numeric keywords and a value keepalived rejects, by the block they are in. `arg` = word index. */
const NUMBERS: { keyword: string; within?: string; arg: number; bad: string }[] = [
  { keyword: 'priority', within: 'vrrp_instance', arg: 1, bad: '300' },
  { keyword: 'virtual_router_id', within: 'vrrp_instance', arg: 1, bad: '256' },
  { keyword: 'weight', within: 'vrrp_script', arg: 1, bad: '300' },
  { keyword: 'weight', within: 'vrrp_track_process', arg: 1, bad: '300' },
  { keyword: 'weight', within: 'real_server', arg: 1, bad: '70000' },
  { keyword: 'advert_int', within: 'vrrp_instance', arg: 1, bad: '300' },
  { keyword: 'connect_port', arg: 1, bad: '70000' },
  { keyword: 'port', arg: 1, bad: '70000' },
  { keyword: 'real_server', arg: 2, bad: '70000' },
  { keyword: 'virtual_server', arg: 2, bad: '70000' },
  { keyword: 'status_code', within: 'url', arg: 1, bad: '700' },
  { keyword: 'smtp_connect_timeout', arg: 1, bad: '-1' },
  { keyword: 'garp_master_delay', arg: 1, bad: '-5' },
];

function numberOutOfRange(lines: string[], scanned: ScannedLine[], r: () => number): Mutant | undefined {
  const found: { l: ScannedLine; bad: string; arg: number }[] = [];
  for (const l of scanned) {
    if (!isKeywordLine(l)) continue;
    const within = l.enclosing[l.enclosing.length - 1];
    for (const n of NUMBERS) {
      if (n.keyword !== l.words[0].value || (n.within && n.within !== within)) continue;
      const w = l.words[n.arg];
      if (w && /^-?\d+$/.test(w.value)) found.push({ l, bad: n.bad, arg: n.arg });
    }
  }
  const f = pick(r, found);
  if (!f) return undefined;
  const w = f.l.words[f.arg];
  return {
    kind: 'number-out-of-range',
    line: f.l.index + 1,
    description: `'${f.l.words[0].value} ${w.value}' → '${f.l.words[0].value} ${f.bad}'`,
    text: replaceAt(lines, f.l.index, w.col, w.value.length, f.bad),
  };
}

/** Keywords whose first argument is an address. */
const ADDRESS_KEYWORDS = new Set(['real_server', 'virtual_server', 'unicast_src_ip', 'mcast_src_ip', 'connect_ip', 'bindto', 'smtp_server', 'lvs_sync_daemon_interface']);
/** Value blocks whose lines start with an address. */
const ADDRESS_BLOCKS = new Set(['virtual_ipaddress', 'virtual_ipaddress_excluded', 'static_ipaddress', 'unicast_peer']);
const IPV4 = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.)(\d{1,3})(\/\d+)?$/;

function invalidIp(lines: string[], scanned: ScannedLine[], r: () => number): Mutant | undefined {
  const found: { l: ScannedLine; at: number }[] = [];
  for (const l of scanned) {
    const first = l.words[0]?.value;
    if (!first) continue;
    if (inValueBlock(l) && ADDRESS_BLOCKS.has(l.enclosing[l.enclosing.length - 1]) && IPV4.test(first)) found.push({ l, at: 0 });
    else if (isKeywordLine(l) && ADDRESS_KEYWORDS.has(first) && l.words[1] && IPV4.test(l.words[1].value)) found.push({ l, at: 1 });
  }
  const f = pick(r, found);
  if (!f) return undefined;
  const w = f.l.words[f.at];
  const bad = w.value.replace(IPV4, (_m, head: string, _last: string, prefix?: string) => `${head}300${prefix ?? ''}`);
  return {
    kind: 'invalid-ip',
    line: f.l.index + 1,
    description: `'${w.value}' → '${bad}'`,
    text: replaceAt(lines, f.l.index, w.col, w.value.length, bad),
  };
}

function removedBrace(lines: string[], scanned: ScannedLine[], r: () => number): Mutant | undefined {
  const l = pick(
    r,
    scanned.filter((s) => s.code.includes('}')),
  );
  if (!l) return undefined;
  const col = l.code.lastIndexOf('}');
  return {
    kind: 'removed-brace',
    line: l.index + 1,
    description: `removed '}' at column ${col + 1}`,
    text: replaceAt(lines, l.index, col, 1, ' '),
  };
}

/** A block keyword's `{` deleted from its line (`vrrp_instance VI_1 {` → `vrrp_instance VI_1`). */
function removedOpenBrace(lines: string[], scanned: ScannedLine[], r: () => number): Mutant | undefined {
  const l = pick(
    r,
    scanned.filter((s) => s.words.length > 0 && /\{\s*$/.test(s.code) && !s.code.includes('}') && SCHEMA.named(s.words[0].value).some((k) => k.block)),
  );
  if (!l) return undefined;
  const col = l.code.lastIndexOf('{');
  return {
    kind: 'removed-open-brace',
    line: l.index + 1,
    description: `removed the '{' of '${l.words[0].value}'`,
    text: replaceAt(lines, l.index, col, 1, ''),
  };
}

/** The `}` that closes the last top-level block deleted: the file ends inside a block. */
function unclosedBlock(lines: string[], scanned: ScannedLine[]): Mutant | undefined {
  let depth = 0;
  let last: { index: number; col: number } | undefined;
  for (const s of scanned) {
    for (let c = 0; c < s.code.length; c++) {
      if (s.code[c] === '{') depth++;
      else if (s.code[c] === '}' && depth > 0 && --depth === 0) last = { index: s.index, col: c };
    }
  }
  if (!last) return undefined;
  return {
    kind: 'unclosed-block',
    line: last.index + 1,
    description: `removed the '}' that closes the last top-level block`,
    text: replaceAt(lines, last.index, last.col, 1, ' '),
  };
}

const MAKERS: Record<MutantKind, (lines: string[], scanned: ScannedLine[], r: () => number) => Mutant | undefined> = {
  'keyword-typo': keywordTypo,
  'number-out-of-range': numberOutOfRange,
  'invalid-ip': invalidIp,
  'removed-brace': removedBrace,
  'removed-open-brace': removedOpenBrace,
  'unclosed-block': unclosedBlock,
};

/**
 * Up to `perKind` mutants of each kind (fewer when the text offers fewer places, none when it
 * offers none). The same (seed, name, text) always gives the same mutants.
 */
export function mutants(text: string, name: string, seed: number, perKind = 1): Mutant[] {
  const lines = text.split('\n');
  const scanned = scan(text);
  const out: Mutant[] = [];
  for (const kind of MUTANT_KINDS) {
    const r = rng(seed ^ hash(`${name}:${kind}`));
    const seen = new Set<string>();
    for (let i = 0; i < perKind * 4 && seen.size < perKind; i++) {
      const m = MAKERS[kind](lines, scanned, r);
      if (!m) break;
      if (seen.has(m.text)) continue;
      seen.add(m.text);
      out.push(m);
    }
  }
  return out;
}
