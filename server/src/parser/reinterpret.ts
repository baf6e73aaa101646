// Re-reading an edited file's meaning from its previous interpretation: only the top-level units
// reparse.ts re-read are interpreted again, and what they produce replaces what the old units
// produced. This is exact when keepalived's state at the units' boundaries is the plain top level:
// no `$NAME` definition, `@ID`, `~SEQ` or expansion anywhere, no include read, no brace that
// displaced the reading, no block skipped as a duplicate name, no limit reached. Otherwise (or
// when the edit brings any of those) the caller interprets the whole file again.
import { interpret, SKIPPED_WHEN_DEFINED } from './interpreter';
import type { Interpretation, InterpretOptions } from './interpretation';
import type { Statement } from './statements';
import type { SyntaxTree, Word } from './syntax';

/** An interpretation whose reading never left the plain top level between units. */
function plain(i: Interpretation): boolean {
  return (
    i.definitions.length === 0 &&
    i.configIds.size === 0 &&
    !i.expanded &&
    i.trees.length === 1 &&
    i.unexpectedOpens.length === 0 &&
    i.missingOpens.length === 0 &&
    i.extraCloses.length === 0 &&
    i.displacedCloses.length === 0 &&
    i.topLevelReads.length === 0 &&
    i.unclosed.length === 0 &&
    i.unexpanded.length === 0 &&
    i.undefinedParameters.length === 0 &&
    i.limits.length === 0 &&
    i.skipped.every((s) => s.skipped !== 'duplicate')
  );
}

/**
 * `old` with the items of the re-read units replaced by `fresh`. Items come in reading order, which
 * in a plain file is text order: those before the units have words before `start`, the units'
 * own are anchored on removed words, and the ones after were moved past the units' new end.
 */
function splice<T>(old: readonly T[], fresh: readonly T[], anchor: (t: T) => Word, removed: ReadonlySet<Word>, start: number): T[] {
  let lo = 0;
  let hi = old.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (anchor(old[mid]).start < start) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < old.length && removed.has(anchor(old[end]))) end++;
  const out = old.slice(0, lo);
  for (const t of fresh) out.push(t);
  for (let i = end; i < old.length; i++) out.push(old[i]);
  return out;
}

/** Whether two blocks of a kind keepalived skips when its name repeats share a name. */
function repeatsName(all: readonly Statement[]): boolean {
  const seen = new Set<string>();
  for (const s of all) {
    const spec = s.spec;
    if (!spec || spec.block !== 'subkeywords' || !s.args[0]) continue;
    const where = spec.path ? `${spec.path}/${spec.keyword}` : spec.keyword;
    if (!SKIPPED_WHEN_DEFINED.has(where)) continue;
    const key = `${where}\u0000${s.args[0].value}`;
    if (seen.has(key)) return true;
    seen.add(key);
  }
  return false;
}

/**
 * The interpretation of `tree` (re-read by reparse.ts from the tree `prev` interpreted), or
 * undefined when it cannot be had from `prev` exactly.
 */
export function reinterpret(prev: Interpretation, tree: SyntaxTree, opts: InterpretOptions): Interpretation | undefined {
  const edit = tree.edit;
  if (!edit || prev.trees[0] !== edit.from || opts.configId !== undefined || !plain(prev)) return undefined;
  const units: SyntaxTree = {
    uri: tree.uri,
    text: tree.text,
    nodes: tree.nodes.slice(edit.firstNode, edit.firstNode + edit.nodeCount),
    comments: [],
    words: [],
    lines: tree.lines,
  };
  const part = interpret(units, opts);
  if (!plain(part) || part.includes.some((r) => r.targets.length > 0)) return undefined;
  const removed = new Set(edit.removedWords);
  const at = edit.start;
  const keyword = (s: Statement) => s.keyword;
  const all = splice(prev.all, part.all, keyword, removed, at);
  if (repeatsName(all)) return undefined;
  return {
    statements: splice(prev.statements, part.statements, keyword, removed, at),
    all,
    definitions: [],
    includes: splice(prev.includes, part.includes, (r) => r.keyword, removed, at),
    unexpectedOpens: [],
    missingOpens: [],
    extraCloses: [],
    displacedCloses: [],
    topLevelReads: [],
    skipped: splice(prev.skipped, part.skipped, keyword, removed, at),
    unclosed: [],
    configIds: new Set(),
    unexpanded: [],
    undefinedParameters: [],
    files: [tree.uri],
    trees: [tree],
    symbols: splice(prev.symbols, part.symbols, (u) => u.word, removed, at),
    limits: [],
  };
}
