// Where the cursor is, as keepalived reads the file: the enclosing block (from the interpreted
// statements, so an unknown keyword's `{` does not open a block, as in keepalived), the line being
// written, and whether the cursor is at the keyword, at an argument or in a block of values.
import type { Position, Range } from 'vscode-languageserver-types';
import type { ConfigModel } from '../model/types';
import type { Statement, ValueLine } from '../parser/statements';
import type { SyntaxTree, Word } from '../parser/syntax';
import { childPath } from '../schema';
import { commentBefore, firstStartingAt, lineIndex, statementOfKeyword, treeOf } from './util';

export type CursorPlace =
  /** The first word of a line in a block of keywords (or at top level). */
  | 'keyword'
  /** A later word of a keyword line. */
  | 'argument'
  /** A word of a line inside a block of values (virtual_ipaddress, track_script...). */
  | 'value'
  | 'comment'
  /** On a `@ID` condition. */
  | 'condition'
  /** Inside a `$NAME=` definition. */
  | 'definition';

export interface CursorContext {
  uri: string;
  position: Position;
  offset: number;
  tree?: SyntaxTree;
  /** Block path of the keywords valid at the cursor ('' = top level). */
  path: string;
  /** The statement whose `{ }` block holds the cursor; undefined at top level. */
  block?: Statement;
  /** The cursor is in a block of values (then `path` is the path of the block's keyword). */
  inValueBlock: boolean;
  /**
   * Words of the line segment around the cursor: the physical line's words between the braces
   * before and after the cursor, without a leading `@ID` condition.
   */
  lineWords: Word[];
  /** The `@ID` condition the line starts with. */
  condition?: Word;
  /** Index in lineWords of the word being typed (= number of words before it). */
  index: number;
  /** The word the cursor is in or just after. */
  word?: Word;
  /** The part of that word before the cursor ('' when the cursor is not on a word). */
  prefix: string;
  /** From the start of the word being typed to the cursor. */
  prefixRange: Range;
  place: CursorPlace;
  /** The keyword line's statement (lineWords[0] is its keyword), when the line is one. */
  statement?: Statement;
  /** The value line the cursor is on, inside a value block. */
  valueLine?: ValueLine;
}

/** The innermost statement of `uri` whose `{` .. `}` contains the offset. */
function enclosing(model: ConfigModel, uri: string, offset: number): Statement | undefined {
  let best: Statement | undefined;
  for (const s of model.interp.all) {
    const open = s.open;
    if (!open || open.uri !== uri || open.origin || open.end > offset) continue;
    const close = s.close;
    if (close && (close.uri !== uri || close.origin || offset > close.start)) continue;
    if (!best || open.start > (best.open as Word).start) best = s;
  }
  return best;
}

/** For a file included inside a block: the block its top-level lines belong to. */
function includedParent(model: ConfigModel, uri: string): { path: string; parent?: Statement } | undefined {
  for (const s of model.interp.all) {
    if (s.keyword.uri !== uri) continue;
    if (!s.parent || s.parent.open?.uri !== uri) return { path: s.path, parent: s.parent };
  }
  return undefined;
}

export function cursorContext(model: ConfigModel, uri: string, position: Position): CursorContext {
  const tree = treeOf(model, uri);
  const empty: Range = { start: position, end: position };
  if (!tree) {
    return { uri, position, offset: 0, path: '', inValueBlock: false, lineWords: [], index: 0, prefix: '', prefixRange: empty, place: 'keyword' };
  }
  const ix = lineIndex(tree);
  const offset = ix.offsetAt(position);

  let block = enclosing(model, uri, offset);
  let path = '';
  if (block?.spec) path = block.spec.block === 'values' ? block.path : childPath(block.spec);
  else if (!block && uri !== model.uri) {
    const inc = includedParent(model, uri);
    if (inc) {
      path = inc.path;
      block = inc.parent;
    }
  }
  const inValueBlock = block?.spec?.block === 'values' && block.open !== undefined && block.open.uri === uri && block.open.end <= offset;

  // The physical line's words, cut at the braces around the cursor. Found by offset: a word's
  // position is computed only when asked for, and most of a large file's never are.
  const line = position.line;
  const lineStart = ix.lineStart(line);
  const lineEnd = ix.lineEnd(line);
  const onLine: Word[] = [];
  for (let i = firstStartingAt(tree.words, lineStart); i < tree.words.length && tree.words[i].start <= lineEnd; i++) {
    if (tree.words[i].end <= lineEnd) onLine.push(tree.words[i]);
  }
  let from = 0;
  let to = onLine.length;
  for (let i = 0; i < onLine.length; i++) {
    const w = onLine[i];
    if (w.kind !== 'brace') continue;
    if (w.end <= offset) from = i + 1;
    else if (w.start >= offset && i < to) {
      to = i;
      break;
    }
  }
  let lineWords = onLine.slice(from, to);
  let condition: Word | undefined;
  if (lineWords[0]?.kind === 'conditional') {
    condition = lineWords[0];
    lineWords = lineWords.slice(1);
  }
  let index = lineWords.length;
  let word: Word | undefined;
  for (let i = 0; i < lineWords.length; i++) {
    const w = lineWords[i];
    if (w.start < offset && offset <= w.end) {
      word = w;
      index = i;
      break;
    }
    if (w.start >= offset) {
      index = i;
      break;
    }
  }
  const prefix = word ? tree.text.slice(word.start, offset) : '';
  const prefixRange: Range = word ? { start: word.range.start, end: position } : empty;

  let place: CursorPlace = inValueBlock ? 'value' : index === 0 ? 'keyword' : 'argument';
  const before = tree.words[firstStartingAt(tree.words, offset) - 1];
  if (commentBefore(tree, offset)) place = 'comment';
  else if (condition && condition.start < offset && offset <= condition.end) place = 'condition';
  else if (before?.kind === 'definition' && offset <= before.end) place = 'definition';

  const first = lineWords[0];
  let statement: Statement | undefined;
  let valueLine: ValueLine | undefined;
  if (first) {
    if (inValueBlock && block) valueLine = block.values?.find((l) => l.words[0] === first);
    else statement = statementOfKeyword(model, first);
  }
  return { uri, position, offset, tree, path, block, inValueBlock, lineWords, condition, index, word, prefix, prefixRange, place, statement, valueLine };
}
