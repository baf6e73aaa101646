// Formatting from the token stream: only the blanks between tokens change. Lines are re-indented
// by brace depth, a `{` or `}` of a multi-line block that shares its line with other statements is
// given a line break (keepalived itself reads a brace as the end of a line), trailing blanks go and
// the file ends with one line break. Tokens and comments are never altered (only a comment's
// trailing blanks are dropped). Kept as written:
// - one-line blocks `{ ... }` (`virtual_ipaddress { 10.0.0.1/24 }`), unless `splitInlineBlocks`;
// - lines with a `@ID` condition, `$NAME` / `$NAME=` / `~SEQ`: keepalived applies these to the
//   physical line, so such a line is re-indented but never split;
// - a multi-line `$NAME=` definition (its indentation too), and lines continued with `\`;
// - blanks between the words of a line (after a `@ID` too), and blank lines.
// A line starting with `@ID` keeps it at column 0.
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { BlockNode, SyntaxNode, SyntaxTree, Word } from '../parser/syntax';
import { lineIndex } from './util';
import { MAX_INDENT_DEPTH } from '../limits';

export interface KeepalivedFormattingOptions extends FormattingOptions {
  /** Also put the contents of one-line `{ ... }` blocks on lines of their own (default false). */
  splitInlineBlocks?: boolean;
}

interface Tok {
  start: number;
  /** End of the text to keep (a comment without its trailing blanks). */
  end: number;
  line: number;
  word?: Word;
  comment: boolean;
  depth: number;
}

/** An edit of the blanks between two tokens (string offsets). */
interface Gap {
  start: number;
  end: number;
  text: string;
}

const NEWLINE = /\r\n|\r|\n/g;

/** Widest indentation unit: a client may send any number (1e9, 0, -1, NaN). */
const MAX_TAB_SIZE = 16;

/** The editor's tab size as an indentation width: 1..16 spaces, 4 when it is no usable number. */
export function indentWidth(tabSize: unknown): number {
  if (typeof tabSize !== 'number' || !Number.isFinite(tabSize) || tabSize < 1) return 4;
  return Math.min(MAX_TAB_SIZE, Math.floor(tabSize));
}

function eolOf(text: string): string {
  const m = /\r\n|\r|\n/.exec(text);
  return m ? m[0] : '\n';
}

function isBlank(s: string): boolean {
  return /^[ \t\f\v\r\n]*$/.test(s);
}

/** Lines keepalived reads with a per-line meaning: never split (see the header). */
function protectedLines(tree: SyntaxTree): Set<number> {
  const out = new Set<number>();
  for (const w of tree.words) {
    const special = w.kind === 'conditional' || w.kind === 'definition' || w.kind === 'seq' || w.kind === 'backslash' || w.kind === 'unterminated' || w.text.includes('$');
    if (special) for (let l = w.range.start.line; l <= w.range.end.line; l++) out.add(l);
  }
  return out;
}

interface Structure {
  depth: Map<Word, number>;
  openOf: Map<Word, BlockNode>;
  closeOf: Map<Word, BlockNode>;
  /** The outermost one-line block a brace or word is part of. */
  inlineRoot: Map<Word, BlockNode>;
}

function structure(tree: SyntaxTree, splitInline: boolean): Structure {
  const s: Structure = { depth: new Map(), openOf: new Map(), closeOf: new Map(), inlineRoot: new Map() };
  // An explicit stack, not recursion (files nest thousands deep); `root` is the outermost
  // one-line block around the nodes of a frame, when there is one.
  const stack: { nodes: readonly SyntaxNode[]; i: number; depth: number; root?: BlockNode }[] = [{ nodes: tree.nodes, i: 0, depth: 0 }];
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.i >= f.nodes.length) {
      stack.pop();
      continue;
    }
    const n = f.nodes[f.i++];
    const { depth, root } = f;
    if (n.kind === 'line') {
      for (const w of n.words) {
        s.depth.set(w, depth);
        if (root) s.inlineRoot.set(w, root);
      }
    } else if (n.kind === 'stray-close') {
      s.depth.set(n.brace, depth);
      if (root) s.inlineRoot.set(n.brace, root);
    } else {
      s.depth.set(n.open, depth);
      s.openOf.set(n.open, n);
      if (n.close) {
        s.depth.set(n.close, depth);
        s.closeOf.set(n.close, n);
      }
      const inline = !splitInline && n.close !== undefined && n.close.range.start.line === n.open.range.start.line;
      const r = root ?? (inline ? n : undefined);
      if (r) {
        s.inlineRoot.set(n.open, r);
        if (n.close) s.inlineRoot.set(n.close, r);
      }
      stack.push({ nodes: n.children, i: 0, depth: depth + 1, root: r });
    }
  }
  return s;
}

/** The document after formatting, and the edits (one per changed gap between tokens). */
function layout(tree: SyntaxTree, options: KeepalivedFormattingOptions): { edits: Gap[]; result: string } {
  const text = tree.text;
  const eol = eolOf(text);
  const unit = options.insertSpaces ? ' '.repeat(indentWidth(options.tabSize)) : '\t';
  // Past MAX_INDENT_DEPTH levels the indentation stops growing: 5,000 nested blocks would
  // otherwise make 50 million blanks.
  const indent = (d: number) => unit.repeat(Math.min(MAX_INDENT_DEPTH, Math.max(0, d)));
  const st = structure(tree, options.splitInlineBlocks === true);
  const prot = protectedLines(tree);

  const toks: Tok[] = [];
  for (const w of tree.words) toks.push({ start: w.start, end: w.end, line: w.range.start.line, word: w, comment: false, depth: st.depth.get(w) ?? 0 });
  for (const c of tree.comments) toks.push({ start: c.start, end: c.start + c.text.trimEnd().length, line: c.range.start.line, comment: true, depth: 0 });
  toks.sort((a, b) => a.start - b.start);

  // Comments take the depth of the block they are in.
  let depth = 0;
  for (const t of toks) {
    const w = t.word;
    if (w && st.closeOf.has(w)) depth = t.depth;
    if (t.comment) t.depth = depth;
    if (w && st.openOf.has(w)) depth = t.depth + 1;
  }

  // A `@ID` condition starts its line (column 0), as keepalived's own samples write it.
  const lineIndent = (t: Tok): string => (t.word?.kind === 'conditional' ? '' : indent(t.depth));
  const breakBetween = (a: Tok, b: Tok): boolean => {
    if (a.line !== b.line || prot.has(a.line)) return false;
    const wa = a.word;
    const wb = b.word;
    const ra = wa && st.inlineRoot.get(wa);
    if (ra && wb && ra === st.inlineRoot.get(wb)) return false;
    if (b.comment) return false;
    if (wa && (st.openOf.has(wa) || st.closeOf.has(wa))) return true;
    if (wb && st.closeOf.has(wb)) return true;
    return false;
  };

  const edits: Gap[] = [];
  const out: string[] = [];
  let pos = 0;
  const gap = (start: number, end: number, replacement: string) => {
    if (text.slice(start, end) !== replacement) edits.push({ start, end, text: replacement });
    out.push(replacement);
    pos = end;
  };

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const prev = toks[i - 1];
    const original = text.slice(pos, t.start);
    const newlines = (original.match(NEWLINE) ?? []).length;
    let replacement: string;
    if (!isBlank(original)) replacement = original;
    else if (!prev) {
      // Leading blank lines are kept; the first line is indented like any other.
      replacement = t.word?.kind === 'definition' ? original : eol.repeat(newlines) + lineIndent(t);
    } else if (newlines > 0) {
      const lastLine = original.slice(original.search(/[^\r\n]*$/));
      replacement = eol.repeat(newlines) + (t.word?.kind === 'definition' ? lastLine : lineIndent(t));
    } else if (breakBetween(prev, t)) replacement = eol + lineIndent(t);
    else replacement = original;
    gap(pos, t.start, replacement);
    out.push(text.slice(t.start, t.end));
    pos = t.end;
  }
  // The end: one line break after the last token (none for an empty file).
  const tail = text.slice(pos);
  // insertFinalNewline false: the blanks go, the line breaks stay as written.
  const end = options.insertFinalNewline === false ? tail.replace(/[^\r\n]/g, '') : eol;
  gap(pos, text.length, toks.length === 0 ? (isBlank(tail) ? '' : tail) : isBlank(tail) ? end : tail);
  return { edits, result: out.join('') };
}

const LINE_BREAK = /(\r\n|\r|\n)/;

/**
 * The part of a gap edit that falls on lines `from`..`to`: a gap running over several lines
 * (trailing blanks, blank lines, the next line's indentation) keeps its other lines as written.
 */
function clipGap(text: string, e: Gap, first: number, last: number, from: number, to: number): Gap | undefined {
  if (last < from || first > to) return undefined;
  if (first >= from && last <= to) return e;
  const original = text.slice(e.start, e.end);
  // Even parts are the gap's pieces of successive lines, odd parts the line breaks ending them.
  const before = original.split(LINE_BREAK);
  const after = e.text.split(LINE_BREAK);
  const inside = (i: number) => first + Math.floor(i / 2) >= from && first + Math.floor(i / 2) <= to;
  if (before.length !== after.length) {
    // Blank lines dropped at the end of the file: only the trailing blanks of the first line go.
    return inside(0) && after[0] !== before[0] ? { start: e.start, end: e.start + before[0].length, text: after[0] } : undefined;
  }
  // The edit covers the changed parts only, so that it stays on the lines of the range.
  const parts = before.map((p, i) => (inside(i) ? after[i] : p));
  let lo = 0;
  while (lo < parts.length && parts[lo] === before[lo]) lo++;
  if (lo === parts.length) return undefined;
  let hi = parts.length - 1;
  while (parts[hi] === before[hi]) hi--;
  const offset = (i: number) => e.start + before.slice(0, i).join('').length;
  return { start: offset(lo), end: offset(hi + 1), text: parts.slice(lo, hi + 1).join('') };
}

function toTextEdits(tree: SyntaxTree, edits: Gap[], range?: Range): TextEdit[] {
  const ix = lineIndex(tree);
  const out: TextEdit[] = [];
  for (const edit of edits) {
    let e: Gap | undefined = edit;
    if (range) e = clipGap(tree.text, edit, ix.positionAt(edit.start).line, ix.positionAt(edit.end).line, range.start.line, range.end.line);
    if (e) out.push({ range: { start: ix.positionAt(e.start), end: ix.positionAt(e.end) }, newText: e.text });
  }
  return out;
}

/** Edits that format the whole document. */
export function formatDocument(tree: SyntaxTree, options: KeepalivedFormattingOptions): TextEdit[] {
  return toTextEdits(tree, layout(tree, options).edits);
}

/** Edits that format the lines of `range` (the blanks touching them). */
export function formatRange(tree: SyntaxTree, range: Range, options: KeepalivedFormattingOptions): TextEdit[] {
  // A selection of whole lines ends at the start of the next line, which is not part of it.
  const end = range.end.character === 0 && range.end.line > range.start.line ? { line: range.end.line - 1, character: 0 } : range.end;
  return toTextEdits(tree, layout(tree, options).edits, { start: range.start, end });
}

/** The formatted text (for tests and the CLI). */
export function formatText(tree: SyntaxTree, options: KeepalivedFormattingOptions): string {
  return layout(tree, options).result;
}
