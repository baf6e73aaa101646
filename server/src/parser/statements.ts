// Statements: keyword lines as keepalived interprets them, with their block contents.
import type { LineIssue } from './validate-line';
import type { KeywordSpec, LineSpec } from '../schema/types';
import { comparePos, type Position, type Range, type Word } from './syntax';

/** `@ID` / `@^ID` at the start of a line: the line applies only when keepalived runs with -i ID. */
export interface Condition {
  id: string;
  negated: boolean;
  word: Word;
}

export interface ValueLine {
  words: Word[];
  condition?: Condition;
  issues: LineIssue[];
  /** The form of the block's value-line grammar the line was read with (validation's choice). */
  form?: LineSpec;
  /** The value-block statement the line belongs to. */
  owner: Statement;
}

export interface Statement {
  keyword: Word;
  args: Word[];
  /** The schema entry at this statement's block path; undefined for an unknown keyword. */
  spec?: KeywordSpec;
  /** Block path of the block that contains the statement ('' = top level). */
  path: string;
  parent?: Statement;
  condition?: Condition;
  /** Sub-keyword statements, for keywords that open a block of keywords. */
  children?: Statement[];
  /** Value lines, for keywords that open a block of values. */
  values?: ValueLine[];
  open?: Word;
  close?: Word;
  issues: LineIssue[];
  /** The form of the keyword's grammar the line was read with (validation's choice): features walk it. */
  form?: LineSpec;
  /**
   * Set when keepalived reads this line at the wrong level because an earlier block was not
   * opened as written (an unknown keyword followed by `{`, or a missing `}`): the statement that
   * caused it.
   */
  displacedBy?: Statement;
  /**
   * keepalived skips this block unread (skip_block()): a second vrrp_instance, vrrp_sync_group
   * or track_group of one name, or a virtual_server / real_server whose address it rejects.
   */
  skipped?: 'duplicate' | 'invalid-address';
}

/** Whether a position of `uri` lies in the body of a block keepalived skips (after its keyword line). */
export function insideSkipped(skipped: readonly Statement[], uri: string, pos: Position): boolean {
  return skipped.some((s) => {
    if (s.keyword.uri !== uri) return false;
    const head = headRange(s);
    const body = statementRange(s);
    return comparePos(pos, head.end) > 0 && comparePos(pos, body.end) <= 0;
  });
}

export function statementRange(s: Statement): Range {
  const end = s.close ?? s.args[s.args.length - 1] ?? s.keyword;
  const start = s.condition?.word ?? s.keyword;
  if (end.uri !== start.uri) return s.keyword.range;
  return { start: start.range.start, end: end.range.end };
}

/** Range of the keyword line only (keyword and arguments). */
export function headRange(s: Statement): Range {
  const last = s.args[s.args.length - 1] ?? s.keyword;
  if (last.uri !== s.keyword.uri) return s.keyword.range;
  return { start: s.keyword.range.start, end: last.range.end };
}

export function* walkStatements(list: readonly Statement[]): Generator<Statement> {
  for (const s of list) {
    yield s;
    if (s.children) yield* walkStatements(s.children);
  }
}

/** The first child statement with this keyword. */
export function child(s: Statement, keyword: string): Statement | undefined {
  return s.children?.find((c) => c.keyword.value === keyword);
}
