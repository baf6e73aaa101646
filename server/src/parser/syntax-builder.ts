// Builds the SyntaxTree (lines and blocks with positioned words) straight from the lexer's tokens.
// The grammar is total: a line is a run of words ended by a line break or a brace, a `{` opens a
// block up to its `}` (or the end of the text), and a `}` with no block to close is a stray close;
// rules report the brace problems with keepalived's wording. Nesting is an explicit stack, so any
// depth keepalived reads is read here too.
import type { IToken, TokenType } from 'chevrotain';
import { keepalivedLexer } from './lexer';
import { Backslash, Conditional, Definition, LBrace, Newline, QuotedString, RBrace, SeqDirective, UnterminatedQuote } from './tokens';
import { TextLines } from './line-index';
import { wordValue, type WordSource, type BlockNode, type CommentToken, type Range, type SyntaxNode, type SyntaxTree, type Word, type WordKind } from './syntax';

function kindOf(type: TokenType): WordKind {
  switch (type) {
    case QuotedString:
      return 'quoted';
    case UnterminatedQuote:
      return 'unterminated';
    case Conditional:
      return 'conditional';
    case Definition:
      return 'definition';
    case SeqDirective:
      return 'seq';
    case Backslash:
      return 'backslash';
    case LBrace:
    case RBrace:
      return 'brace';
    default:
      return 'word';
  }
}

/** A word of the file. Its range is computed from its offsets on first use. */
class TextWord implements Word {
  private r?: Range;
  origin?: Word;
  source?: WordSource;
  constructor(
    readonly kind: WordKind,
    readonly text: string,
    public value: string,
    public start: number,
    public end: number,
    readonly uri: string,
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

class TextComment implements CommentToken {
  private r?: Range;
  constructor(
    readonly text: string,
    public start: number,
    public end: number,
    public lines: TextLines,
  ) {}

  get range(): Range {
    return (this.r ??= { start: this.lines.index.positionAt(this.start), end: this.lines.index.positionAt(this.end) });
  }

  move(delta: number, lines: TextLines, samePlace: boolean): void {
    this.lines = lines;
    if (samePlace) return;
    this.start += delta;
    this.end += delta;
    this.r = undefined;
  }
}

/**
 * Moves a word or comment of a parsed text into the edited text `lines` reads: by `delta`
 * characters when it lies after the edit, or (`delta` undefined) at the same place when it lies
 * before it, where a range already computed stays right. Expanded words keep the place of the
 * line that made them.
 */
export function moveToken(t: Word | CommentToken, lines: TextLines, delta?: number): void {
  if (t instanceof TextWord || t instanceof TextComment) t.move(delta ?? 0, lines, delta === undefined);
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
}

/**
 * Parses `text.slice(start, end)` (whole lines) with offsets and positions of the whole text.
 * Tokens never cross a line break except a multi-line `$NAME=` definition, which a span boundary
 * at a line start never cuts, so a span parses exactly as it does inside the whole text.
 */
export function parseSpan(text: string, start: number, end: number, uri: string, lines: TextLines): ParsedSpan {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  const lexed = keepalivedLexer.tokenize(slice);
  const words: Word[] = [];
  const word = (t: IToken): Word => {
    const kind = kindOf(t.tokenType);
    const s = start + t.startOffset;
    const w = new TextWord(kind, t.image, wordValue(kind, t.image), s, s + t.image.length, uri, lines);
    words.push(w);
    return w;
  };
  const root: SyntaxNode[] = [];
  const stack: { block?: BlockNode; children: SyntaxNode[] }[] = [{ children: root }];
  const segments = [start];
  /** segments.length when the current top-level line began. */
  let lineSegments = 1;
  let line: Word[] | undefined;
  for (const t of lexed.tokens) {
    const top = stack[stack.length - 1];
    const type = t.tokenType;
    if (type === Newline) {
      line = undefined;
      if (stack.length === 1) segments.push(start + t.startOffset + t.image.length);
    } else if (type === LBrace) {
      // `name` on one line and its `{` on a later one are one unit.
      if (stack.length === 1 && !line) segments.length = lineSegments;
      line = undefined;
      const block: BlockNode = { kind: 'block', open: word(t), children: [] };
      top.children.push(block);
      stack.push({ block, children: block.children });
    } else if (type === RBrace) {
      line = undefined;
      if (stack.length > 1) (stack.pop()!.block as BlockNode).close = word(t);
      else top.children.push({ kind: 'stray-close', brace: word(t) });
    } else {
      if (!line) {
        line = [];
        top.children.push({ kind: 'line', words: line });
        if (stack.length === 1) lineSegments = segments.length;
      }
      line.push(word(t));
    }
  }
  if (segments.length > 1 && segments[segments.length - 1] >= end) segments.pop();
  const comments = (lexed.groups.comments ?? []).map((c) => new TextComment(c.image, start + c.startOffset, start + c.startOffset + c.image.length, lines));
  return { nodes: root, words, comments, segments, openBlocks: stack.length - 1 };
}

/** Parses one file's text. Never throws for any input. */
export function parseSyntax(text: string, uri: string): SyntaxTree {
  const lines = new TextLines(text);
  const span = parseSpan(text, 0, text.length, uri, lines);
  return { uri, text, nodes: span.nodes, comments: span.comments, words: span.words, segments: span.segments, lines };
}
