// What reading a node's files produces: statements, the problems keepalived would report while
// reading, definitions, includes and symbols. Shared by the line stream and the interpreter.
import type { RefTarget } from '../schema/types';
import type { Schema } from '../schema';
import type { TopLevelRead } from './other-processes';
import type { Definition } from './preprocess';
import type { Condition, Statement, ValueLine } from './statements';
import type { SyntaxTree, Word } from './syntax';

export interface IncludeTarget {
  uri: string;
  tree: SyntaxTree;
}

export interface IncludeResolver {
  /** Files matched by an include pattern written in `fromUri`, in keepalived's (sorted) order. */
  resolve(pattern: string, fromUri: string): IncludeTarget[];
}

export interface IncludeRef {
  keyword: Word;
  /** The pattern words (a pattern may contain spaces inside braces). */
  words: Word[];
  pattern: string;
  targets: string[];
  condition?: Condition;
}

/** A word that defines a named object or refers to one. */
export interface SymbolUse {
  word: Word;
  role: 'definition' | 'reference';
  target: RefTarget;
  stmt: Statement;
  line?: ValueLine;
}

export type Event =
  | { t: 'line'; words: Word[]; condition?: Condition }
  | { t: 'open'; brace: Word }
  | { t: 'close'; brace: Word; stray: boolean };

export interface Interpretation {
  statements: Statement[];
  /** Every statement, in reading order (flattened). */
  all: Statement[];
  definitions: Definition[];
  includes: IncludeRef[];
  /** `{` that keepalived ignores: after a keyword that opens no block, or an unknown one. */
  unexpectedOpens: { brace: Word; after?: Statement }[];
  /** Keywords that need a `{` which does not follow. */
  missingOpens: Statement[];
  /** `}` with no `{` to close. */
  extraCloses: Word[];
  /** `}` keepalived reads at top level because of an earlier displaced block. */
  displacedCloses: { brace: Word; cause?: Statement }[];
  /** Lines keepalived's other processes read at the top level because a block has no `{`. */
  topLevelReads: TopLevelRead[];
  /** Blocks keepalived skips unread (see Statement.skipped). */
  skipped: Statement[];
  /** Blocks still open at the end of the input. */
  unclosed: Statement[];
  /** Conditional ids used by `@ID` lines. */
  configIds: Set<string>;
  /** Words with a defined `$NAME` that keepalived leaves as written (`$VIP/24`). */
  unexpanded: { word: Word; name: string }[];
  /** `${NAME}` with no definition before it: keepalived splits it at its braces. */
  undefinedParameters: { word: Word; name: string }[];
  /** Files read (the root and its includes). */
  files: string[];
  /** The syntax trees of those files. */
  trees: SyntaxTree[];
  symbols: SymbolUse[];
}

export interface InterpretOptions {
  schema: Schema;
  includes?: IncludeResolver;
  /** Emulates `keepalived -i ID`; undefined reads every conditional line. */
  configId?: string;
}
