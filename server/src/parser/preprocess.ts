// keepalived's line-level directives: `$NAME=` definitions and their substitution, `~SEQ`/`~LST`
// repetition and `@ID` conditions. These run before keywords are matched, as in read_line().
import { INCLUDE_KEYWORDS } from '../schema/directives';
import { decomment } from './tokens';
import type { Word } from './syntax';
import type { Condition } from './statements';

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
 * Replaces defined `$NAME` / `${NAME}` in a text; unknown names stay as written (keepalived leaves
 * them too). Returns undefined when nothing was replaced.
 */
export function substitute(text: string, defs: ReadonlyMap<string, string>): string | undefined {
  if (text.indexOf('$') < 0) return undefined;
  let changed = false;
  const out = text.replace(NAME_REF, (all, braced: string | undefined, bare: string | undefined, at: number) => {
    const v = defs.get((braced ?? bare) as string);
    if (v === undefined) return all;
    // A multi-line definition is only expanded when it ends the line.
    if (v.includes('\n') && at + all.length !== text.length) return all;
    changed = true;
    return v;
  });
  return changed ? out : undefined;
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

const MAX_REPEAT = 10000;

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
  const rows = groups.slice(1).map((g) => {
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
  let cur = '';
  for (const c of s) {
    if (c === '{') depth++;
    if (c === '}') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const INCLUDES = new Set(INCLUDE_KEYWORDS);

/** keepalived's include directives: include, includer, includem, includew, includeb, includea. */
export function isIncludeKeyword(v: string): boolean {
  return INCLUDES.has(v);
}

/** `$NAME` written where keepalived does not replace it (`$VIP/24`): the names, when defined. */
export function unexpandedNames(text: string, defs: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)(?=[^A-Za-z0-9_ \t,)])/g)) if (defs.has(m[1])) out.push(m[1]);
  return out;
}
