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

function lineStartPattern(re: RegExp): CustomPatternMatcherFunc {
  const sticky = new RegExp(re.source, 'y');
  return (text, offset) => {
    if (!atLineStart(text, offset)) return null;
    sticky.lastIndex = offset;
    return sticky.exec(text);
  };
}

/**
 * `$NAME=value`, and its multi-line form where each line but the last ends with `\`.
 * A blank line also ends a multi-line definition, as in keepalived.
 */
const definitionMatcher: CustomPatternMatcherFunc = (text, offset) => {
  if (!atLineStart(text, offset)) return null;
  const head = /\$[A-Za-z_][A-Za-z0-9_]*[ \t]*=[^\r\n]*/y;
  head.lastIndex = offset;
  const m = head.exec(text);
  if (!m) return null;
  let end = offset + m[0].length;
  while (continues(text.slice(lineStartOf(text, end), end))) {
    const next = /\r\n|\r|\n/y;
    next.lastIndex = end;
    const nl = next.exec(text);
    if (!nl) break;
    const lineStart = end + nl[0].length;
    const lineEnd = findLineEnd(text, lineStart);
    if (text.slice(lineStart, lineEnd).trim() === '') break;
    end = lineEnd;
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

/** A definition line continues when, comments removed, it ends with a backslash. */
export function continues(line: string): boolean {
  return stripComment(line).trimEnd().endsWith('\\');
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

export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\f\v]+/, group: Lexer.SKIPPED });
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
  pattern: lineStartPattern(/~(?:SEQ|LST)\((?:[^()\r\n]|\([^()\r\n]*\))*\)/),
  start_chars_hint: ['~'],
  line_breaks: false,
});
export const QuotedString = createToken({ name: 'QuotedString', pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/ });
/** An opening quote with no closing one on its line: keepalived reports it and drops the word. */
export const UnterminatedQuote = createToken({ name: 'UnterminatedQuote', pattern: /"[^\r\n]*/ });
/** `${NAME}` (and `${NAME(args)}`) stays inside its word: keepalived substitutes it before splitting the line. */
/**
 * The characters a word can start with, given to chevrotain so that its lexer picks the candidate
 * tokens by first character (it cannot work them out of a negated class).
 */
function wordStartChars(): string[] {
  const out: string[] = [];
  for (let c = 0x21; c <= 0xffff; c++) {
    const ch = String.fromCharCode(c);
    if (!/[\s{}"#!]/.test(ch)) out.push(ch);
  }
  return out;
}

export const Word = createToken({ name: 'Word', pattern: /(?:\$\{[A-Za-z_][A-Za-z0-9_]*(?:\([^()\r\n]*\))?\}|[^\s{}"#!\\]|\\[^\s{}])+/, start_chars_hint: wordStartChars() });
/** A backslash before a blank or a brace: keepalived keeps it as a word of its own. */
export const Backslash = createToken({ name: 'Backslash', pattern: /\\/ });

export const allTokens: TokenType[] = [
  Newline,
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
