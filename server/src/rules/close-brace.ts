// The quick fixes that add a missing '}': one inserted line, no other text touched.
import type { Fix } from './finding';
import type { ConfigModel } from '../model/types';
import { LineIndex } from '../parser/line-index';
import type { Statement } from '../parser/statements';
import type { SyntaxTree } from '../parser/syntax';
import { blockName } from './text';

interface FileLines {
  lines: string[];
  eol: string;
}

/** Each tree's lines, split once: a broken file asks for them once per finding. */
const split = new WeakMap<SyntaxTree, FileLines>();

function fileLines(model: ConfigModel, uri: string): FileLines | undefined {
  const tree = model.interp.trees.find((t) => t.uri === uri);
  if (!tree) return undefined;
  let f = split.get(tree);
  if (!f) {
    // Lines as the parser counts them (a lone CR ends one too), so ranges index them.
    const ix = tree.lines?.index ?? new LineIndex(tree.text);
    const lines = Array.from({ length: ix.lineCount }, (_, l) => tree.text.slice(ix.lineStart(l), ix.lineEnd(l)));
    split.set(tree, (f = { lines, eol: /\r\n/.test(tree.text) ? '\r\n' : '\n' }));
  }
  return f;
}

const indentOf = (f: FileLines, s: Statement) => ((f.lines[s.keyword.range.start.line] ?? '').match(/^[ \t]*/) ?? [''])[0];

/**
 * Closes `block` on a line of its own before `next` (a statement keepalived read inside it);
 * blank and comment lines just above `next` stay with it.
 */
export function closeBefore(model: ConfigModel, block: Statement, next: Statement): Fix | undefined {
  const f = fileLines(model, next.keyword.uri);
  if (!f || !block.open || block.keyword.origin || next.keyword.origin || next.keyword.uri !== block.keyword.uri) return undefined;
  let line = next.keyword.range.start.line;
  if ((f.lines[line] ?? '').slice(0, next.keyword.range.start.character).trim() !== '') return undefined;
  while (line - 1 > block.open.range.start.line && /^\s*(?:[#!].*)?$/.test(f.lines[line - 1] ?? '')) line--;
  const at = { line, character: 0 };
  return {
    title: `Add '}' before line ${line + 1} (to end '${blockName(block)}' before '${next.keyword.value}')`,
    edits: [{ uri: next.keyword.uri, range: { start: at, end: at }, newText: `${indentOf(f, block)}}${f.eol}` }],
    preferred: true,
  };
}

/** Closes `block` at the end of its file, where keepalived ends it anyway. */
export function closeAtEnd(model: ConfigModel, block: Statement): Fix | undefined {
  const open = block.open;
  const f = open ? fileLines(model, open.uri) : undefined;
  if (!open || !f || open.origin || block.keyword.origin) return undefined;
  const last = f.lines.length - 1;
  const end = { line: last, character: f.lines[last].length };
  return {
    title: `Add '}' at the end of the file (to end '${blockName(block)}')`,
    edits: [{ uri: open.uri, range: { start: end, end }, newText: `${f.lines[last].length ? f.eol : ''}${indentOf(f, block)}}${f.eol}` }],
  };
}
