// Turns the chevrotain CST into the ordered SyntaxTree (lines and blocks with positioned words).
import type { CstElement, CstNode, IToken, TokenType } from 'chevrotain';
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
import { wordValue, type BlockNode, type CommentToken, type SyntaxNode, type SyntaxTree, type Word, type WordKind } from './syntax';

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
  let nodes: SyntaxNode[];
  let b = new Builder(uri);
  let r: ReturnType<typeof parseCst>;
  try {
    r = parseCst(text);
    nodes = b.items(r.cst, ['line', 'block', 'RBrace']);
  } catch (e) {
    // Thousands of nested braces exhaust the recursive parser's stack: build the same tree
    // from the tokens without recursion instead.
    if (!(e instanceof RangeError)) throw e;
    r = lexOnly(text);
    b = new Builder(uri);
    nodes = flatBuild(r.tokens, b);
  }
  const comments: CommentToken[] = r.comments.map((c) => ({
    text: c.image,
    start: c.startOffset,
    end: c.startOffset + c.image.length,
    range: tokenRange(c),
  }));
  return { uri, text, nodes, comments, words: b.words };
}

function lexOnly(text: string): ReturnType<typeof parseCst> {
  const lexed = keepalivedLexer.tokenize(text);
  return { cst: { name: 'document', children: {} }, tokens: lexed.tokens, comments: lexed.groups.comments ?? [], lexErrors: [], parseErrors: [] };
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
