// Builds the SyntaxTree (lines and blocks with positioned words) straight from the lexer's tokens.
// The grammar is total: a line is a run of words ended by a line break or a brace, a `{` opens a
// block up to its `}` (or the end of the text), and a `}` with no block to close is a stray close;
// rules report the brace problems with keepalived's wording. Nesting is an explicit stack, so any
// depth keepalived reads is read here too.
import type { TokenType } from 'chevrotain';
import { keepalivedLexer } from './lexer';
import { allTokens, Backslash, Conditional, Definition, LBrace, QuotedString, RBrace, SeqDirective, UnterminatedQuote } from './tokens';
import { TextLines } from './line-index';
import { wordValue, type WordSource, type BlockNode, type CommentToken, type Range, type SyntaxNode, type SyntaxTree, type Word, type WordKind } from './syntax';

/** The word kind of each token type, by chevrotain's tokenTypeIdx: one array read per token. */
let kinds: WordKind[] | undefined;

function kindTable(): WordKind[] {
  if (kinds) return kinds;
  const special: [TokenType, WordKind][] = [
    [QuotedString, 'quoted'],
    [UnterminatedQuote, 'unterminated'],
    [Conditional, 'conditional'],
    [Definition, 'definition'],
    [SeqDirective, 'seq'],
    [Backslash, 'backslash'],
    [LBrace, 'brace'],
    [RBrace, 'brace'],
  ];
  const max = Math.max(...allTokens.map((t) => t.tokenTypeIdx ?? 0));
  const table = new Array<WordKind>(max + 1).fill('word');
  for (const [type, kind] of special) table[type.tokenTypeIdx as number] = kind;
  return (kinds = table);
}

/**
 * A token of the file placed by its offsets: its range is computed on first use, and an edit
 * before it moves it (reparse.ts).
 */
abstract class Placed {
  private r?: Range;
  constructor(
    public start: number,
    public end: number,
    public lines: TextLines,
  ) {}

  get range(): Range {
    return (this.r ??= { start: this.lines.index.positionAt(this.start), end: this.lines.index.positionAt(this.end) });
  }

  set range(r: Range) {
    this.r = r;
  }

  move(delta: number, lines: TextLines, samePlace: boolean): void {
    this.lines = lines;
    if (samePlace) return;
    this.start += delta;
    this.end += delta;
    this.r = undefined;
  }
}

/** A word of the file. */
class TextWord extends Placed implements Word {
  origin?: Word;
  source?: WordSource;
  constructor(
    readonly kind: WordKind,
    readonly text: string,
    public value: string,
    start: number,
    end: number,
    readonly uri: string,
    lines: TextLines,
  ) {
    super(start, end, lines);
  }
}

class TextComment extends Placed implements CommentToken {
  constructor(
    readonly text: string,
    start: number,
    end: number,
    lines: TextLines,
  ) {
    super(start, end, lines);
  }
}

/**
 * Moves a word or comment of a parsed text into the edited text `lines` reads: by `delta`
 * characters when it lies after the edit, or (`delta` undefined) at the same place when it lies
 * before it, where a range already computed stays right. Expanded words keep the place of the
 * line that made them.
 */
export function moveToken(t: Word | CommentToken, lines: TextLines, delta?: number): void {
  if (t instanceof Placed) t.move(delta ?? 0, lines, delta === undefined);
}

/** A span of a text parsed on its own: the nodes, words and comments, with offsets into the whole text. */
export interface ParsedSpan {
  nodes: SyntaxNode[];
  words: Word[];
  comments: CommentToken[];
  /**
   * Where top-level units start (the span's start first): after each line break at top level,
   * except before a `{` that opens the block of the line above it.
   */
  segments: number[];
  /** Blocks still open at the end of the span (0: the span is balanced). */
  openBlocks: number;
  /**
   * A top-level `{` comes before any top-level line of words in the span: in the whole text it
   * belongs to the unit of the last line of words before the span.
   */
  joinsBefore: boolean;
}

/**
 * Parses `text.slice(start, end)` (whole lines) with offsets and positions of the whole text.
 * Tokens never cross a line break except a multi-line `$NAME=` definition, which a span boundary
 * at a line start never cuts, so a span parses exactly as it does inside the whole text.
 */
export function parseSpan(text: string, start: number, end: number, uri: string, lines: TextLines): ParsedSpan {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  const lexed = keepalivedLexer.tokenize(slice);
  const kind = kindTable();
  const lbrace = LBrace.tokenTypeIdx as number;
  const rbrace = RBrace.tokenTypeIdx as number;
  const words: Word[] = [];
  const root: SyntaxNode[] = [];
  const stack: { block?: BlockNode; children: SyntaxNode[] }[] = [{ children: root }];
  const segments = [start];
  /** segments.length when the current top-level line began. */
  let lineSegments = 1;
  let topLine = false;
  let joinsBefore = false;
  /**
   * Where the words of the line being read start in `words` (-1: no line). A line's word list is
   * cut out of `words` when it ends, at its exact length (a list grown word by word would reserve
   * room for 17 words, on every line of a file).
   */
  let lineFrom = -1;
  const endLine = () => {
    stack[stack.length - 1].children.push({ kind: 'line', words: words.slice(lineFrom) });
    lineFrom = -1;
  };
  const tokens = lexed.tokens;
  /** Where the text between the previous token and the next one starts (line breaks are skipped tokens). */
  let gap = 0;
  // Text with `\n` line breaks only (nearly all) is searched natively for the next one.
  const crs = slice.indexOf('\r') >= 0;
  let nl = crs ? -1 : slice.indexOf('\n');
  for (let k = 0; k <= tokens.length; k++) {
    const t = k < tokens.length ? tokens[k] : undefined;
    const at = t ? t.startOffset : slice.length;
    if (crs) {
      for (let i = gap; i < at; i++) {
        const c = slice.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        if (c === 13 && slice.charCodeAt(i + 1) === 10) i++;
        if (lineFrom >= 0) endLine();
        if (stack.length === 1) segments.push(start + i + 1);
      }
    } else {
      while (nl >= 0 && nl < at) {
        if (lineFrom >= 0) endLine();
        if (stack.length === 1) segments.push(start + nl + 1);
        nl = slice.indexOf('\n', nl + 1);
      }
    }
    if (!t) break;
    const image = t.image;
    gap = at + image.length;
    // A multi-line `$NAME=` definition holds line breaks of its own.
    if (nl >= 0 && nl < gap) nl = slice.indexOf('\n', gap);
    const idx = t.tokenTypeIdx;
    const wk = kind[idx];
    const s = start + at;
    const w = new TextWord(wk, image, wordValue(wk, image), s, s + image.length, uri, lines);
    if (idx === lbrace) {
      // `name` on one line and its `{` on a later one are one unit.
      if (lineFrom >= 0) endLine();
      else if (stack.length === 1) {
        segments.length = lineSegments;
        if (!topLine) joinsBefore = true;
      }
      const block: BlockNode = { kind: 'block', open: w, children: [] };
      stack[stack.length - 1].children.push(block);
      stack.push({ block, children: block.children });
    } else if (idx === rbrace) {
      if (lineFrom >= 0) endLine();
      if (stack.length > 1) (stack.pop()!.block as BlockNode).close = w;
      else stack[0].children.push({ kind: 'stray-close', brace: w });
    } else if (lineFrom < 0) {
      lineFrom = words.length;
      if (stack.length === 1) {
        lineSegments = segments.length;
        topLine = true;
      }
    }
    words.push(w);
  }
  if (lineFrom >= 0) endLine();
  if (segments.length > 1 && segments[segments.length - 1] >= end) segments.pop();
  const comments = (lexed.groups.comments ?? []).map((c) => new TextComment(c.image, start + c.startOffset, start + c.startOffset + c.image.length, lines));
  return { nodes: root, words, comments, segments, openBlocks: stack.length - 1, joinsBefore };
}

/** Parses one file's text. Never throws for any input. */
export function parseSyntax(text: string, uri: string): SyntaxTree {
  const lines = new TextLines(text);
  const span = parseSpan(text, 0, text.length, uri, lines);
  return { uri, text, nodes: span.nodes, comments: span.comments, words: span.words, segments: span.segments, lines };
}
