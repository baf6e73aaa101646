// The syntax tree: lines of words and brace blocks, in source order, each with exact positions.
// It is cheap to walk; the interpreter gives it keepalived's meaning.
import type { TextLines } from './line-index';
import type { TreeEdit } from './reparse';

export type WordKind = 'word' | 'quoted' | 'unterminated' | 'conditional' | 'definition' | 'seq' | 'backslash' | 'brace';

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Word {
  kind: WordKind;
  /** The text as written. */
  text: string;
  /** What keepalived reads: quotes removed, `\#` / `\!` unescaped. */
  value: string;
  /** Offsets into the file's text, end exclusive. */
  start: number;
  end: number;
  range: Range;
  /** The file the word was written in. */
  uri: string;
  /** Set on words that came out of a `$NAME` expansion or a `~SEQ` line: the word written there. */
  origin?: Word;
  /**
   * For an expanded word copied whole from one written place (the line's own text, or a
   * definition's value): that place, `length` characters at `offset` in the written word `anchor`.
   * A quick fix on the expanded word edits there, or is not offered.
   */
  source?: WordSource;
}

export interface WordSource {
  anchor: Word;
  offset: number;
  length: number;
}

export interface LineNode {
  kind: 'line';
  words: Word[];
}

export interface BlockNode {
  kind: 'block';
  open: Word;
  /** Missing when the file ends before the block is closed. */
  close?: Word;
  children: SyntaxNode[];
}

export interface StrayCloseNode {
  kind: 'stray-close';
  brace: Word;
}

export type SyntaxNode = LineNode | BlockNode | StrayCloseNode;

export interface CommentToken {
  text: string;
  start: number;
  end: number;
  range: Range;
}

export interface SyntaxTree {
  uri: string;
  text: string;
  nodes: SyntaxNode[];
  comments: CommentToken[];
  /** Every word and brace in source order (comments excluded). */
  words: Word[];
  /**
   * Start offsets of the top-level units, in order (the first is 0): a top-level line with the
   * block it opens. An edit re-reads only the units it touches (reparse.ts).
   */
  segments?: number[];
  /** The line starts of `text`, which the words' ranges read. */
  lines?: TextLines;
  /** Set on a tree re-read from the tree before an edit (reparse.ts), until the next edit. */
  edit?: TreeEdit;
}

/** Unquotes and unescapes a word the way keepalived's line reader does. */
export function wordValue(kind: WordKind, text: string): string {
  if (kind === 'quoted') return text.slice(1, -1);
  if (kind === 'unterminated') return text.slice(1);
  if (text.indexOf('\\') < 0) return text;
  return text.replace(/\\([#!])/g, '$1');
}

export function comparePos(a: Position, b: Position): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

/** Inclusive at both ends: a cursor just after a word still touches it. */
export function touches(range: Range, pos: Position): boolean {
  return comparePos(range.start, pos) <= 0 && comparePos(pos, range.end) <= 0;
}

/** Whether `outer` contains `inner` (equal ranges included). */
export function containsRange(outer: Range, inner: Range): boolean {
  return comparePos(outer.start, inner.start) <= 0 && comparePos(inner.end, outer.end) <= 0;
}

export function sameRange(a: Range, b: Range): boolean {
  return comparePos(a.start, b.start) === 0 && comparePos(a.end, b.end) === 0;
}

/** Where a top-level node starts in its text. */
export function nodeStart(n: SyntaxNode): number {
  return n.kind === 'line' ? n.words[0].start : n.kind === 'block' ? n.open.start : n.brace.start;
}

/**
 * The index of the first element of `list` (from `from` on) whose key is at least `x`, or the
 * list's length: a bisection, for keys that do not decrease along the list (words, comments and
 * nodes by offset).
 */
export function firstAtLeast<T>(list: readonly T[], key: (t: T) => number, x: number, from = 0): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
