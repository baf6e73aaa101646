// The chevrotain lexer of keepalived.conf (token types in tokens.ts). The brace structure is built
// from its tokens by syntax-builder.ts: the grammar is a line of words, a `{ ... }` block or a
// stray `}`, so lines and blocks come straight from the token vector with an explicit stack, and
// no parse tree of the whole file is built only to be walked once and dropped.
import { Lexer, type ILexingResult } from 'chevrotain';
import { PRODUCTION_BUILD } from '../build-flags';
import { allTokens } from './tokens';

/** Whether chevrotain checks the token patterns when it builds the lexer. */
export interface LexerChecks {
  skipValidations: boolean;
}

const DEFAULT_CHECKS: LexerChecks = { skipValidations: PRODUCTION_BUILD };

// Positions are computed from offsets only when asked for (see syntax-builder.ts).
export function createLexer(checks: LexerChecks = DEFAULT_CHECKS): Lexer {
  return new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: checks.skipValidations });
}

// Building the lexer (chevrotain analyses every token pattern) is most of the start-up cost, so it
// is built on the first parse, not when this module loads: `--help`, `--explain` and a language
// server that has not seen a document yet skip it.
let lexer: Lexer | undefined;

/** The lexer every parse shares. */
export const keepalivedLexer = {
  tokenize(text: string): ILexingResult {
    return (lexer ??= createLexer()).tokenize(text);
  },
};

/**
 * Builds the lexer now rather than on the first parse: a language server calls it once
 * `initialize` is answered, while the client is busy with its side of the handshake.
 */
export function prepareParser(): void {
  lexer ??= createLexer();
}
