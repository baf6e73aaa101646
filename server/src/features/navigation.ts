// Go to definition, find references and rename for the names a configuration defines and uses
// (vrrp_script, vrrp_instance, vrrp_track_process, track_file, virtual_server_group... as the
// interpreter binds them) and for `$NAME` parameters, across the files of one node (the root and
// its includes). Definition on an include line goes to the included files.
import type { Location, Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ConfigModel } from '../model/types';
import type { IncludeRef } from '../parser/interpreter';
import type { Word } from '../parser/syntax';
import type { RefTarget } from '../schema/types';
import { definitionNameRange, definitionRange, lineIndex, paramAt, paramRefs, sameRange, symbolAtWord, treeOf, wordAt, written } from './util';

export type NavTarget =
  | { kind: 'param'; name: string }
  | { kind: 'symbol'; target: RefTarget; name: string }
  | { kind: 'include'; ref: IncludeRef };

/** Raised by rename for a name keepalived could not read back as one word. */
export class RenameError extends Error {}

/** What the cursor is on, for navigation. */
export function navTarget(model: ConfigModel, uri: string, pos: Position): NavTarget | undefined {
  const tree = treeOf(model, uri);
  if (!tree) return undefined;
  const p = paramAt(tree, pos);
  if (p) return { kind: 'param', name: p.name };
  const w = wordAt(tree, pos);
  if (!w || w.kind === 'brace') return undefined;
  const inc = model.interp.includes.find((i) => i.keyword === w || i.words.includes(w));
  if (inc) return { kind: 'include', ref: inc };
  const sym = symbolAtWord(model, w);
  if (sym) return { kind: 'symbol', target: sym.target, name: w.value };
  return undefined;
}

interface Occurrence {
  uri: string;
  /** The whole written text (`$NAME`, the name word). */
  range: Range;
  /** What a rename replaces; undefined when the text cannot be renamed in place. */
  nameRange?: Range;
  definition: boolean;
}

function innerRange(w: Word): Range {
  if (w.kind !== 'quoted') return w.range;
  return {
    start: { line: w.range.start.line, character: w.range.start.character + 1 },
    end: { line: w.range.end.line, character: w.range.end.character - 1 },
  };
}

function paramOccurrences(model: ConfigModel, name: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (const d of model.interp.definitions) {
    if (d.name !== name || !written(d.word)) continue;
    out.push({ uri: d.word.uri, range: definitionRange(d.word), nameRange: definitionNameRange(d.word), definition: true });
  }
  for (const tree of model.interp.trees) {
    const ix = lineIndex(tree);
    for (const w of tree.words) {
      for (const r of paramRefs(w, ix)) {
        if (r.name === name) out.push({ uri: r.uri, range: r.range, nameRange: r.nameRange, definition: false });
      }
    }
  }
  return out;
}

function symbolOccurrences(model: ConfigModel, target: RefTarget, name: string): Occurrence[] {
  const out: Occurrence[] = [];
  for (const s of model.interp.symbols) {
    if (s.target !== target || s.word.value !== name) continue;
    const w = s.word;
    out.push({ uri: w.uri, range: w.range, nameRange: written(w) ? innerRange(w) : undefined, definition: s.role === 'definition' });
  }
  return out;
}

function occurrences(model: ConfigModel, t: NavTarget): Occurrence[] {
  const list = t.kind === 'param' ? paramOccurrences(model, t.name) : t.kind === 'symbol' ? symbolOccurrences(model, t.target, t.name) : [];
  const out: Occurrence[] = [];
  for (const o of list) if (!out.some((x) => x.uri === o.uri && sameRange(x.range, o.range))) out.push(o);
  return out;
}

/** Where the thing at the cursor is defined; for an include line, the files it reads. */
export function definition(model: ConfigModel, uri: string, pos: Position): Location[] {
  const t = navTarget(model, uri, pos);
  if (!t) return [];
  if (t.kind === 'include') {
    const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return t.ref.targets.map((u) => ({ uri: u, range: zero }));
  }
  return occurrences(model, t)
    .filter((o) => o.definition)
    .map((o) => ({ uri: o.uri, range: o.range }));
}

/** Every use of the name at the cursor (and its definitions when `includeDeclaration`). */
export function references(model: ConfigModel, uri: string, pos: Position, includeDeclaration = true): Location[] {
  const t = navTarget(model, uri, pos);
  if (!t || t.kind === 'include') return [];
  return occurrences(model, t)
    .filter((o) => includeDeclaration || !o.definition)
    .map((o) => ({ uri: o.uri, range: o.range }));
}

/** The range and current text of the name at the cursor, or null when nothing there can be renamed. */
export function prepareRename(model: ConfigModel, uri: string, pos: Position): { range: Range; placeholder: string } | null {
  const tree = treeOf(model, uri);
  const t = navTarget(model, uri, pos);
  if (!tree || !t || t.kind === 'include') return null;
  if (t.kind === 'param') {
    const p = paramAt(tree, pos);
    return p ? { range: p.nameRange, placeholder: p.name } : null;
  }
  const w = wordAt(tree, pos);
  if (!w || !written(w)) return null;
  return { range: innerRange(w), placeholder: w.value };
}

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** One word keepalived reads back unchanged: no blanks, braces, quotes, comment starts or `$`. */
const OBJECT_NAME = /^[^\s{}"#!$\\]+$/;

/** Checks a new name; returns the problem, or undefined when it is fine. */
export function checkNewName(t: NavTarget, newName: string): string | undefined {
  if (t.kind === 'param') return PARAM_NAME.test(newName) ? undefined : `'${newName}' is not a parameter name: use letters, digits and '_', not starting with a digit.`;
  if (t.kind === 'symbol') return OBJECT_NAME.test(newName) ? undefined : `'${newName}' cannot be a ${t.target} name: it must be one word without blanks, braces, quotes, '#', '!', '$' or '\\'.`;
  return 'Include patterns cannot be renamed.';
}

/**
 * Renames the name at the cursor everywhere in the node's files. Returns null when nothing at the
 * cursor can be renamed; throws RenameError for an invalid new name.
 */
export function rename(model: ConfigModel, uri: string, pos: Position, newName: string): WorkspaceEdit | null {
  const t = navTarget(model, uri, pos);
  if (!t || t.kind === 'include') return null;
  const problem = checkNewName(t, newName);
  if (problem) throw new RenameError(problem);
  const changes: { [uri: string]: TextEdit[] } = {};
  for (const o of occurrences(model, t)) {
    if (!o.nameRange) continue;
    (changes[o.uri] ??= []).push({ range: o.nameRange, newText: newName });
  }
  return { changes };
}
