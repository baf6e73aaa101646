// Turns the chevrotain CST into the ordered SyntaxTree (lines and blocks with positioned words).
import type { CstElement, IToken, TokenType } from 'chevrotain';
import { keepalivedLexer, parseCst } from './cst-parser';
import {
  Backslash,
  Conditional,
  Definition,
  LBrace,
  Newline,
  QuotedString,
  RBrace,
  SeqDirective,
  UnterminatedQuote,
} from './tokens';
import { LineIndex } from './line-index';
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

/**
 * A word of the file. Its range is computed from its offsets on first use: a 250,000-line file
 * has 700,000 words, and only the few that diagnostics or features touch need positions.
 */
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
    private readonly lines: LineIndex,
  ) {}

  get range(): Range {
    return (this.r ??= { start: this.lines.positionAt(this.start), end: this.lines.positionAt(this.end) });
  }

  set range(r: Range) {
    this.r = r;
  }
}

class TextComment implements CommentToken {
  private r?: Range;
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    private readonly lines: LineIndex,
  ) {}

  get range(): Range {
    return (this.r ??= { start: this.lines.positionAt(this.start), end: this.lines.positionAt(this.end) });
  }
}

function isToken(e: CstElement): e is IToken {
  return (e as IToken).tokenType !== undefined;
}

class Builder {
  readonly words: Word[] = [];
  constructor(
    private readonly uri: string,
    readonly lines: LineIndex,
  ) {}

  word(t: IToken): Word {
    const kind = kindOf(t.tokenType);
    const w = new TextWord(kind, t.image, wordValue(kind, t.image), t.startOffset, t.startOffset + t.image.length, this.uri, this.lines);
    this.words.push(w);
    return w;
  }

  items(list: readonly CstElement[] | undefined): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    if (!list) return out;
    let line: Word[] | undefined;
    for (const e of list) {
      if (isToken(e)) {
        if (e.tokenType === Newline) line = undefined;
        else if (e.tokenType === RBrace) {
          line = undefined;
          out.push({ kind: 'stray-close', brace: this.word(e) });
        } else {
          if (!line) out.push({ kind: 'line', words: (line = []) });
          line.push(this.word(e));
        }
        continue;
      }
      line = undefined;
      const open = this.word(e.children.open[0] as IToken);
      const children = this.items(e.children.item);
      const closeTok = e.children.close?.[0] as IToken | undefined;
      out.push({ kind: 'block', open, children, close: closeTok ? this.word(closeTok) : undefined });
    }
    return out;
  }
}

/**
 * Brace nesting up to which the recursive CST parser is used. Deeper text (keepalived reads it)
 * is built from the tokens with an explicit stack instead: recursion depth is never the input's.
 */
const MAX_RECURSIVE_DEPTH = 200;

/** An upper bound of the brace nesting (braces in comments and quotes counted too). */
function braceDepthOver(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = text.indexOf('{'); i >= 0 && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 123) {
      if (++depth > limit) return true;
    } else if (c === 125 && depth > 0) depth--;
  }
  return false;
}

/** Parses one file's text. Never throws for any input. */
export function parseSyntax(text: string, uri: string): SyntaxTree {
  const lines = new LineIndex(text);
  let nodes: SyntaxNode[] | undefined;
  let b = new Builder(uri, lines);
  let comments: IToken[] = [];
  if (!braceDepthOver(text, MAX_RECURSIVE_DEPTH)) {
    try {
      // Only the CST is kept while the tree is built: the token vector (a third of it line
      // breaks) is garbage as soon as the parser is done with it.
      const r = parseCst(text);
      comments = r.comments;
      nodes = b.items(r.cst.children.item);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
    }
  }
  if (!nodes) {
    const lexed = keepalivedLexer.tokenize(text);
    comments = lexed.groups.comments ?? [];
    b = new Builder(uri, lines);
    nodes = flatBuild(lexed.tokens, b);
  }
  return {
    uri,
    text,
    nodes,
    comments: comments.map((c) => new TextComment(c.image, c.startOffset, c.startOffset + c.image.length, lines)),
    words: b.words,
  };
}

/** The grammar of cst-parser.ts, with an explicit stack. */
function flatBuild(tokens: readonly IToken[], b: Builder): SyntaxNode[] {
  const root: SyntaxNode[] = [];
  const stack: { node?: BlockNode; children: SyntaxNode[] }[] = [{ children: root }];
  let line: Word[] | undefined;
  for (const t of tokens) {
    const top = stack[stack.length - 1];
    if (t.tokenType === Newline) {
      line = undefined;
    } else if (t.tokenType === LBrace) {
      line = undefined;
      const block: BlockNode = { kind: 'block', open: b.word(t), children: [] };
      top.children.push(block);
      stack.push({ node: block, children: block.children });
    } else if (t.tokenType === RBrace) {
      line = undefined;
      if (stack.length > 1) {
        (stack.pop()!.node as BlockNode).close = b.word(t);
      } else top.children.push({ kind: 'stray-close', brace: b.word(t) });
    } else {
      if (!line) {
        line = [];
        top.children.push({ kind: 'line', words: line });
      }
      line.push(b.word(t));
    }
  }
  return root;
}
