// Re-reading an edited text from its previous tree: only the top-level units (syntax-builder.ts
// `segments`) the edit touches are lexed and built again; the words, comments and nodes of the
// others are kept, those after the edit moved by the change in length. The result is the tree
// parseSyntax() gives for the new text (a property test holds them equal after random edits).
import { TextLines } from './line-index';
import { firstAtLeast, nodeStart, type CommentToken, type SyntaxTree, type Word } from './syntax';
import { moveToken, parseSpan, parseSyntax } from './syntax-builder';

/** What an edit replaced: the old tree, and the units, words and nodes re-read. */
export interface TreeEdit {
  from: SyntaxTree;
  /** The re-read text: [start, oldEnd) of the old text became [start, newEnd) of the new one. */
  start: number;
  oldEnd: number;
  newEnd: number;
  /** Words of the old tree in the re-read text (they are not part of the new tree). */
  removedWords: readonly Word[];
  /** The new tree's top-level nodes re-read: [firstNode, firstNode + nodeCount). */
  firstNode: number;
  nodeCount: number;
}

/**
 * Texts at most this far apart are re-read from the previous tree; a larger change (a paste of
 * most of the file, a reload) is parsed anew.
 */
const MAX_REREAD_FRACTION = 0.5;

const wordStart = (w: Word | CommentToken) => w.start;

/** The tree of `text`, re-read from `old` (the tree of the text before an edit) where it can be. */
export function reparse(old: SyntaxTree, text: string): SyntaxTree {
  if (old.text === text) return old;
  const segs = old.segments;
  if (!segs || !old.lines) return parseSyntax(text, old.uri);
  const before = old.text;
  // The changed region: what lies between the common prefix and the common suffix.
  const min = Math.min(before.length, text.length);
  let p = 0;
  while (p < min && before.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s < min - p && before.charCodeAt(before.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const delta = text.length - before.length;
  const changedEnd = before.length - s;

  // The units the change touches; one that ends or starts right at the change may join it.
  let a = firstAtLeast(segs, (x) => x, p + 1) - 1;
  if (a > 0 && segs[a] === p) a--;
  let b = firstAtLeast(segs, (x) => x, changedEnd + 1);
  const lines = new TextLines(text);
  let start: number;
  let oldEnd: number;
  let span;
  for (;;) {
    start = segs[Math.max(0, a)];
    oldEnd = b < segs.length ? segs[b] : before.length;
    if (oldEnd - start > Math.max(4096, before.length * MAX_REREAD_FRACTION)) return parseSyntax(text, old.uri);
    span = parseSpan(text, start, oldEnd + delta, old.uri, lines);
    // A `{` the edit left at the head of the units opens the block of the line before them.
    if (span.joinsBefore && a > 0) a--;
    // A block the edit left open runs into the next units: they are re-read with it.
    else if (span.openBlocks > 0 && b < segs.length) b = Math.min(segs.length, b + Math.max(1, b - a));
    else break;
  }

  const wa = firstAtLeast(old.words, wordStart, start);
  const wb = firstAtLeast(old.words, wordStart, oldEnd, wa);
  const ca = firstAtLeast(old.comments, wordStart, start);
  const cb = firstAtLeast(old.comments, wordStart, oldEnd, ca);
  const na = firstAtLeast(old.nodes, nodeStart, start);
  const nb = firstAtLeast(old.nodes, nodeStart, oldEnd, na);
  const ia = firstAtLeast(segs, (x) => x, start);
  const ib = firstAtLeast(segs, (x) => x, oldEnd, ia);

  const words = old.words.slice(0, wa);
  for (const w of span.words) words.push(w);
  const comments = old.comments.slice(0, ca);
  for (const c of span.comments) comments.push(c);
  for (let i = wb; i < old.words.length; i++) {
    const w = old.words[i];
    moveToken(w, lines, delta);
    words.push(w);
  }
  for (let i = cb; i < old.comments.length; i++) {
    const c = old.comments[i];
    moveToken(c, lines, delta);
    comments.push(c);
  }
  for (let i = 0; i < wa; i++) moveToken(old.words[i], lines);
  for (let i = 0; i < ca; i++) moveToken(old.comments[i], lines);
  const nodes = [...old.nodes.slice(0, na), ...span.nodes, ...old.nodes.slice(nb)];
  const segments = [...segs.slice(0, ia), ...span.segments, ...segs.slice(ib).map((x) => x + delta)];
  // Only the last edit is kept: a chain of every earlier tree would never be freed.
  old.edit = undefined;
  const edit: TreeEdit = { from: old, start, oldEnd, newEnd: oldEnd + delta, removedWords: old.words.slice(wa, wb), firstNode: na, nodeCount: span.nodes.length };
  return { uri: old.uri, text, nodes, comments, words, segments, lines, edit };
}
