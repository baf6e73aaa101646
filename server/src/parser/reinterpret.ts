// Re-reading an edited file's meaning from its previous interpretation: only the top-level units
// reparse.ts re-read are interpreted again, and what they produce replaces what the old units
// produced. This is exact when keepalived's state at the units' boundaries is the plain top level:
// no `$NAME` definition, `@ID`, `~SEQ` or expansion anywhere (included files too), no brace that
// displaced the reading, no block skipped as a duplicate name, no limit reached, the re-read units
// include nothing, and every file the others include is still the one read. Otherwise (or when the
// edit brings any of those) the caller interprets the whole file again.
import { interpret, SKIPPED_WHEN_DEFINED } from './interpreter';
import type { Interpretation, InterpretOptions } from './interpretation';
import type { Statement } from './statements';
import { firstAtLeast, type SyntaxTree, type Word } from './syntax';

/** An interpretation whose reading never left the plain top level between units. */
function plain(i: Interpretation): boolean {
  return (
    i.definitions.length === 0 &&
    i.configIds.size === 0 &&
    !i.expanded &&
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
 * `old` with the items of the re-read units replaced by `fresh`. Items come in reading order: the
 * file's own items in text order, an included file's where its include line is. Those before the
 * units have words of `uri` before `start`; the units' own are anchored on removed words; the
 * file's items after them were moved past the units' new end.
 */
function splice<T>(old: readonly T[], fresh: readonly T[], anchor: (t: T) => Word, removed: ReadonlySet<Word>, uri: string, start: number, single: boolean): T[] {
  let lo = 0;
  // One file: the anchors are in text order, so the place is found by bisection.
  if (single) lo = firstAtLeast(old, (t) => anchor(t).start, start);
  else {
    while (lo < old.length && !(anchor(old[lo]).uri === uri && (anchor(old[lo]).start >= start || removed.has(anchor(old[lo]))))) lo++;
  }
  let end = lo;
  while (end < old.length && removed.has(anchor(old[end]))) end++;
  const out = old.slice(0, lo);
  for (const t of fresh) out.push(t);
  for (let i = end; i < old.length; i++) out.push(old[i]);
  return out;
}

/** Whether every include of `prev` still matches the files, with the trees, it read then. */
function includesCurrent(prev: Interpretation, opts: InterpretOptions): boolean {
  if (prev.trees.length === 1) return true;
  if (!opts.includes) return false;
  const read = new Set(prev.trees);
  for (const ref of prev.includes) {
    if (!ref.pattern || ref.truncated) continue;
    const now = opts.includes.resolve(ref.pattern, ref.keyword.uri);
    if (now.length !== ref.targets.length) return false;
    for (let i = 0; i < now.length; i++) {
      const t = now[i];
      if (t.uri !== ref.targets[i]) return false;
      if (t.tree ? !read.has(t.tree) : !ref.refused.some((r) => r.uri === t.uri && r.reason === t.refused)) return false;
    }
  }
  return true;
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
  if (!plain(part) || part.trees.length > 1 || part.includes.some((r) => r.targets.length > 0)) return undefined;
  const removed = new Set(edit.removedWords);
  // Files the old units included were read in the middle of them: their items cannot be told apart.
  if (prev.includes.some((r) => r.targets.length > 0 && removed.has(r.keyword))) return undefined;
  if (!includesCurrent(prev, opts)) return undefined;
  const single = prev.trees.length === 1;
  const place = <T>(old: readonly T[], fresh: readonly T[], anchor: (t: T) => Word) => splice(old, fresh, anchor, removed, tree.uri, edit.start, single);
  const keyword = (s: Statement) => s.keyword;
  const all = place(prev.all, part.all, keyword);
  if (repeatsName(all)) return undefined;
  return {
    statements: place(prev.statements, part.statements, keyword),
    all,
    definitions: [],
    includes: place(prev.includes, part.includes, (r) => r.keyword),
    unexpectedOpens: [],
    missingOpens: [],
    extraCloses: [],
    displacedCloses: [],
    topLevelReads: [],
    skipped: place(prev.skipped, part.skipped, keyword),
    unclosed: [],
    configIds: new Set(),
    unexpanded: [],
    undefinedParameters: [],
    files: [tree.uri, ...prev.files.slice(1)],
    trees: [tree, ...prev.trees.slice(1)],
    symbols: place(prev.symbols, part.symbols, (u) => u.word),
    limits: [],
  };
}
