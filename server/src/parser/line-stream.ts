// The lines keepalived reads, in order: read_line()'s work before any keyword is matched. `@ID`
// conditions, `$NAME=` definitions and their substitution, `~SEQ`/`~LST` repetition and includes
// turn a syntax tree into a stream of lines and braces, each word still pointing at its source.
import { MAX_EXPANSION_CHARS, MAX_INCLUDED_FILES, MAX_INCLUDE_DEPTH, MAX_INCLUDE_EXPANSIONS } from '../limits';
import {
  conditionHolds,
  isIncludeKeyword,
  unexpandedNames,
  parseCondition,
  parseDefinition,
  parseSequence,
  substituteMapped,
  OVER_BUDGET,
  type Definition,
  type Piece,
} from './preprocess';
import type { Event, IncludeRef, IncludeTarget, Interpretation, InterpretOptions } from './interpretation';
import type { Condition } from './statements';
import { firstAtLeast, type SyntaxNode, type SyntaxTree, type Word } from './syntax';
import { parseSyntax } from './syntax-builder';

/** `${NAME}` / `${NAME params}`, as keepalived substitutes it. */
const BRACED_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:[ \t][^}]*)?\}/g;
/** What keepalived defines itself (set_std_definitions()). */
const STANDARD_DEFINITIONS = new Set(['_PWD', '_INSTANCE', '_RANDOM', '_HASH', '_BANG']);

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
  // An explicit stack, not recursion: a file may nest thousands of blocks.
  const stack: { nodes: readonly SyntaxNode[]; i: number; close?: Word }[] = [{ nodes, i: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.i >= top.nodes.length) {
      stack.pop();
      if (top.close) push({ t: 'close', brace: top.close, stray: false });
      continue;
    }
    const n = top.nodes[top.i++];
    if (n.kind === 'line') push({ t: 'line', words: n.words });
    else if (n.kind === 'block') {
      push({ t: 'open', brace: n.open });
      stack.push({ nodes: n.children, i: 0, close: n.close });
    } else push({ t: 'close', brace: n.brace, stray: true });
  }
  return out;
}

/** The first word of a list of nodes (a line's, a block's `{`, a stray `}`). */
function firstWord(nodes: readonly SyntaxNode[]): Word | undefined {
  const n = nodes[0];
  return n.kind === 'line' ? n.words[0] : n.kind === 'block' ? n.open : n.brace;
}

const NO_ITEMS: Item[] = [];

/** Whether a word of the line holds a `$` (a `$NAME` or `${NAME}` to expand or to report). */
function hasDollar(words: readonly Word[]): boolean {
  for (const w of words) if (w.text.indexOf('$') >= 0) return true;
  return false;
}

function itemWords(it: Item): Word[] {
  return it.t === 'line' ? it.words : [it.brace];
}

export class EventSource {
  private readonly queue: Event[] = [];
  private pos = 0;
  private budget = MAX_EXPANSION_CHARS;
  /** File contents read into this node so far (the root counts as one). */
  private includeReads = 1;
  private readonly fileSet = new Set<string>();
  /** Include patterns already resolved, by including file and pattern: each is globbed once. */
  private readonly resolved = new Map<string, IncludeTarget[]>();
  private readonly limitsHit = new Set<string>();
  readonly defs = new Map<string, string>();
  /** The written definition behind each name of `defs` (none for `~SEQ` variables). */
  private readonly defWords = new Map<string, Definition>();
  /** Sees every event as it is read (keepalived's other processes read the same lines). */
  observer?: (e: Event) => void;

  constructor(
    private readonly out: Interpretation,
    private readonly opts: InterpretOptions,
  ) {}

  /** Where the root file's next top-level unit comes from, when the root is read unit by unit. */
  private units?: () => readonly SyntaxNode[] | undefined;
  private rootStack?: Set<string>;
  /** Runs each time the queue runs dry, before the next unit of the root file is read. */
  private dry?: () => void;

  /** Flattens the tree (and its includes) into events up front. */
  load(tree: SyntaxTree): void {
    this.out.files.push(tree.uri);
    this.fileSet.add(tree.uri);
    this.out.trees.push(tree);
    this.nodes(tree.nodes, 0, new Set([tree.uri]));
  }

  /**
   * Reads the root file `uri` one top-level unit at a time: `units` gives the syntax nodes of the
   * next unit (whole lines, so that an `@ID`, `~SEQ` or include line keeps the rest of its line),
   * undefined at the end; `dry` runs whenever the queue is empty, before the next unit is read.
   * The root's tree is not listed in `trees`: the caller holds its text.
   */
  stream(uri: string, units: () => readonly SyntaxNode[] | undefined, dry?: () => void): void {
    this.out.files.push(uri);
    this.fileSet.add(uri);
    this.units = units;
    this.dry = dry;
    this.rootStack = new Set([uri]);
  }

  /** Queues the root's next units until an event is queued or the root is read. */
  private refill(): void {
    while (this.units && this.pos >= this.queue.length) {
      this.queue.length = 0;
      this.pos = 0;
      this.dry?.();
      const nodes = this.units();
      if (!nodes) {
        this.units = undefined;
        return;
      }
      if (nodes.length === 0) continue;
      const first = firstWord(nodes);
      if (first && this.late(first)) {
        this.units = undefined;
        return;
      }
      this.nodes(nodes, 0, this.rootStack as Set<string>);
    }
  }

  /** Records a limit once per kind: the first place it stopped the reading. */
  private limit(kind: string, at: Word, message: string): void {
    if (this.limitsHit.has(kind)) return;
    this.limitsHit.add(kind);
    const w = at.origin ?? at;
    this.out.limits.push({ uri: w.uri, range: w.range, message });
  }

  private late(at: Word): boolean {
    if (this.opts.deadline === undefined || Date.now() <= this.opts.deadline) return false;
    this.limit('time', at, 'The analysis time budget ran out here: this line and the rest of the configuration are not checked.');
    return true;
  }

  next(): Event | undefined {
    if (this.pos >= this.queue.length) this.refill();
    const e = this.pos < this.queue.length ? this.queue[this.pos++] : undefined;
    if (e && this.observer) this.observer(e);
    return e;
  }

  peek(): Event | undefined {
    if (this.pos >= this.queue.length) this.refill();
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
      if ((i & 1023) === 1023 && this.late(itemWords(it)[0])) return;
      if (it.t !== 'line') {
        // The item is the event (a brace needs nothing else).
        this.queue.push(it);
        continue;
      }
      const kind = it.words[0].kind;
      if (kind !== 'conditional' && kind !== 'seq' && kind !== 'definition' && !isIncludeKeyword(it.words[0].value) && !hasDollar(it.words)) {
        // Most lines: nothing to define, expand, repeat or include. The item is the event.
        if (inherited) this.queue.push({ t: 'line', words: it.words, condition: inherited });
        else this.queue.push(it);
        continue;
      }
      let tail: Item[] = NO_ITEMS;
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
        this.defWords.set(def.name, def);
      }
    } else if (first?.kind === 'seq') {
      const seq = parseSequence(first.value);
      const template = [...words.slice(1), ...tail.flatMap(itemWords)];
      tail = [];
      if (seq && template.length > 0) {
        const text = template.map((w) => w.text).join(' ');
        for (const row of seq.rows) {
          for (const [k, v] of row) {
            this.defs.set(k, v);
            this.defWords.delete(k);
          }
          // Each row costs at least the scan of the template: charged before the work is done.
          if (depth >= MAX_INCLUDE_DEPTH || !this.spend(text.length, first) || this.late(first)) break;
          const r = substituteMapped(text, this.defs, this.budget);
          if (r === OVER_BUDGET) {
            this.overBudget(first);
            break;
          }
          const t = r?.text ?? text;
          if (r && !this.spend(t.length, first)) break;
          this.synthetic(t, template, depth + 1, stack, condition, r?.pieces);
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
      const r = depth < MAX_INCLUDE_DEPTH ? substituteMapped(text, this.defs, this.budget) : undefined;
      if (r === OVER_BUDGET) this.overBudget(words[0]);
      else if (r !== undefined && r.text !== text && this.spend(r.text.length, words[0])) {
        this.synthetic(r.text, words, depth + 1, stack, condition, r.pieces);
        return;
      }
    }
    if (isIncludeKeyword(words[0].value)) {
      this.include(words, depth, stack, condition);
      return;
    }
    if (this.splitUndefined(words, depth, stack, condition)) return;
    this.queue.push({ t: 'line', words, condition });
  }

  /**
   * `${NAME}` with no `$NAME=` before it: keepalived leaves it as written, then splits the line at
   * its braces like any other (`unicast_src_ip $`, `{`, `NAME`, `}`), so its `}` ends the enclosing
   * block. The line is re-read split that way (an envsubst template read as it is gets this).
   */
  private splitUndefined(words: Word[], depth: number, stack: Set<string>, condition: Condition | undefined): boolean {
    let found = false;
    for (const w of words) {
      if (w.kind !== 'word' || w.origin || !w.text.includes('${')) continue;
      for (const m of w.text.matchAll(BRACED_REF)) {
        if (this.defs.has(m[1]) || STANDARD_DEFINITIONS.has(m[1])) continue;
        this.out.undefinedParameters.push({ word: w, name: m[1] });
        found = true;
      }
    }
    if (!found || depth >= MAX_INCLUDE_DEPTH) return false;
    const text = words
      .map((w) => (w.kind === 'word' ? w.text.replace(BRACED_REF, (all: string, name: string) => (this.defs.has(name) || STANDARD_DEFINITIONS.has(name) ? all : `$ { ${all.slice(2, -1)} } `)) : w.text))
      .join(' ');
    if (!this.spend(text.length, words[0])) return false;
    // Rewritten text: its words map back to nothing a fix could edit precisely.
    this.synthetic(text, words, depth + 1, stack, condition, []);
    return true;
  }

  /** Takes characters of expansion out of the budget; false (and a limit hit) when it is spent. */
  private spend(chars: number, at: Word): boolean {
    if (chars > this.budget) {
      this.overBudget(at);
      return false;
    }
    this.budget -= chars;
    return true;
  }

  private overBudget(at: Word): void {
    this.budget = 0;
    this.limit(
      'expansion',
      at,
      `$NAME, ~SEQ and ~LST expansion stopped here: it would produce more than ${MAX_EXPANSION_CHARS.toLocaleString('en-US')} characters. This line and the expansions after it are read as written.`,
    );
  }

  /** Re-reads substituted text; its words point back at the line that produced them. */
  private synthetic(text: string, origin: Word[], depth: number, stack: Set<string>, condition?: Condition, pieces?: Piece[]): void {
    const tree = parseSyntax(text, origin[0].uri);
    this.out.expanded = true;
    // Flattened before the words take the origin's position: items keep the synthetic line breaks.
    const items = flatten(tree.nodes, true);
    const first = origin[0];
    const last = origin[origin.length - 1];
    const range = { start: first.range.start, end: last.range.end };
    const sources = new SourceMap(origin, pieces ?? [{ at: 0, length: text.length, from: 0 }], this.defWords);
    for (const w of tree.words) {
      const src = sources.of(w.start, w.end);
      if (src) w.source = src;
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
    const ref: IncludeRef = { keyword: words[0], words: patternWords, pattern, targets: [], refused: [], condition };
    this.out.includes.push(ref);
    if (!pattern || !this.opts.includes) return;
    if (depth >= MAX_INCLUDE_DEPTH) {
      ref.truncated = true;
      this.limit('include-depth', words[0], `Includes nest deeper than ${MAX_INCLUDE_DEPTH} files here (an include loop?): this include is not followed.`);
      return;
    }
    if (this.late(words[0])) {
      ref.truncated = true;
      return;
    }
    const key = `${words[0].uri}\0${pattern}`;
    let targets = this.resolved.get(key);
    if (!targets) this.resolved.set(key, (targets = this.opts.includes.resolve(pattern, words[0].uri)));
    for (const target of targets) {
      ref.targets.push(target.uri);
      if (target.tree === undefined) {
        ref.refused.push({ uri: target.uri, reason: target.refused, size: target.size });
        continue;
      }
      if (stack.has(target.uri)) continue;
      if (!this.fileSet.has(target.uri)) {
        if (this.fileSet.size >= MAX_INCLUDED_FILES) {
          ref.truncated = true;
          this.limit('include-files', words[0], `This node already includes ${MAX_INCLUDED_FILES} files: the files this include adds are not read.`);
          continue;
        }
        this.fileSet.add(target.uri);
        this.out.files.push(target.uri);
        this.out.trees.push(target.tree);
      }
      if (++this.includeReads > MAX_INCLUDE_EXPANSIONS) {
        ref.truncated = true;
        this.limit(
          'include-reads',
          words[0],
          `Files were included ${MAX_INCLUDE_EXPANSIONS} times into this node (files that include each other multiply): this include and the later ones are not followed.`,
        );
        return;
      }
      stack.add(target.uri);
      this.nodes(target.tree.nodes, depth + 1, stack);
      stack.delete(target.uri);
    }
  }
}

/**
 * Maps the words of substituted text back to the written text they were copied from: a piece of
 * the line itself (through the line's words, written or themselves mapped) or of a definition's
 * value. A word made of several pieces (`${A}b`) maps nowhere: no fix can edit it precisely.
 */
class SourceMap {
  private readonly starts: number[] = [];

  constructor(
    private readonly origin: readonly Word[],
    private readonly pieces: readonly Piece[],
    private readonly defs: ReadonlyMap<string, Definition>,
  ) {
    let at = 0;
    for (const w of origin) {
      this.starts.push(at);
      at += w.text.length + 1;
    }
  }

  of(start: number, end: number): Word['source'] {
    const p = this.pieces[firstAtLeast(this.pieces, (q) => q.at, start + 1) - 1];
    if (!p || start >= p.at + p.length || end > p.at + p.length) return undefined;
    if ('name' in p) {
      const def = this.defs.get(p.name);
      if (!def || def.word.origin) return undefined;
      const m = /^\$[A-Za-z_][A-Za-z0-9_]*[ \t]*=[ \t]*/.exec(def.word.text);
      // Only a value written as it is read (one line, no comment) maps character by character.
      if (!m || !def.word.text.startsWith(def.value, m[0].length) || def.value.includes('\n')) return undefined;
      return { anchor: def.word, offset: m[0].length + start - p.at, length: end - start };
    }
    const from = p.from + start - p.at;
    const k = firstAtLeast(this.starts, (at) => at, from + 1) - 1;
    const w = this.origin[k];
    if (!w) return undefined;
    const offset = from - this.starts[k];
    if (offset + end - start > w.text.length) return undefined;
    if (!w.origin) return { anchor: w, offset, length: end - start };
    if (!w.source || w.source.length !== w.text.length) return undefined;
    return { anchor: w.source.anchor, offset: w.source.offset + offset, length: end - start };
  }
}
