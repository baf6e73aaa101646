// keepalived's line-level directives: `$NAME=` definitions and their substitution, `~SEQ`/`~LST`
// repetition and `@ID` conditions. These run before keywords are matched, as in read_line().
import { INCLUDE_KEYWORDS } from '../schema/directives';
import { decomment } from './tokens';
import type { Word } from './syntax';
import type { Condition } from './statements';
import { MAX_REPEAT } from '../limits';

export interface Definition {
  name: string;
  value: string;
  word: Word;
}

/**
 * `${NAME}` (optionally with parameters: `${NAME 1 2}`), or `$NAME` followed by a blank, `,`, `)`
 * or the end of the line: keepalived leaves `$NAME/24` as written, `${NAME}/24` is replaced.
 * Group 1 is a braced name, group 2 a bare one. Global: use it with matchAll or replace only.
 */
export const NAME_REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:[ \t][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*)(?=[ \t,)]|$))/g;

/** Parses a definition token `$NAME = value` (multi-line values joined with newlines). */
export function parseDefinition(word: Word): Definition | undefined {
  const m = /^\$([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*/.exec(word.text);
  if (!m) return undefined;
  const lines = word.text.slice(m[0].length).split(/\r\n|\r|\n/);
  const parts: string[] = [];
  for (const raw of lines) {
    let line = decomment(raw);
    if (line.endsWith('\\')) line = line.slice(0, -1).trimEnd();
    if (line) parts.push(line);
  }
  return { name: m[1], value: parts.join('\n'), word };
}

/**
 * Where a piece of substituted text came from: copied from the input at `from`, or the value of
 * the definition `name`. Lets a quick fix on an expanded word edit the text that produced it.
 */
export type Piece = { at: number; length: number } & ({ from: number } | { name: string });

export interface Substituted {
  text: string;
  pieces: Piece[];
}

/** Expansion stopped: the text would have grown past the budget. */
export const OVER_BUDGET = 'over-budget';

/**
 * Replaces defined `$NAME` / `${NAME}` in a text; unknown names stay as written (keepalived leaves
 * them too). Returns undefined when nothing was replaced, OVER_BUDGET as soon as the result would
 * be longer than `budget` characters (checked while it grows: the long string is never built).
 */
export function substituteMapped(text: string, defs: ReadonlyMap<string, string>, budget = Infinity): Substituted | undefined | typeof OVER_BUDGET {
  if (text.indexOf('$') < 0) return undefined;
  const parts: string[] = [];
  const pieces: Piece[] = [];
  let length = 0;
  let last = 0;
  const add = (s: string, piece: { from: number } | { name: string }) => {
    if (!s) return true;
    if (length + s.length > budget) return false;
    pieces.push({ at: length, length: s.length, ...piece });
    parts.push(s);
    length += s.length;
    return true;
  };
  NAME_REF.lastIndex = 0;
  for (let m = NAME_REF.exec(text); m; m = NAME_REF.exec(text)) {
    const name = (m[1] ?? m[2]) as string;
    const v = defs.get(name);
    if (v === undefined) continue;
    // A multi-line definition is only expanded when it ends the line.
    if (v.includes('\n') && m.index + m[0].length !== text.length) continue;
    if (!add(text.slice(last, m.index), { from: last }) || !add(v, { name })) return OVER_BUDGET;
    last = m.index + m[0].length;
  }
  if (!pieces.length && last === 0) return undefined;
  if (!add(text.slice(last), { from: last })) return OVER_BUDGET;
  return { text: parts.join(''), pieces };
}

/** substituteMapped without the map or a budget. */
export function substitute(text: string, defs: ReadonlyMap<string, string>): string | undefined {
  const r = substituteMapped(text, defs);
  return typeof r === 'object' ? r.text : undefined;
}

export function parseCondition(word: Word): Condition {
  const negated = word.value.startsWith('@^');
  return { id: word.value.slice(negated ? 2 : 1), negated, word };
}

/** Whether a conditional line applies when keepalived runs with `-i configId`. */
export function conditionHolds(c: Condition, configId: string | undefined): boolean {
  const match = configId !== undefined && c.id === configId;
  return c.negated ? !match : match;
}

export interface Sequence {
  variables: string[];
  /** One map of variable values per repetition. */
  rows: Map<string, string>[];
}


/** `~SEQ(var, [start,] [step,] end)` and `~LST(var, v1, v2...)` / `~LST({a,b}, {1,2}, {3,4})`. */
export function parseSequence(text: string): Sequence | undefined {
  const m = /^~(SEQ|LST)\((.*)\)$/.exec(text);
  if (!m) return undefined;
  if (m[1] === 'SEQ') {
    const parts = m[2].split(',').map((s) => s.trim());
    const name = parts[0];
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || parts.length < 2 || parts.length > 4) return undefined;
    const nums = parts.slice(1).map(Number);
    if (nums.some((n) => !Number.isInteger(n))) return undefined;
    const [start, step, end] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
    if (step === 0) return undefined;
    const rows: Map<string, string>[] = [];
    for (let v = start; step > 0 ? v <= end : v >= end; v += step) {
      rows.push(new Map([[name, String(v)]]));
      if (rows.length >= MAX_REPEAT) break;
    }
    return { variables: [name], rows };
  }
  const groups = splitTop(m[2]);
  if (groups.length < 2) return undefined;
  const names = unbrace(groups[0]);
  const rows = groups.slice(1, 1 + MAX_REPEAT).map((g) => {
    const vals = unbrace(g);
    return new Map(names.map((n, i) => [n, vals[i] ?? '']));
  });
  return { variables: names, rows };
}

function unbrace(s: string): string[] {
  const t = s.trim();
  return (t.startsWith('{') && t.endsWith('}') ? t.slice(1, -1) : t).split(',').map((x) => x.trim());
}

function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

const INCLUDES = new Set(INCLUDE_KEYWORDS);

/** keepalived's include directives: include, includer, includem, includew, includeb, includea. */
export function isIncludeKeyword(v: string): boolean {
  // Asked of every line: most start with another letter than the 'i' of include.
  return v.charCodeAt(0) === 105 && INCLUDES.has(v);
}

/** `$NAME` written where keepalived does not replace it (`$VIP/24`): the names, when defined. */
export function unexpandedNames(text: string, defs: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)(?=[^A-Za-z0-9_ \t,)])/g)) if (defs.has(m[1])) out.push(m[1]);
  return out;
}
