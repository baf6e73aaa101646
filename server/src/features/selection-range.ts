// Smart selection: the word (or the `$NAME` in it) → the line → the line with its `{ }` block →
// the enclosing block's contents → that block with its keyword line → ... → the whole file.
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import type { BlockNode, LineNode, SyntaxNode, SyntaxTree } from '../parser/syntax';
import { containsRange, lineIndex, paramRefs, sameRange, touches, wordAt } from './util';

function nodeRange(n: SyntaxNode): Range {
  if (n.kind === 'line') return { start: n.words[0].range.start, end: n.words[n.words.length - 1].range.end };
  if (n.kind === 'stray-close') return n.brace.range;
  return { start: n.open.range.start, end: (n.close ?? lastWord(n)).range.end };
}

function lastWord(n: BlockNode): LineNode['words'][number] {
  const last = n.children[n.children.length - 1];
  if (!last) return n.open;
  if (last.kind === 'line') return last.words[last.words.length - 1];
  if (last.kind === 'stray-close') return last.brace;
  return last.close ?? lastWord(last);
}

/** Ranges around `pos`, innermost first. */
function chain(tree: SyntaxTree, pos: Position): Range[] {
  const out: Range[] = [];
  const w = wordAt(tree, pos);
  if (w) {
    const p = paramRefs(w, lineIndex(tree)).find((r) => touches(r.range, pos));
    if (p) out.push(p.range);
    out.push(w.range);
  }
  const path: Range[] = [];
  const walk = (nodes: readonly SyntaxNode[]): boolean => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      const r = nodeRange(n);
      if (!touches(r, pos)) continue;
      // A keyword line directly followed by its block, or a block preceded by its keyword line.
      const prev = nodes[i - 1];
      const next = nodes[i + 1];
      if (n.kind === 'block') {
        const inner = n.children.length ? { start: nodeRange(n.children[0]).start, end: nodeRange(n.children[n.children.length - 1]).end } : undefined;
        const found = walk(n.children);
        if (found && inner) path.push(inner);
        if (found || touches(r, pos)) path.push(r);
        if (prev?.kind === 'line') path.push({ start: nodeRange(prev).start, end: r.end });
        return true;
      }
      path.push(r);
      if (n.kind === 'line' && next?.kind === 'block') path.push({ start: r.start, end: nodeRange(next).end });
      return true;
    }
    return false;
  };
  walk(tree.nodes);
  out.push(...path);
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
