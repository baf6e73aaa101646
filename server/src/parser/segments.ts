// The top-level units of a text found without the lexer: a reader that streams a large file
// (the CLI) cuts it here and parses one unit at a time. The braces are counted the way tokens.ts
// reads them — not in comments, quoted strings, `$NAME=` definitions or `~SEQ(...)` — so the
// starts are those parseSyntax() records (`SyntaxTree.segments`); a test holds them equal on the
// corpus. A span cut at one of them still parses exactly (syntax-builder.ts parseSpan()), and a
// caller that needs certainty checks that the span it parsed came out balanced.

const NL = 10;
const CR = 13;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11;
}

/** The end of the line that starts at or contains `i` (the offset of its line break, or the text's end). */
function lineEnd(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === NL || c === CR) return i;
    i++;
  }
  return i;
}

/** The offset after the line break at `i` (`\r\n` is one). */
function afterBreak(text: string, i: number): number {
  if (i >= text.length) return i;
  return text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === NL ? i + 2 : i + 1;
}

const DEFINITION_HEAD = /\$[A-Za-z_][A-Za-z0-9_]*[ \t]*=/y;
const CONDITION = /@\^?[^\s#!{}]*[ \t]+/y;
const SEQ = /~(?:SEQ|LST)\((?:[^()\r\n]|\([^()\r\n]*\))*\)/y;

/** Where a definition or `~SEQ(...)` written at `i` (after blanks and an `@ID `) ends, or -1. */
function directiveEnd(text: string, i: number): { end: number; definition: boolean } | undefined {
  CONDITION.lastIndex = i;
  const cond = CONDITION.exec(text);
  const at = cond ? i + cond[0].length : i;
  DEFINITION_HEAD.lastIndex = at;
  if (DEFINITION_HEAD.test(text)) return { end: lineEnd(text, at), definition: true };
  SEQ.lastIndex = at;
  const seq = SEQ.exec(text);
  return seq ? { end: at + seq[0].length, definition: false } : undefined;
}

/** Whether a definition's line continues on the next one (its raw text ends with a backslash). */
function continues(text: string, end: number): boolean {
  return end > 0 && text.charCodeAt(end - 1) === 92;
}

/**
 * Start offsets of the top-level units of `text` (the first is 0): after every line break at
 * brace depth 0, except that a top-level `{` with no word before it (since the last line break or
 * brace) joins the unit of the last line of words, as the block that line opens.
 */
export function topLevelSegments(text: string): number[] {
  const starts = [0];
  let depth = 0;
  /** starts.length when the last top-level line with words began. */
  let lineStarts = 1;
  let i = 0;
  while (i < text.length) {
    // One physical line (a continued definition takes the lines it continues on).
    let sawWord = false;
    while (i < text.length && isBlank(text.charCodeAt(i))) i++;
    const directive = depth >= 0 ? directiveEnd(text, i) : undefined;
    if (directive) {
      if (depth === 0) lineStarts = starts.length;
      sawWord = true;
      i = directive.end;
      if (directive.definition) {
        while (continues(text, i) && i < text.length) {
          const next = afterBreak(text, i);
          const end = lineEnd(text, next);
          // A blank or comment-only line ends a multi-line definition (tokens.ts decomment()).
          const body = text.slice(next, end).replace(/^[ \t]+/, '');
          if (body === '' || body[0] === '#' || body[0] === '!') break;
          i = end;
        }
      }
    }
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === NL || c === CR) break;
      if (c === 35 || c === 33) {
        i = lineEnd(text, i);
        break;
      }
      if (c === 34) {
        // A quoted string ends at its closing quote, an unterminated one at the line's end.
        i++;
        while (i < text.length) {
          const q = text.charCodeAt(i);
          if (q === NL || q === CR) break;
          if (q === 92 && i + 1 < text.length && text.charCodeAt(i + 1) !== NL && text.charCodeAt(i + 1) !== CR) i += 2;
          else if (q === 34) {
            i++;
            break;
          } else i++;
        }
        sawWord = true;
        continue;
      }
      if (c === 123) {
        if (depth === 0 && !sawWord) starts.length = lineStarts;
        depth++;
        sawWord = false;
        i++;
        continue;
      }
      if (c === 125) {
        if (depth > 0) depth--;
        sawWord = false;
        i++;
        continue;
      }
      if (c === 92) {
        // A backslash escapes the next character of a word, not a blank, a brace or a line break.
        const n = text.charCodeAt(i + 1);
        i += i + 1 < text.length && !isBlank(n) && n !== NL && n !== CR && n !== 123 && n !== 125 ? 2 : 1;
        if (depth === 0 && !sawWord) lineStarts = starts.length;
        sawWord = true;
        continue;
      }
      if (!isBlank(c)) {
        if (depth === 0 && !sawWord) lineStarts = starts.length;
        sawWord = true;
      }
      i++;
    }
    i = afterBreak(text, i);
    if (depth === 0 && i < text.length) starts.push(i);
  }
  return starts;
}
