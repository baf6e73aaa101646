// Reads a syntax tree the way keepalived's process_stream() does: lines are matched against the
// keywords of the current block, a keyword that opens a block reads the following `{`, and every
// deviation (unknown keyword, `{` where none belongs, missing `{`, extra `}`) is recorded with the
// same consequences keepalived draws from it: e.g. the lines after an unknown keyword's `{` are
// read at the current level, and its `}` ends the enclosing block.
import { childPath, type Schema } from '../schema';
import { matchForms, matchLine, NO_ISSUES, type Binder, type FormMatch, type LineIssue } from './validate-line';
import type { ArgSpec, KeywordSpec } from '../schema/types';
import type { Event, Interpretation, InterpretOptions } from './interpretation';
import { overlap } from './conditions';
import { EventSource } from './line-stream';
import { OtherProcessesReading } from './other-processes';
import type { Condition, Statement, ValueLine } from './statements';
import type { SyntaxNode, SyntaxTree, Word } from './syntax';

export type { IncludeRef, IncludeResolver, IncludeTarget, Interpretation, InterpretOptions, SymbolUse } from './interpretation';

/** Matches a keyword line against its forms (or its one grammar): the form chosen and the issues. */
function validate(spec: KeywordSpec, args: Word[], head: Word, bind: Binder): FormMatch {
  if (spec.forms && spec.forms.length) return matchForms(spec.forms, args, head, bind) ?? { form: spec, issues: NO_ISSUES as LineIssue[] };
  return { form: spec, issues: matchLine(spec, args, head, bind) };
}

function validateValues(spec: KeywordSpec, words: Word[], bind: Binder): FormMatch | undefined {
  if (spec.valueLineForms && spec.valueLineForms.length) return matchForms(spec.valueLineForms, words, undefined, bind);
  if (spec.valueLine) return { form: spec.valueLine, issues: matchLine(spec.valueLine, words, undefined, bind) };
  return undefined;
}

interface Frame {
  path: string;
  owner: Statement | undefined;
  pendingOpen: boolean;
  into: Statement[];
}
/** Kinds whose second definition keepalived reports ("already defined") and skips with skip_block(). */
export const SKIPPED_WHEN_DEFINED = new Set(['vrrp_instance', 'vrrp_sync_group', 'track_group']);
/** Blocks keepalived skips when their address does not parse ("Invalid ... address/port ... - skipping"). */
const SKIPPED_WHEN_INVALID = new Set(['virtual_server', 'virtual_server/real_server']);
/** The keywords of both sets: the one test most block statements need. */
const SKIPPABLE = new Set([...SKIPPED_WHEN_DEFINED, ...SKIPPED_WHEN_INVALID].map((w) => w.slice(w.lastIndexOf('/') + 1)));

class Reader {
  /** Statements of the kinds in SKIPPED_WHEN_DEFINED, by kind and name. */
  private readonly defined = new Map<string, Statement[]>();

  /** The statement whose block made keepalived read later lines at the wrong level. */
  private displacement: Statement | undefined;

  /** The open blocks of the current block() call (innermost last). */
  private stack: Frame[] = [];
  /** Set while a value block's lines are read. */
  private inValues = false;

  constructor(
    private readonly src: EventSource,
    private readonly out: Interpretation,
    private readonly schema: Schema,
    private readonly others: OtherProcessesReading,
    private readonly opts: InterpretOptions,
  ) {}

  private missingOpen(s: Statement): void {
    this.out.missingOpens.push(s);
    this.others.missingOpen(s.keyword);
  }

  /**
   * process_stream(): reads statements of the block at `path` until its `}` or the end of input.
   * `owner` is the statement that opened the block (undefined at top level). Nested blocks are
   * frames of an explicit stack, not recursive calls: keepalived reads files nested thousands deep.
   */
  block(path: string, owner: Statement | undefined, needOpen: boolean, into: Statement[]): void {
    const stack: Frame[] = [{ path, owner, pendingOpen: needOpen, into }];
    this.stack = stack;
    let count = 0;
    for (let e = this.src.next(); e; e = this.src.next()) {
      if ((++count & 4095) === 0 && this.late(e)) break;
      const f = stack[stack.length - 1];
      if (e.t === 'open') {
        if (f.pendingOpen) {
          f.pendingOpen = false;
          if (f.owner) f.owner.open = e.brace;
          continue;
        }
        const after = f.into[f.into.length - 1];
        this.out.unexpectedOpens.push({ brace: e.brace, after });
        if (after && !this.displacement) this.displacement = after;
        continue;
      }
      if (f.pendingOpen) {
        f.pendingOpen = false;
        if (f.owner) this.missingOpen(f.owner);
      }
      if (e.t === 'close') {
        // keepalived reports an unbalanced `}` and still lets it end the current block.
        if (e.stray) this.out.extraCloses.push(e.brace);
        if (f.owner) {
          f.owner.close = e.brace;
          stack.pop();
          continue;
        }
        if (!e.stray) {
          this.out.displacedCloses.push({ brace: e.brace, cause: this.displacement });
          this.displacement = undefined;
        }
        continue;
      }
      const stmt = this.statement(e.words, e.condition, f.path, f.owner);
      f.into.push(stmt);
      if (stmt.spec?.block === 'subkeywords') {
        stmt.children = [];
        stack.push({ path: childPath(stmt.spec), owner: stmt, pendingOpen: true, into: stmt.children });
      } else if (stmt.spec?.block === 'values') {
        this.values(stmt);
      }
    }
    // Blocks still open at the end of the input, innermost first.
    for (let i = stack.length - 1; i >= 0; i--) {
      const o = stack[i].owner;
      if (o && !o.close) this.unclosed(o);
    }
  }

  /** The time budget: past the deadline the rest of the input is left unread (and said so). */
  private late(e: Event): boolean {
    const deadline = this.opts.deadline;
    if (deadline === undefined || Date.now() <= deadline) return false;
    const w = e.t === 'line' ? e.words[0] : e.brace;
    const at = w.origin ?? w;
    this.out.limits.push({
      uri: at.uri,
      range: at.range,
      message: 'The analysis time budget ran out here: this line and the rest of the configuration are not checked.',
    });
    return true;
  }

  /** The statement (and value line) being matched, whose words the one binder records. */
  private bindStmt: Statement | undefined;
  private bindLine: ValueLine | undefined;
  /** One binder for every line matched, not a closure (and its context) made per line. */
  private readonly binder: Binder = (word, arg) => this.bind(word, arg, this.bindStmt as Statement, this.bindLine);

  private bind(word: Word, arg: ArgSpec, stmt: Statement, line?: ValueLine): void {
    const t = arg.type;
    if (t.kind === 'name') this.out.symbols.push({ word, role: 'definition', target: t.defines, stmt, line });
    else if (t.kind === 'ref') this.out.symbols.push({ word, role: 'reference', target: t.target, stmt, line });
  }

  private readonly unclosedSet = new Set<Statement>();

  private unclosed(s: Statement): void {
    if (this.unclosedSet.has(s)) return;
    this.unclosedSet.add(s);
    this.out.unclosed.push(s);
  }

  private statement(words: Word[], condition: Condition | undefined, path: string, parent?: Statement): Statement {
    const keyword = words[0];
    const args = words.slice(1);
    const spec = this.schema.lookup(path, keyword.value);
    // Every field from the start: one object shape for all statements keeps the rules' and
    // features' property reads monomorphic (a file has hundreds of thousands of statements).
    const stmt: Statement = {
      keyword,
      args,
      spec,
      path,
      parent,
      condition,
      children: undefined,
      values: undefined,
      open: undefined,
      close: undefined,
      issues: NO_ISSUES as LineIssue[],
      form: undefined,
      displacedBy: this.displacement,
      skipped: undefined,
    };
    if (spec) {
      this.bindStmt = stmt;
      this.bindLine = undefined;
      const bind = this.binder;
      if (spec.forms && spec.forms.length) {
        const match = validate(spec, args, keyword, bind);
        stmt.issues = match.issues;
        stmt.form = match.form;
      } else {
        // One grammar (most keywords): no match object per statement.
        stmt.issues = matchLine(spec, args, keyword, bind);
        stmt.form = spec;
      }
    }
    this.markSkipped(stmt);
    this.out.all.push(stmt);
    return stmt;
  }

  private markSkipped(stmt: Statement): void {
    const spec = stmt.spec;
    if (!spec || spec.block !== 'subkeywords' || stmt.displacedBy || !SKIPPABLE.has(spec.keyword)) return;
    const where = childPath(spec);
    if (SKIPPED_WHEN_DEFINED.has(where) && stmt.args[0]) {
      const key = `${where}\u0000${stmt.args[0].value}`;
      const earlier = this.defined.get(key) ?? [];
      // `@lb1 vrrp_instance VI_1` and `@lb2 vrrp_instance VI_1` never meet on one node.
      if (earlier.some((e) => overlap(e, stmt))) stmt.skipped = 'duplicate';
      else this.defined.set(key, [...earlier, stmt]);
    } else if (SKIPPED_WHEN_INVALID.has(where)) {
      const address = stmt.args.slice(0, 2);
      const bad = stmt.issues.some((i) => (i.kind === 'invalid-value' || i.kind === 'value-out-of-range') && i.word && address.includes(i.word));
      if (bad && stmt.args[0]?.value !== 'group' && stmt.args[0]?.value !== 'fwmark') stmt.skipped = 'invalid-address';
    }
    if (stmt.skipped) this.out.skipped.push(stmt);
  }

  /** alloc_value_block(): the `{`, then value lines up to the `}`. */
  private values(stmt: Statement): void {
    const spec = stmt.spec as KeywordSpec;
    stmt.values = [];
    this.inValues = true;
    try {
      this.valueLines(stmt, spec);
    } finally {
      this.inValues = false;
    }
  }

  /** Whether the reading is at the top level, between statements (a top-level block is complete). */
  atTopLevel(): boolean {
    return this.stack.length === 1 && !this.stack[0].pendingOpen && !this.stack[0].owner && !this.inValues;
  }

  private valueLines(stmt: Statement, spec: KeywordSpec): void {
    const values = stmt.values as ValueLine[];
    const first = this.src.peek();
    if (first?.t === 'open') {
      this.src.next();
      stmt.open = first.brace;
    } else {
      this.missingOpen(stmt);
    }
    for (let e = this.src.next(); e; e = this.src.next()) {
      if (e.t === 'close') {
        if (e.stray) this.out.extraCloses.push(e.brace);
        stmt.close = e.brace;
        return;
      }
      const words = e.t === 'open' ? [e.brace] : e.words;
      const line: ValueLine = { words, condition: e.t === 'line' ? e.condition : undefined, issues: NO_ISSUES as LineIssue[], form: undefined, owner: stmt };
      this.bindStmt = stmt;
      this.bindLine = line;
      const match = validateValues(spec, words, this.binder);
      if (match) {
        line.issues = match.issues;
        line.form = match.form;
      }
      values.push(line);
    }
    this.unclosed(stmt);
  }
}

function emptyInterpretation(): Interpretation {
  return {
    statements: [],
    all: [],
    definitions: [],
    includes: [],
    unexpectedOpens: [],
    missingOpens: [],
    extraCloses: [],
    displacedCloses: [],
    topLevelReads: [],
    skipped: [],
    unclosed: [],
    configIds: new Set(),
    unexpanded: [],
    undefinedParameters: [],
    files: [],
    trees: [],
    symbols: [],
    limits: [],
  };
}

export function interpret(tree: SyntaxTree, opts: InterpretOptions): Interpretation {
  const out = emptyInterpretation();
  const src = new EventSource(out, opts);
  src.load(tree);
  const others = new OtherProcessesReading(opts.schema, out.topLevelReads);
  src.observer = (e) => others.event(e);
  new Reader(src, out, opts.schema, others, opts).block('', undefined, false, out.statements);
  return out;
}

/**
 * Reads a root file unit by unit (see EventSource.stream) with the one reader that carries
 * keepalived's state across top-level blocks. `rest` runs whenever every block read so far is
 * complete (the reader is at the top level and keepalived's other processes count no braces),
 * before the next unit is read: what `out` holds then may be taken out of it, except the
 * last top-level statement (a `{` after it refers to it). Returns `out` after the last unit.
 */
export function interpretStream(uri: string, units: () => readonly SyntaxNode[] | undefined, opts: InterpretOptions, rest: (out: Interpretation) => void): Interpretation {
  const out = emptyInterpretation();
  const src = new EventSource(out, opts);
  const others = new OtherProcessesReading(opts.schema, out.topLevelReads);
  src.observer = (e) => others.event(e);
  const reader = new Reader(src, out, opts.schema, others, opts);
  src.stream(uri, units, () => {
    if (reader.atTopLevel() && others.atRest()) rest(out);
  });
  reader.block('', undefined, false, out.statements);
  return out;
}
