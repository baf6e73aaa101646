// Smart selection: the word (or the `$NAME` in it) → the line → the line with its `{ }` block →
// the enclosing block's contents → that block with its keyword line → ... → the whole file.
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import type { BlockNode, SyntaxNode, SyntaxTree, Word } from '../parser/syntax';
import { MAX_ANSWER_NESTING } from '../limits';
import { containsRange, lineIndex, paramRefs, sameRange, touches, wordAt } from './util';

function nodeRange(n: SyntaxNode): Range {
  if (n.kind === 'line') return { start: n.words[0].range.start, end: n.words[n.words.length - 1].range.end };
  if (n.kind === 'stray-close') return n.brace.range;
  return { start: n.open.range.start, end: (n.close ?? lastWord(n)).range.end };
}

const lastWords = new WeakMap<BlockNode, Word>();

function lastWord(block: BlockNode): Word {
  // Down the last children, iteratively (files nest thousands deep), remembered for every block
  // on the way: unclosed blocks share one chain.
  const chain: BlockNode[] = [];
  let w: Word | undefined;
  for (let n = block; !w; ) {
    w = lastWords.get(n);
    if (w) break;
    chain.push(n);
    const last = n.children[n.children.length - 1];
    if (!last) w = n.open;
    else if (last.kind === 'line') w = last.words[last.words.length - 1];
    else if (last.kind === 'stray-close') w = last.brace;
    else if (last.close) w = last.close;
    else n = last;
  }
  for (const n of chain) lastWords.set(n, w);
  return w;
}

const MAX_SELECTION_LEVELS = MAX_ANSWER_NESTING;

/** Ranges around `pos`, innermost first. */
function chain(tree: SyntaxTree, pos: Position): Range[] {
  const out: Range[] = [];
  const w = wordAt(tree, pos);
  if (w) {
    const p = paramRefs(w, lineIndex(tree)).find((r) => touches(r.range, pos));
    if (p) out.push(p.range);
    out.push(w.range);
  }
  // Down the blocks that contain the position, outermost first; the ranges are collected in the
  // order the former recursive walk produced them (innermost first).
  const levels: Range[][] = [];
  for (let nodes: readonly SyntaxNode[] | undefined = tree.nodes; nodes; ) {
    const list: readonly SyntaxNode[] = nodes;
    nodes = undefined;
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
      const r = nodeRange(n);
      if (!touches(r, pos)) continue;
      // A keyword line directly followed by its block, or a block preceded by its keyword line.
      const prev = list[i - 1];
      const next = list[i + 1];
      const level: Range[] = [];
      if (n.kind === 'block') {
        const inner = n.children.length ? { start: nodeRange(n.children[0]).start, end: nodeRange(n.children[n.children.length - 1]).end } : undefined;
        if (inner && n.children.some((c) => touches(nodeRange(c), pos))) level.push(inner);
        level.push(r);
        if (prev?.kind === 'line') level.push({ start: nodeRange(prev).start, end: r.end });
        nodes = n.children;
      } else {
        level.push(r);
        if (n.kind === 'line' && next?.kind === 'block') level.push({ start: r.start, end: nodeRange(next).end });
      }
      levels.push(level);
      break;
    }
  }
  // JSON serializers recurse on the nested answer: only the innermost levels are kept.
  for (const level of levels.slice(-MAX_SELECTION_LEVELS).reverse()) out.push(...level);
  const ix = lineIndex(tree);
  out.push({ start: { line: 0, character: 0 }, end: ix.positionAt(tree.text.length) });
  return out;
}

/** One selection range per position (LSP textDocument/selectionRange). */
export function selectionRanges(tree: SyntaxTree, positions: readonly Position[]): SelectionRange[] {
  return positions.map((pos) => {
    let result: SelectionRange | undefined;
    const ranges: Range[] = [];
    for (const r of chain(tree, pos)) {
      const last = ranges[ranges.length - 1];
      if (last && (sameRange(last, r) || !containsRange(r, last))) continue;
      ranges.push(r);
    }
    for (let i = ranges.length - 1; i >= 0; i--) result = { range: ranges[i], parent: result };
    return result ?? { range: { start: pos, end: pos } };
  });
}
