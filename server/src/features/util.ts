// Helpers shared by the language features: positions, trees of a model, words under the cursor,
// `$NAME` references inside words, and which argument of a line a word fills.
import type { Position, Range } from 'vscode-languageserver-types';
import type { ConfigModel } from '../model/types';
import type { SymbolUse } from '../parser/interpreter';
import type { Statement, ValueLine } from '../parser/statements';
import type { SyntaxTree, Word } from '../parser/syntax';
import type { KeywordSpec, LineSpec } from '../schema/types';
import { walkLine, type LineWalk } from '../schema/line-walk';
import { matchLine } from '../parser/validate-line';

import { comparePos, containsRange, firstAtLeast, sameRange, touches } from '../parser/syntax';

export { comparePos, containsRange, sameRange, touches };

/** Converts offsets of one text to positions (0-based line, UTF-16 column). */
import { LineIndex } from '../parser/line-index';
import { NAME_REF } from '../parser/preprocess';
import { uriBasename } from '../workspace/uri';

export { LineIndex };

/** The syntax tree of `uri` among the files the model read. */
export function treeOf(model: ConfigModel, uri: string): SyntaxTree | undefined {
  if (uri === model.tree.uri) return model.tree;
  return model.interp.trees.find((t) => t.uri === uri);
}

/** Words written in the file (not produced by a `$NAME` expansion). */
export function written(w: Word): boolean {
  return w.origin === undefined;
}

/**
 * The word of the tree at `pos`: the one containing it, else one that ends (or starts) exactly
 * there. Braces are returned too.
 */
export function wordAt(tree: SyntaxTree, pos: Position): Word | undefined {
  // Only the words around the position's offset can touch it (words never overlap): the others'
  // positions are never computed.
  const i = firstStartingAt(tree.words, lineIndex(tree).offsetAt(pos) + 1);
  let touching: Word | undefined;
  for (let k = Math.max(0, i - 2); k < Math.min(tree.words.length, i + 1); k++) {
    const w = tree.words[k];
    if (!touches(w.range, pos)) continue;
    if (comparePos(w.range.start, pos) < 0 && comparePos(pos, w.range.end) < 0) return w;
    // Prefer a word starting at the cursor over a brace ending there, and any word over a brace.
    if (!touching || (touching.kind === 'brace' && w.kind !== 'brace')) touching = w;
  }
  return touching;
}

/** The index of the first word or comment (they are in text order) that starts at `offset` or later. */
export function firstStartingAt(list: readonly { start: number }[], offset: number): number {
  return firstAtLeast(list, (t) => t.start, offset);
}

/** The comment of the tree on the line of `offset` that starts before it, if any. */
export function commentBefore(tree: SyntaxTree, offset: number): { start: number } | undefined {
  const ix = lineIndex(tree);
  const c = tree.comments[firstStartingAt(tree.comments, ix.lineStart(ix.positionAt(offset).line))];
  return c && c.start < offset ? c : undefined;
}

/**
 * Whether a statement's keyword is this written word: the word itself, or, on a line keepalived
 * re-reads after `$NAME` substitution, the unchanged first word of that line.
 */
export function isKeywordWord(s: Statement, w: Word): boolean {
  return s.keyword === w || (s.keyword.origin === w && s.keyword.text === w.text);
}

/** The statement whose keyword is this (written) word. */
export function statementOfKeyword(model: ConfigModel, w: Word): Statement | undefined {
  return model.interp.all.find((s) => isKeywordWord(s, w));
}

/** The statement or value line one of whose arguments is this word. */
export function ownerOfArg(model: ConfigModel, w: Word): { stmt: Statement; index: number; line?: ValueLine } | undefined {
  for (const s of model.interp.all) {
    const i = s.args.indexOf(w);
    if (i >= 0) return { stmt: s, index: i };
    for (const line of s.values ?? []) {
      const j = line.words.indexOf(w);
      if (j >= 0) return { stmt: s, index: j, line };
    }
  }
  return undefined;
}

export function symbolAtWord(model: ConfigModel, w: Word): SymbolUse | undefined {
  return model.interp.symbols.find((s) => s.word === w);
}

// ------------------------------------------------------------------------------------------------
// `$NAME` references inside words

export interface ParamRef {
  name: string;
  /** The whole `$NAME` / `${NAME}` text. */
  range: Range;
  /** Just the NAME. */
  nameRange: Range;
  uri: string;
}

/** The `$NAME` references keepalived replaces in a word (for a definition token: in its value only). */
export function paramRefs(w: Word, index: LineIndex): ParamRef[] {
  if (w.kind === 'brace' || w.text.indexOf('$') < 0 || !written(w)) return [];
  let from = 0;
  if (w.kind === 'definition') {
    const eq = w.text.indexOf('=');
    if (eq < 0) return [];
    from = eq + 1;
  }
  const out: ParamRef[] = [];
  for (const m of w.text.slice(from).matchAll(NAME_REF)) {
    const name = m[1] ?? m[2];
    const at = w.start + from + m.index;
    const nameAt = at + (m[1] !== undefined ? 2 : 1);
    out.push({
      name,
      range: { start: index.positionAt(at), end: index.positionAt(at + m[0].length) },
      nameRange: { start: index.positionAt(nameAt), end: index.positionAt(nameAt + name.length) },
      uri: w.uri,
    });
  }
  return out;
}

/** Range of NAME in a definition token `$NAME=...`. */
export function definitionNameRange(w: Word): Range {
  const m = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(w.text);
  const len = m ? m[1].length : 0;
  const s = w.range.start;
  return { start: { line: s.line, character: s.character + 1 }, end: { line: s.line, character: s.character + 1 + len } };
}

/** Range of `$NAME` in a definition token. */
export function definitionRange(w: Word): Range {
  const r = definitionNameRange(w);
  return { start: w.range.start, end: r.end };
}

const indexes = new WeakMap<SyntaxTree, LineIndex>();
export function lineIndex(tree: SyntaxTree): LineIndex {
  if (tree.lines) return tree.lines.index;
  let ix = indexes.get(tree);
  if (!ix) indexes.set(tree, (ix = new LineIndex(tree.text)));
  return ix;
}

/** The `$NAME` reference at a position of a tree, if any. */
export function paramAt(tree: SyntaxTree, pos: Position): ParamRef | undefined {
  const w = wordAt(tree, pos);
  if (!w) return undefined;
  if (w.kind === 'definition' && touches(definitionRange(w), pos)) {
    return { name: w.text.slice(1, 1 + (definitionNameRange(w).end.character - definitionNameRange(w).start.character)), range: definitionRange(w), nameRange: definitionNameRange(w), uri: w.uri };
  }
  return paramRefs(w, lineIndex(tree)).find((p) => touches(p.range, pos));
}

// ------------------------------------------------------------------------------------------------
// Which argument a word of a line fills

export { walkLine };

/** The line grammars of a keyword line or of a value line of its block. */
export function lineSpecs(spec: KeywordSpec, valueLine: boolean): LineSpec[] {
  if (valueLine) return spec.valueLineForms?.length ? [...spec.valueLineForms] : spec.valueLine ? [spec.valueLine] : [];
  return spec.forms?.length ? [...spec.forms] : [spec];
}

/** Which argument each word fills, by the form the interpreter read the line with. */
export function recordedWalk(form: LineSpec | undefined, words: readonly Word[]): LineWalk | undefined {
  return form && walkLine(form, words.map((w) => w.value));
}

/** Every form that the given words (all but the one being typed) do not contradict. */
export function compatibleForms(forms: readonly LineSpec[], words: readonly Word[]): LineSpec[] {
  const ok = forms.filter((f) => matchLine(f, words, undefined).every((i) => i.kind === 'missing-value'));
  return ok.length ? ok : [...forms];
}

/** `x.conf:12` for a word, relative to nothing: the file's last path segment. */
export function shortLocation(w: Word): string {
  return `${uriBasename(w.uri)}:${w.range.start.line + 1}`;
}

/** A markdown link to a word's line. */
export function markdownLink(w: Word): string {
  return `[${shortLocation(w)}](${w.uri}#L${w.range.start.line + 1})`;
}
