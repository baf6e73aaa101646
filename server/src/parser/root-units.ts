// A root file read a few top-level units at a time, each piece parsed on its own with the whole
// text's offsets: a reader that streams a large file (the CLI) holds the words of a few units,
// not of the file. A piece is cut at a line start some way ahead and parsed; the units it holds
// whole (up to the last unit start the parser recorded, syntax-builder.ts) are handed on, and the
// next piece starts at that unit. The text is lexed once but for the tail of each piece.
import { TextLines } from './line-index';
import { parseSpan, type ParsedSpan } from './syntax-builder';
import { nodeStart } from './syntax';

export type RootUnit = Pick<ParsedSpan, 'nodes' | 'words' | 'comments'>;

/** How much text a piece takes (it grows for a unit longer than that). */
export const PIECE_CHARS = 16384;

/**
 * The first line start at or after `pos`, not after a line ending in a backslash (a `$NAME=`
 * definition continues there: no token but such a definition crosses a line break).
 */
function cutAt(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    let j = i;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 10 || c === 13) break;
    }
    if (j >= text.length) return text.length;
    const next = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
    if (j === 0 || text.charCodeAt(j - 1) !== 92) return next;
    i = next;
  }
  return text.length;
}

/** Drops the items that start at or after `end` (the list is in source order). */
function truncate<T>(list: T[], end: number, start: (x: T) => number): T[] {
  let n = list.length;
  while (n > 0 && start(list[n - 1]) >= end) n--;
  list.length = n;
  return list;
}

/**
 * The units of `text` in order, a few together (about `piece` characters; 1 hands on nearly
 * every unit alone); `next()` gives undefined after the last.
 */
export function textUnits(text: string, uri: string, piece = PIECE_CHARS, lines = new TextLines(text)): () => RootUnit | undefined {
  let start = 0;
  const min = Math.max(1, piece);
  let size = min;
  return () => {
    while (start < text.length) {
      const cut = cutAt(text, start + size);
      const span = parseSpan(text, start, cut, uri, lines);
      if (cut >= text.length) {
        start = text.length;
        return span;
      }
      const last = span.segments[span.segments.length - 1];
      if (last <= start) {
        // No unit ends in the piece (one long block, or a block never closed): a bigger piece.
        size *= 2;
        continue;
      }
      size = min;
      start = last;
      return {
        nodes: truncate(span.nodes, last, nodeStart),
        words: truncate(span.words, last, (w) => w.start),
        comments: truncate(span.comments, last, (c) => c.start),
      };
    }
    return undefined;
  };
}
