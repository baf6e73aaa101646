// Turns the chevrotain CST into the ordered SyntaxTree (lines and blocks with positioned words).
import type { CstElement, CstNode, IToken, TokenType } from 'chevrotain';
import { parseCst } from './cst-parser';
import {
  Backslash,
  Conditional,
  Definition,
  LBrace,
  QuotedString,
  RBrace,
  SeqDirective,
  UnterminatedQuote,
} from './tokens';
import { wordValue, type CommentToken, type SyntaxNode, type SyntaxTree, type Word, type WordKind } from './syntax';

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

function tokenRange(t: IToken) {
  return {
    start: { line: (t.startLine ?? 1) - 1, character: (t.startColumn ?? 1) - 1 },
    end: { line: (t.endLine ?? 1) - 1, character: t.endColumn ?? 0 },
  };
}

function isToken(e: CstElement): e is IToken {
  return (e as IToken).tokenType !== undefined;
}

function startOf(e: CstElement): number {
  return isToken(e) ? e.startOffset : (e.location?.startOffset ?? 0);
}

/** Children of a node, in source order (chevrotain groups them by name). */
function ordered(node: CstNode, names: string[]): CstElement[] {
  const lists: CstElement[][] = [];
  for (const n of names) {
    const l = node.children[n];
    if (l && l.length) lists.push(l);
  }
  if (lists.length === 0) return [];
  if (lists.length === 1) return lists[0];
  return lists.flat().sort((a, b) => startOf(a) - startOf(b));
}

class Builder {
  readonly words: Word[] = [];
  constructor(private readonly uri: string) {}

  word(t: IToken): Word {
    const kind = kindOf(t.tokenType);
    const w: Word = {
      kind,
      text: t.image,
      value: wordValue(kind, t.image),
      start: t.startOffset,
      end: t.startOffset + t.image.length,
      range: tokenRange(t),
      uri: this.uri,
    };
    this.words.push(w);
    return w;
  }

  items(node: CstNode, names: string[]): SyntaxNode[] {
    const out: SyntaxNode[] = [];
    for (const e of ordered(node, names)) {
      if (isToken(e)) {
        out.push({ kind: 'stray-close', brace: this.word(e) });
      } else if (e.name === 'line') {
        out.push({ kind: 'line', words: (ordered(e, LINE_PARTS) as IToken[]).map((t) => this.word(t)) });
      } else {
        const open = this.word(e.children.LBrace[0] as IToken);
        const children = this.items(e, ['line', 'block']);
        const closeTok = e.children.RBrace?.[0] as IToken | undefined;
        out.push({ kind: 'block', open, children, close: closeTok ? this.word(closeTok) : undefined });
      }
    }
    return out;
  }
}

const LINE_PARTS = ['Word', 'QuotedString', 'UnterminatedQuote', 'Conditional', 'Definition', 'SeqDirective', 'Backslash'];

/** Parses one file's text. Never throws for any input. */
export function parseSyntax(text: string, uri: string): SyntaxTree {
  const r = parseCst(text);
  const b = new Builder(uri);
  const nodes = b.items(r.cst, ['line', 'block', 'RBrace']);
  const comments: CommentToken[] = r.comments.map((c) => ({
    text: c.image,
    start: c.startOffset,
    end: c.startOffset + c.image.length,
    range: tokenRange(c),
  }));
  return { uri, text, nodes, comments, words: b.words };
}
