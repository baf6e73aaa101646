// The edit that replaces one word. A word written in the file is replaced where it stands. A word
// produced by `$NAME`, `~SEQ` or `~LST` has the range of the whole line that produced it: replacing
// that range would delete the rest of the user's line. Such a word is edited where it was copied
// from (the definition's value, or the word of the ~SEQ line), precisely, or not at all.
import type { TextEditAt } from './finding';
import type { Word } from '../parser/syntax';

export function wordEdit(w: Word, newText: string): TextEditAt | undefined {
  if (!w.origin) return { uri: w.uri, range: w.range, newText };
  const src = w.source;
  if (!src || src.length !== w.text.length) return undefined;
  const a = src.anchor;
  const start = a.range.start;
  // A written anchor's text before `offset` is on its first line (definitions map only one-line values).
  if (a.text.slice(0, src.offset + src.length).search(/[\r\n]/) >= 0) return undefined;
  return {
    uri: a.uri,
    range: { start: { line: start.line, character: start.character + src.offset }, end: { line: start.line, character: start.character + src.offset + src.length } },
    newText,
  };
}

/** The fix list of one word replacement, or none when the word cannot be edited precisely. */
export function replaceWordFix(w: Word, title: string, newText: string, preferred = true): { title: string; edits: TextEditAt[]; preferred: boolean }[] {
  const e = wordEdit(w, newText);
  return e ? [{ title, edits: [e], preferred }] : [];
}
