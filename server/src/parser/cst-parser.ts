// The chevrotain CstParser. The grammar is total: a missing `}` at the end of the file and a
// stray `}` at top level are part of the grammar, so any text yields a complete tree and the
// brace problems are reported by rules with keepalived's wording instead of parser errors.
import { CstParser, Lexer, type CstNode, type ILexingResult, type IOrAlt, type IToken } from 'chevrotain';
import { PRODUCTION_BUILD } from '../build-flags';
import {
  allTokens,
  Backslash,
  Conditional,
  Definition,
  LBrace,
  Newline,
  QuotedString,
  RBrace,
  SeqDirective,
  UnterminatedQuote,
  Word,
} from './tokens';

/** Whether chevrotain checks the grammar and the token patterns when it builds them. */
export interface GrammarChecks {
  skipValidations: boolean;
}

const DEFAULT_CHECKS: GrammarChecks = { skipValidations: PRODUCTION_BUILD };

export class KeepalivedCstParser extends CstParser {
  constructor(checks: GrammarChecks = DEFAULT_CHECKS) {
    super(allTokens, { recoveryEnabled: true, skipValidations: checks.skipValidations });
    this.performSelfAnalysis();
  }

  // Every alternative of a list carries one label, so that chevrotain keeps the children of
  // different kinds in one array, in source order (it groups them by name otherwise). Lines are
  // runs of words ended by a line break or a brace: a CST node per line would cost three objects
  // for each of a large file's 250,000 lines, so the words and line breaks stay items of their block.
  private words(): IOrAlt<unknown>[] {
    return [Word, QuotedString, UnterminatedQuote, Conditional, Definition, SeqDirective, Backslash, Newline].map((t) => ({
      ALT: () => this.CONSUME(t, { LABEL: 'item' }),
    }));
  }

  // The alternatives are built once: OR runs for every token of the file.
  private documentItems?: IOrAlt<unknown>[];
  private blockItems?: IOrAlt<unknown>[];

  public document = this.RULE('document', () => {
    this.MANY(() => {
      this.OR(
        (this.documentItems ??= [
          ...this.words(),
          { ALT: () => this.SUBRULE(this.block, { LABEL: 'item' }) },
          { ALT: () => this.CONSUME(RBrace, { LABEL: 'item' }) },
        ]),
      );
    });
  });

  public block = this.RULE('block', () => {
    this.CONSUME(LBrace, { LABEL: 'open' });
    this.MANY(() => {
      this.OR((this.blockItems ??= [...this.words(), { ALT: () => this.SUBRULE(this.block, { LABEL: 'item' }) }]));
    });
    this.OPTION(() => this.CONSUME(RBrace, { LABEL: 'close' }));
  });
}

// Positions are computed from offsets only when asked for (see syntax-builder.ts).
export function createLexer(checks: GrammarChecks = DEFAULT_CHECKS): Lexer {
  return new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true, skipValidations: checks.skipValidations });
}

// Building the lexer and the parser is most of the start-up cost (chevrotain analyses every
// token pattern and grammar rule), so they are built on the first parse, not when this module
// loads: `--help`, `--explain` and a language server that has not seen a document yet skip it.
let lexer: Lexer | undefined;
let parser: KeepalivedCstParser | undefined;

/** The lexer every parse shares. */
export const keepalivedLexer = {
  tokenize(text: string): ILexingResult {
    return (lexer ??= createLexer()).tokenize(text);
  },
};

function cstParser(): KeepalivedCstParser {
  return (parser ??= new KeepalivedCstParser());
}

/**
 * Builds the lexer and the parser now rather than on the first parse: a language server calls it
 * once `initialize` is answered, while the client is busy with its side of the handshake.
 */
export function prepareParser(): void {
  lexer ??= createLexer();
  cstParser();
}

export interface CstResult {
  cst: CstNode;
  comments: IToken[];
  lexErrors: { offset: number; length: number; message: string }[];
  parseErrors: { token: IToken; message: string }[];
}

export function parseCst(text: string): CstResult {
  const lexed = keepalivedLexer.tokenize(text);
  const p = cstParser();
  p.input = lexed.tokens;
  const cst = p.document();
  const parseErrors = p.errors.map((e) => ({ token: e.token, message: e.message }));
  // The singleton holds its input until the next parse: let go of it, so that a large file's
  // tokens do not outlive the tree built from them (about 150 MB for 250,000 lines).
  p.input = [];
  return {
    cst,
    comments: lexed.groups.comments ?? [],
    lexErrors: lexed.errors.map((e) => ({ offset: e.offset, length: e.length, message: e.message })),
    parseErrors,
  };
}
