// A root file read one top-level unit at a time (segments.ts finds where they start), each unit
// parsed on its own with the whole text's offsets: a reader that streams a large file (the CLI)
// holds the words of one unit, not of the file.
import { TextLines } from './line-index';
import { topLevelSegments } from './segments';
import { parseSpan, type ParsedSpan } from './syntax-builder';

export type RootUnit = Pick<ParsedSpan, 'nodes' | 'words' | 'comments'>;

/** Units shorter than this are parsed together with the ones after them. */
export const MIN_SPAN_CHARS = 8192;

/** The units of `text` in order (small units come together, see `minSpan`); `next()` gives undefined after the last. */
export function textUnits(text: string, uri: string, minSpan = MIN_SPAN_CHARS, lines = new TextLines(text)): () => RootUnit | undefined {
  const starts = topLevelSegments(text);
  let k = 0;
  return () => {
    if (k >= starts.length) return undefined;
    const start = starts[k++];
    // Small units are parsed together: one lexer run per few kilobytes, not per three-line block.
    while (k < starts.length && starts[k] - start < minSpan) k++;
    const end = k < starts.length ? starts[k] : text.length;
    const span = parseSpan(text, start, end, uri, lines);
    if (span.openBlocks === 0 || end === text.length) return span;
    // The lexer reads a brace the scanner did not (a corner of quoting or escaping): the block
    // goes on past the cut, so the rest of the text is parsed as one unit, as the whole text is.
    k = starts.length;
    return parseSpan(text, start, text.length, uri, lines);
  };
}
