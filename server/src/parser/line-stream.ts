// The lines keepalived reads, in order: read_line()'s work before any keyword is matched. `@ID`
// conditions, `$NAME=` definitions and their substitution, `~SEQ`/`~LST` repetition and includes
// turn a syntax tree into a stream of lines and braces, each word still pointing at its source.
import {
  conditionHolds,
  isIncludeKeyword,
  unexpandedNames,
  parseCondition,
  parseDefinition,
  parseSequence,
  substitute,
} from './preprocess';
import type { Event, IncludeRef, Interpretation, InterpretOptions } from './interpretation';
import type { Condition } from './statements';
import type { SyntaxNode, SyntaxTree, Word } from './syntax';
import { parseSyntax } from './syntax-builder';

const MAX_INCLUDE_DEPTH = 16;
/** `${NAME}` / `${NAME params}`, as keepalived substitutes it. */
const BRACED_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:[ \t][^}]*)?\}/g;
/** What keepalived defines itself (set_std_definitions()). */
const STANDARD_DEFINITIONS = new Set(['_PWD', '_INSTANCE', '_RANDOM', '_HASH', '_BANG']);
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

export class EventSource {
  private readonly queue: Event[] = [];
  private pos = 0;
  private budget = MAX_EXPANSION;
  readonly defs = new Map<string, string>();
  /** Sees every event as it is read (keepalived's other processes read the same lines). */
  observer?: (e: Event) => void;

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
    const e = this.pos < this.queue.length ? this.queue[this.pos++] : undefined;
    if (e && this.observer) this.observer(e);
    return e;
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
    if (!this.spend(text)) return false;
    this.synthetic(text, words, depth + 1, stack, condition);
    return true;
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
