// Folding ranges: `{ }` blocks (from the keyword line to the line before the `}`), runs of
// comment lines, and multi-line `$NAME=` definitions.
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { SyntaxNode, SyntaxTree, Word } from '../parser/syntax';

export function foldingRanges(tree: SyntaxTree): FoldingRange[] {
  const out: FoldingRange[] = [];
  const index = new Map<Word, number>();
  tree.words.forEach((w, i) => index.set(w, i));

  // The last line of a node: down its last children, iteratively (files nest thousands deep),
  // remembered for every block on the way (unclosed blocks share their chain: linear, not quadratic).
  const lastLines = new Map<SyntaxNode, number>();
  const lastLineOf = (start: SyntaxNode): number => {
    const chain: SyntaxNode[] = [];
    let line: number;
    for (let n = start; ; ) {
      const known = lastLines.get(n);
      if (known !== undefined) {
        line = known;
        break;
      }
      chain.push(n);
      if (n.kind === 'line') line = n.words[n.words.length - 1].range.end.line;
      else if (n.kind === 'stray-close') line = n.brace.range.end.line;
      else if (n.close) line = n.close.range.end.line;
      else if (!n.children.length) line = n.open.range.end.line;
      else {
        n = n.children[n.children.length - 1];
        continue;
      }
      break;
    }
    for (const n of chain) lastLines.set(n, line);
    return line;
  };
  const stack: SyntaxNode[] = [...tree.nodes].reverse();
  for (let n = stack.pop(); n; n = stack.pop()) {
    if (n.kind !== 'block') continue;
    // Start on the keyword's line when the `{` stands on the line below it.
    const before = tree.words[(index.get(n.open) ?? 0) - 1];
    const startLine = before && before.kind !== 'brace' ? before.range.start.line : n.open.range.start.line;
    const lastLine = n.close ? n.close.range.start.line - 1 : lastLineOf(n);
    if (lastLine > startLine) out.push({ startLine, endLine: lastLine });
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }

  // Comment lines: comments with nothing else on their line, in runs of consecutive lines.
  const codeLines = new Set<number>();
  for (const w of tree.words) for (let l = w.range.start.line; l <= w.range.end.line; l++) codeLines.add(l);
  let run: { start: number; end: number } | undefined;
  const flush = () => {
    if (run && run.end > run.start) out.push({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
    run = undefined;
  };
  for (const c of tree.comments) {
    const line = c.range.start.line;
    if (codeLines.has(line)) continue;
    if (run && line === run.end + 1) run.end = line;
    else {
      flush();
      run = { start: line, end: line };
    }
  }
  flush();

  for (const w of tree.words) {
    if (w.kind === 'definition' && w.range.end.line > w.range.start.line) {
      out.push({ startLine: w.range.start.line, endLine: w.range.end.line, kind: FoldingRangeKind.Region });
    }
  }
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
