// Reads a syntax tree the way keepalived's process_stream() does: lines are matched against the
// keywords of the current block, a keyword that opens a block reads the following `{`, and every
// deviation (unknown keyword, `{` where none belongs, missing `{`, extra `}`) is recorded with the
// same consequences keepalived draws from it: e.g. the lines after an unknown keyword's `{` are
// read at the current level, and its `}` ends the enclosing block.
import { childPath, type Schema } from '../schema';
import { matchForms, matchLine, NO_ISSUES, type Binder, type LineIssue } from '../schema/validate-line';
import type { ArgSpec, KeywordSpec, RefTarget } from '../schema/types';
import {
  conditionHolds,
  isIncludeKeyword,
  unexpandedNames,
  parseCondition,
  parseDefinition,
  parseSequence,
  substitute,
  type Definition,
} from './preprocess';
import type { Condition, Statement, ValueLine } from './statements';
import type { SyntaxNode, SyntaxTree, Word } from './syntax';
import { parseSyntax } from './syntax-builder';

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

type Event =
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
  /** Blocks still open at the end of the input. */
  unclosed: Statement[];
  /** Conditional ids used by `@ID` lines. */
  configIds: Set<string>;
  /** Words with a defined `$NAME` that keepalived leaves as written (`$VIP/24`). */
  unexpanded: { word: Word; name: string }[];
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

const MAX_INCLUDE_DEPTH = 16;
/**
 * Characters that `$NAME` and `~SEQ` expansion may produce for one file: a definition that refers to
 * itself more than once (`$X=$X $X`) doubles at every level. keepalived stops at its line length.
 */
const MAX_EXPANSION = 1_000_000;

/** A syntax node flattened into what keepalived reads: lines and braces, with their text lines. */
type Item = (
  | { t: 'line'; words: Word[] }
  | { t: 'open'; brace: Word }
  | { t: 'close'; brace: Word; stray: boolean }
) & {
  /** Text lines of the item's first and last word, fixed up front for expanded text only. */
  first?: number;
  last?: number;
};

function firstLine(it: Item): number {
  return it.first ?? (it.t === 'line' ? it.words[0] : it.brace).range.start.line;
}

function lastLine(it: Item): number {
  return it.last ?? (it.t === 'line' ? it.words[it.words.length - 1] : it.brace).range.end.line;
}

/**
 * `fixLines`: record each item's text lines now (expanded text, whose words are about to take
 * the position of the line that produced them); otherwise they are read from the words when
 * needed, which keeps word positions lazy for a whole file.
 */
function flatten(nodes: readonly SyntaxNode[], fixLines: boolean, out: Item[] = []): Item[] {
  const push = (it: Item) => {
    if (fixLines) {
      it.first = firstLine(it);
      it.last = lastLine(it);
    }
    out.push(it);
  };
  for (const n of nodes) {
    if (n.kind === 'line') push({ t: 'line', words: n.words });
    else if (n.kind === 'block') {
      push({ t: 'open', brace: n.open });
      flatten(n.children, fixLines, out);
      if (n.close) push({ t: 'close', brace: n.close, stray: false });
    } else push({ t: 'close', brace: n.brace, stray: true });
  }
  return out;
}

function itemWords(it: Item): Word[] {
  return it.t === 'line' ? it.words : [it.brace];
}

class EventSource {
  private readonly queue: Event[] = [];
  private pos = 0;
  private budget = MAX_EXPANSION;
  readonly defs = new Map<string, string>();

  constructor(
    private readonly out: Interpretation,
    private readonly opts: InterpretOptions,
  ) {}

  /** Flattens the tree (and its includes) into events up front: configs are small next to memory. */
  load(tree: SyntaxTree): void {
    this.out.files.push(tree.uri);
    this.out.trees.push(tree);
    this.nodes(tree.nodes, 0, new Set([tree.uri]));
  }

  next(): Event | undefined {
    return this.pos < this.queue.length ? this.queue[this.pos++] : undefined;
  }

  peek(): Event | undefined {
    return this.queue[this.pos];
  }

  private nodes(nodes: readonly SyntaxNode[], depth: number, stack: Set<string>): void {
    this.items(flatten(nodes, false), depth, stack);
  }

  /**
   * Queues flattened items. A line that starts with `@ID`, `~SEQ` or an include takes the rest of
   * its physical line with it (braces and all), as keepalived drops or repeats the whole text line
   * and globs the whole rest of an include line (`include conf.d/{a,b}.conf`).
   */
  private items(items: readonly Item[], depth: number, stack: Set<string>, inherited?: Condition): void {
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (it.t !== 'line') {
        this.queue.push(it.t === 'open' ? { t: 'open', brace: it.brace } : { t: 'close', brace: it.brace, stray: it.stray });
        continue;
      }
      const kind = it.words[0].kind;
      let tail: Item[] = [];
      if (kind === 'conditional' || kind === 'seq' || isIncludeKeyword(it.words[0].value)) {
        let j = i + 1;
        const last = lastLine(it);
        while (j < items.length && firstLine(items[j]) === last) j++;
        tail = items.slice(i + 1, j);
        i = j - 1;
      }
      this.line(it.words, tail, depth, stack, inherited);
    }
  }

  private line(words: Word[], tail: Item[], depth: number, stack: Set<string>, inherited?: Condition): void {
    let condition = inherited;
    if (words[0].kind === 'conditional') {
      condition = parseCondition(words[0]);
      this.out.configIds.add(condition.id);
      if (this.opts.configId !== undefined && !conditionHolds(condition, this.opts.configId)) return;
      words = words.slice(1);
    }
    const first = words[0];
    if (first?.kind === 'definition') {
      const def = parseDefinition(first);
      if (def) {
        this.out.definitions.push(def);
        this.defs.set(def.name, def.value);
      }
    } else if (first?.kind === 'seq') {
      const seq = parseSequence(first.value);
      const template = [...words.slice(1), ...tail.flatMap(itemWords)];
      tail = [];
      if (seq && template.length > 0) {
        const text = template.map((w) => w.text).join(' ');
        for (const row of seq.rows) {
          for (const [k, v] of row) this.defs.set(k, v);
          const t = substitute(text, this.defs) ?? text;
          if (depth < MAX_INCLUDE_DEPTH && this.spend(t)) this.synthetic(t, template, depth + 1, stack, condition);
        }
      }
    } else if (first) {
      if (isIncludeKeyword(first.value)) {
        words = [...words, ...tail.flatMap(itemWords)];
        tail = [];
      }
      this.expand(words, depth, stack, condition);
    }
    this.items(tail, depth, stack, condition);
  }

  /** Applies `$NAME` substitution, then include handling, then queues the line. */
  private expand(words: Word[], depth: number, stack: Set<string>, condition: Condition | undefined): void {
    // Most lines have no `$`: they skip the text work.
    if (this.defs.size && words.some((w) => w.text.includes('$'))) {
      const text = words.map((w) => w.text).join(' ');
      for (const w of words) for (const name of unexpandedNames(w.text, this.defs)) this.out.unexpanded.push({ word: w, name });
      const replaced = substitute(text, this.defs);
      if (replaced !== undefined && replaced !== text && depth < MAX_INCLUDE_DEPTH && this.spend(replaced)) {
        this.synthetic(replaced, words, depth + 1, stack, condition);
        return;
      }
    }
    if (isIncludeKeyword(words[0].value)) {
      this.include(words, depth, stack, condition);
      return;
    }
    this.queue.push({ t: 'line', words, condition });
  }

  /** Takes an expansion's text out of the budget; false when it is spent. */
  private spend(text: string): boolean {
    if (text.length > this.budget) return false;
    this.budget -= text.length;
    return true;
  }

  /** Re-reads substituted text; its words point back at the line that produced them. */
  private synthetic(text: string, origin: Word[], depth: number, stack: Set<string>, condition?: Condition): void {
    const tree = parseSyntax(text, origin[0].uri);
    // Flattened before the words take the origin's position: items keep the synthetic line breaks.
    const items = flatten(tree.nodes, true);
    const first = origin[0];
    const last = origin[origin.length - 1];
    const range = { start: first.range.start, end: last.range.end };
    for (const w of tree.words) {
      w.origin = first.origin ?? first;
      w.range = range;
      w.start = first.start;
      w.end = last.end;
    }
    const saved = this.queue.length;
    this.items(items, depth, stack);
    // Conditions written before the expansion apply to every line it produced.
    if (condition) {
      for (let i = saved; i < this.queue.length; i++) {
        const e = this.queue[i];
        if (e.t === 'line' && !e.condition) e.condition = condition;
      }
    }
  }

  private include(words: Word[], depth: number, stack: Set<string>, condition?: Condition): void {
    const patternWords = words.slice(1);
    // Words written side by side (`conf.d/` `{` `a,b` `}` `.conf`) are one piece of the pattern.
    let pattern = '';
    patternWords.forEach((w, i) => {
      if (i > 0 && patternWords[i - 1].end !== w.start) pattern += ' ';
      pattern += w.value;
    });
    const ref: IncludeRef = { keyword: words[0], words: patternWords, pattern, targets: [], condition };
    this.out.includes.push(ref);
    if (!pattern || !this.opts.includes || depth >= MAX_INCLUDE_DEPTH) return;
    for (const target of this.opts.includes.resolve(pattern, words[0].uri)) {
      ref.targets.push(target.uri);
      if (stack.has(target.uri)) continue;
      if (!this.out.files.includes(target.uri)) {
        this.out.files.push(target.uri);
        this.out.trees.push(target.tree);
      }
      stack.add(target.uri);
      this.nodes(target.tree.nodes, depth + 1, stack);
      stack.delete(target.uri);
    }
  }
}

function validate(spec: KeywordSpec, args: Word[], head: Word, bind: Binder): LineIssue[] {
  if (spec.forms && spec.forms.length) return matchForms(spec.forms, args, head, bind);
  return matchLine(spec, args, head, bind);
}

function validateValues(spec: KeywordSpec, words: Word[], bind: Binder): LineIssue[] {
  if (spec.valueLineForms && spec.valueLineForms.length) return matchForms(spec.valueLineForms, words, undefined, bind);
  if (spec.valueLine) return matchLine(spec.valueLine, words, undefined, bind);
  return [];
}

class Reader {
  /** The statement whose block made keepalived read later lines at the wrong level. */
  private displacement: Statement | undefined;

  constructor(
    private readonly src: EventSource,
    private readonly out: Interpretation,
    private readonly schema: Schema,
  ) {}

  /**
   * process_stream(): reads statements of the block at `path` until its `}` or the end of input. `owner` is the statement that opened the block (undefined at top level).
   */
  block(path: string, owner: Statement | undefined, needOpen: boolean, into: Statement[]): void {
    const level = owner !== undefined;
    let pendingOpen = needOpen;
    for (let e = this.src.next(); e; e = this.src.next()) {
      if (e.t === 'open') {
        if (pendingOpen) {
          pendingOpen = false;
          if (owner) owner.open = e.brace;
          continue;
        }
        const after = into[into.length - 1];
        this.out.unexpectedOpens.push({ brace: e.brace, after });
        if (after && !this.displacement) this.displacement = after;
        continue;
      }
      if (pendingOpen) {
        pendingOpen = false;
        if (owner) this.out.missingOpens.push(owner);
      }
      if (e.t === 'close') {
        // keepalived reports an unbalanced `}` and still lets it end the current block.
        if (e.stray) this.out.extraCloses.push(e.brace);
        if (level) {
          if (owner) owner.close = e.brace;
          return;
        }
        if (!e.stray) {
          this.out.displacedCloses.push({ brace: e.brace, cause: this.displacement });
          this.displacement = undefined;
        }
        continue;
      }
      const stmt = this.statement(e.words, e.condition, path, owner);
      into.push(stmt);
      if (stmt.spec?.block === 'subkeywords') {
        stmt.children = [];
        this.block(childPath(stmt.spec), stmt, true, stmt.children);
        if (!stmt.close) this.unclosed(stmt);
      } else if (stmt.spec?.block === 'values') {
        this.values(stmt);
      }
    }
    if (level && owner && !owner.close && !this.out.unclosed.includes(owner)) this.unclosed(owner);
  }

  private bind(word: Word, arg: ArgSpec, stmt: Statement, line?: ValueLine): void {
    const t = arg.type;
    if (t.kind === 'name') this.out.symbols.push({ word, role: 'definition', target: t.defines, stmt, line });
    else if (t.kind === 'ref') this.out.symbols.push({ word, role: 'reference', target: t.target, stmt, line });
  }

  private unclosed(s: Statement): void {
    if (!this.out.unclosed.includes(s)) this.out.unclosed.push(s);
  }

  private statement(words: Word[], condition: Condition | undefined, path: string, parent?: Statement): Statement {
    const keyword = words[0];
    const args = words.slice(1);
    const spec = this.schema.lookup(path, keyword.value);
    const stmt: Statement = { keyword, args, spec, path, parent, condition, issues: NO_ISSUES as LineIssue[] };
    if (this.displacement) stmt.displacedBy = this.displacement;
    if (spec) stmt.issues = validate(spec, args, keyword, (word, arg) => this.bind(word, arg, stmt));
    this.out.all.push(stmt);
    return stmt;
  }

  /** alloc_value_block(): the `{`, then value lines up to the `}`. */
  private values(stmt: Statement): void {
    const spec = stmt.spec as KeywordSpec;
    stmt.values = [];
    const first = this.src.peek();
    if (first?.t === 'open') {
      this.src.next();
      stmt.open = first.brace;
    } else {
      this.out.missingOpens.push(stmt);
    }
    for (let e = this.src.next(); e; e = this.src.next()) {
      if (e.t === 'close') {
        if (e.stray) this.out.extraCloses.push(e.brace);
        stmt.close = e.brace;
        return;
      }
      const words = e.t === 'open' ? [e.brace] : e.words;
      const line: ValueLine = { words, condition: e.t === 'line' ? e.condition : undefined, issues: NO_ISSUES as LineIssue[], owner: stmt };
      line.issues = validateValues(spec, words, (word, arg) => this.bind(word, arg, stmt, line));
      stmt.values.push(line);
    }
    this.unclosed(stmt);
  }
}

export function interpret(tree: SyntaxTree, opts: InterpretOptions): Interpretation {
  const out: Interpretation = {
    statements: [],
    all: [],
    definitions: [],
    includes: [],
    unexpectedOpens: [],
    missingOpens: [],
    extraCloses: [],
    displacedCloses: [],
    unclosed: [],
    configIds: new Set(),
    unexpanded: [],
    files: [],
    trees: [],
    symbols: [],
  };
  const src = new EventSource(out, opts);
  src.load(tree);
  new Reader(src, out, opts.schema).block('', undefined, false, out.statements);
  return out;
}
