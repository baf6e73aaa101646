// The chevrotain CstParser. The grammar is total: a missing `}` at the end of the file and a
// stray `}` at top level are part of the grammar, so any text yields a complete tree and the
// brace problems are reported by rules with keepalived's wording instead of parser errors.
import { CstParser, Lexer, type CstNode, type IToken } from 'chevrotain';
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

class KeepalivedCstParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, nodeLocationTracking: 'onlyOffset' });
    this.performSelfAnalysis();
  }

  public document = this.RULE('document', () => {
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Newline) },
        { ALT: () => this.SUBRULE(this.line) },
        { ALT: () => this.SUBRULE(this.block) },
        { ALT: () => this.CONSUME(RBrace) },
      ]);
    });
  });

  public block = this.RULE('block', () => {
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(Newline) },
        { ALT: () => this.SUBRULE(this.line) },
        { ALT: () => this.SUBRULE(this.block) },
      ]);
    });
    this.OPTION(() => this.CONSUME2(RBrace));
  });

  public line = this.RULE('line', () => {
    this.AT_LEAST_ONE(() => {
      this.OR([
        { ALT: () => this.CONSUME(Word) },
        { ALT: () => this.CONSUME(QuotedString) },
        { ALT: () => this.CONSUME(UnterminatedQuote) },
        { ALT: () => this.CONSUME(Conditional) },
        { ALT: () => this.CONSUME(Definition) },
        { ALT: () => this.CONSUME(SeqDirective) },
        { ALT: () => this.CONSUME(Backslash) },
      ]);
    });
  });
}

/** One lexer and one parser for the whole process: building them is the expensive part. */
export const keepalivedLexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
export const cstParser = new KeepalivedCstParser();

export interface CstResult {
  cst: CstNode;
  tokens: IToken[];
  comments: IToken[];
  lexErrors: { offset: number; length: number; message: string }[];
  parseErrors: { token: IToken; message: string }[];
}

export function parseCst(text: string): CstResult {
  const lexed = keepalivedLexer.tokenize(text);
  cstParser.input = lexed.tokens;
  const cst = cstParser.document();
  const parseErrors = cstParser.errors.map((e) => ({ token: e.token, message: e.message }));
  // The singleton holds its input until the next parse: let go of it, so that a large file's
  // tokens do not outlive the tree built from them (about 150 MB for 250,000 lines).
  cstParser.input = [];
  return {
    cst,
    tokens: lexed.tokens,
    comments: lexed.groups.comments ?? [],
    lexErrors: lexed.errors.map((e) => ({ offset: e.offset, length: e.length, message: e.message })),
    parseErrors,
  };
}
