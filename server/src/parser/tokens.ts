// Token types of keepalived.conf, as keepalived's lib/parser.c reads a line: comments start at an
// unquoted `#` or `!` (`\#` and `\!` escape them), braces always stand alone, a double-quoted string
// is one word, and a few directives are only recognised at the start of a line.
import { createToken, Lexer, type CustomPatternMatcherFunc, type TokenType } from 'chevrotain';

/** True when only blanks (or a brace) stand between the previous line break and `offset`. */
function atLineStart(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    return c === 10 || c === 13 || c === 123 || c === 125;
  }
  return true;
}

/**
 * True at a line start, or right after a leading `@ID ` / `@^ID `: keepalived strips the condition
 * before it looks for a `$NAME=` definition or a `~SEQ`.
 */
function afterLineStartOrCondition(text: string, offset: number): boolean {
  if (atLineStart(text, offset)) return true;
  let i = offset;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  if (i === offset) return false;
  let w = i;
  while (w > 0 && !/[\s{}]/.test(text[w - 1])) w--;
  return text[w] === '@' && w < i && atLineStart(text, w);
}

function lineStartPattern(re: RegExp, orAfterCondition = false): CustomPatternMatcherFunc {
  const sticky = new RegExp(re.source, 'y');
  return (text, offset) => {
    if (!(orAfterCondition ? afterLineStartOrCondition(text, offset) : atLineStart(text, offset))) return null;
    sticky.lastIndex = offset;
    return sticky.exec(text);
  };
}

/**
 * `$NAME=value`, and its multi-line form where each line but the last ends with `\`.
 * keepalived's VRRP and checker processes read the copy of the configuration that the parent wrote
 * line by line through decomment(): there a line of blanks or of a comment alone is an empty line,
 * which ends a multi-line definition, while `# old value \` became `\` and continues it.
 */
const definitionMatcher: CustomPatternMatcherFunc = (text, offset) => {
  if (!afterLineStartOrCondition(text, offset)) return null;
  const head = /\$[A-Za-z_][A-Za-z0-9_]*[ \t]*=[^\r\n]*/y;
  head.lastIndex = offset;
  const m = head.exec(text);
  if (!m) return null;
  let end = offset + m[0].length;
  let more = continues(text.slice(lineStartOf(text, end), end));
  while (more) {
    const next = /\r\n|\r|\n/y;
    next.lastIndex = end;
    const nl = next.exec(text);
    if (!nl) break;
    const lineStart = end + nl[0].length;
    const lineEnd = findLineEnd(text, lineStart);
    const kept = decomment(text.slice(lineStart, lineEnd));
    if (kept === '') break;
    end = lineEnd;
    more = kept.endsWith('\\');
  }
  const result = [text.slice(offset, end)] as unknown as RegExpExecArray;
  return result;
};

function lineStartOf(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function findLineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** A definition line continues when, as keepalived's decomment() leaves it, it ends with a backslash. */
export function continues(line: string): boolean {
  return decomment(line).endsWith('\\');
}

/**
 * A line as keepalived's decomment() leaves it: leading and trailing blanks and the comment removed,
 * `\#` and `\!` unescaped outside quotes, and a backslash that ends the raw line kept even when it
 * is inside the comment (`# old value \` still continues a multi-line definition).
 */
export function decomment(line: string): string {
  const raw = line.replace(/[\r\n]+$/, '');
  let out = '';
  let quote = false;
  let cut = -1;
  let cont = false;
  for (let i = raw.length - raw.trimStart().length; i < raw.length; i++) {
    const c = raw[i];
    if (c === '"') {
      if (cut < 0) quote = !quote;
    } else if (c === '\\') {
      if (i + 1 >= raw.length) {
        cont = true;
        break;
      }
      if (!quote && cut < 0 && (raw[i + 1] === '#' || raw[i + 1] === '!')) {
        out += raw[++i];
        continue;
      }
      out += c + raw[++i];
      continue;
    } else if (!quote && cut < 0 && (c === '#' || c === '!')) cut = out.length;
    out += c;
  }
  if (cut >= 0) out = out.slice(0, cut);
  out = out.replace(/[ \t]+$/, '');
  return cont ? `${out}\\` : out;
}

/** Removes a trailing comment the way keepalived's decomment() does (quotes and escapes kept). */
export function stripComment(line: string): string {
  let quote = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quote = !quote;
    else if (c === '\\') i++;
    else if (!quote && (c === '#' || c === '!')) return line.slice(0, i);
  }
  return line;
}

/**
 * Blanks and line breaks alike are skipped: no token object is made for the line break of each of
 * a file's lines; syntax-builder.ts finds the line breaks between the tokens it is given.
 */
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\f\v\r\n]+/, line_breaks: true, group: Lexer.SKIPPED });
/** A backslash that ends a line: keepalived uses it to continue `$NAME=` definitions. */
export const Continuation = createToken({
  name: 'Continuation',
  pattern: (text, offset) => {
    if (text.charCodeAt(offset) !== 92) return null;
    const next = text.charCodeAt(offset + 1);
    return Number.isNaN(next) || next === 10 || next === 13 ? (['\\'] as unknown as RegExpExecArray) : null;
  },
  start_chars_hint: ['\\'],
  line_breaks: false,
  group: Lexer.SKIPPED,
});
export const Comment = createToken({ name: 'Comment', pattern: /[#!][^\r\n]*/, group: 'comments' });
export const LBrace = createToken({ name: 'LBrace', pattern: /{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /}/ });
export const Conditional = createToken({
  name: 'Conditional',
  pattern: lineStartPattern(/@\^?[^\s#!{}]*/),
  start_chars_hint: ['@'],
  line_breaks: false,
});
export const Definition = createToken({
  name: 'Definition',
  pattern: definitionMatcher,
  start_chars_hint: ['$'],
  line_breaks: true,
});
export const SeqDirective = createToken({
  name: 'SeqDirective',
  pattern: lineStartPattern(/~(?:SEQ|LST)\((?:[^()\r\n]|\([^()\r\n]*\))*\)/, true),
  start_chars_hint: ['~'],
  line_breaks: false,
});
export const QuotedString = createToken({ name: 'QuotedString', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/ });
/** An opening quote with no closing one on its line: keepalived reports it and drops the word. */
export const UnterminatedQuote = createToken({ name: 'UnterminatedQuote', pattern: /"[^\r\n]*/ });
/**
 * keepalived separates words by " \t\f\n\r\v" only (WHITE_SPACE_STR): a non-breaking space or a
 * byte order mark is part of a word for it, and so for us.
 *
 * The characters a word can start with, given to chevrotain so that its lexer picks the candidate
 * tokens by first character (it cannot work them out of a negated class).
 */
function wordStartChars(): number[] {
  const blanksAndSpecials = new Set([...' \t\f\v\r\n{}"#!'].map((c) => c.charCodeAt(0)));
  const out: number[] = [];
  for (let c = 0; c < 256; c++) if (!blanksAndSpecials.has(c)) out.push(c);
  // Above 255 every character starts a word. chevrotain files those characters into buckets of
  // 255 consecutive codes and keeps one candidate list per bucket, so one code out of every 128
  // reaches every bucket; listing all 65,280 of them cost ~10 ms of start-up for the same table.
  // A test tokenizes a word starting with each of them.
  for (let c = 256; c <= 0xffff; c += 128) out.push(c);
  out.push(0xffff);
  return out;
}

/**
 * `${NAME}` (and `${NAME(args)}`) stays inside its word: keepalived substitutes it before splitting
 * the line. Plain characters are taken a run at a time (a `$` on its own after `${NAME}` failed):
 * the same matches as one character per step, for less regex work on every word.
 */
export const Word = createToken({
  name: 'Word',
  pattern: /(?:[^ \t\f\v\r\n{}"#!\\$]+|\$\{[A-Za-z_][A-Za-z0-9_]*(?:\([^()\r\n]*\))?\}|\$|\\[^ \t\f\v\r\n{}])+/,
  start_chars_hint: wordStartChars(),
});
/** A backslash before a blank or a brace: keepalived keeps it as a word of its own. */
export const Backslash = createToken({ name: 'Backslash', pattern: /\\/ });

export const allTokens: TokenType[] = [
  WhiteSpace,
  Continuation,
  Comment,
  LBrace,
  RBrace,
  Conditional,
  Definition,
  SeqDirective,
  QuotedString,
  UnterminatedQuote,
  Word,
  Backslash,
];

/** Tokens that make up the words of a line. */
export const wordTokens: TokenType[] = [Word, QuotedString, UnterminatedQuote, Conditional, Definition, SeqDirective, Backslash];
