// A root file as a sequence of top-level units, for reading it one unit at a time: each unit is
// whole text lines (a top-level line with its `{...}` block when it has one), so that an `@ID`,
// `~SEQ` or include line keeps the rest of its line, with the words and comments written there.
import type { CommentToken, SyntaxNode, SyntaxTree, Word } from './syntax';

export interface RootUnit {
  nodes: SyntaxNode[];
  /** The unit's words and braces, in source order. */
  words: Word[];
  /** The comments between the end of the previous unit and the end of this one. */
  comments: CommentToken[];
}

/** Offset just after a node's last character (a block never closed ends with the text). */
function nodeEnd(n: SyntaxNode, textEnd: number): number {
  if (n.kind === 'line') return n.words[n.words.length - 1].end;
  if (n.kind === 'stray-close') return n.brace.end;
  return n.close ? n.close.end : textEnd;
}

function nodeStart(n: SyntaxNode): number {
  return n.kind === 'line' ? n.words[0].start : n.kind === 'block' ? n.open.start : n.brace.start;
}

/** Whether a line break lies in text[from, to). */
function breaksBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/** The top-level units of a parsed file, in order (`next()` gives undefined after the last). */
export function treeUnits(tree: SyntaxTree): () => RootUnit | undefined {
  const { nodes, text, words, comments } = tree;
  let i = 0;
  let w = 0;
  let c = 0;
  return () => {
    if (i >= nodes.length) {
      if (c >= comments.length) return undefined;
      // Comments after the last unit.
      const rest = comments.slice(c);
      c = comments.length;
      return { nodes: [], words: [], comments: rest };
    }
    const first = i;
    let end = nodeEnd(nodes[i++], text.length);
    while (i < nodes.length && !breaksBetween(text, end, nodeStart(nodes[i]))) end = nodeEnd(nodes[i++], text.length);
    const unitWords: Word[] = [];
    while (w < words.length && words[w].start < end) unitWords.push(words[w++]);
    const unitComments: CommentToken[] = [];
    while (c < comments.length && comments[c].start < end) unitComments.push(comments[c++]);
    return { nodes: nodes.slice(first, i), words: unitWords, comments: unitComments };
  };
}
