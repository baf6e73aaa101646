// Shared helpers of the feature tests: a cursor marker in config text, in-memory includes, and
// applying text edits.
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import { readText } from '../../../server/src/model/read';
import type { ConfigModel } from '../../../server/src/model/types';
import type { IncludeResolver } from '../../../server/src/parser/interpreter';
import { parseSyntax } from '../../../server/src/parser/syntax-builder';
import { LineIndex } from '../../../server/src/features/util';

export const URI = 'file:///etc/keepalived/keepalived.conf';

/** Removes the `|` cursor marker and returns the text and the cursor position. */
export function cursor(marked: string): { text: string; pos: Position } {
  const i = marked.indexOf('|');
  if (i < 0) throw new Error('no | marker');
  const text = marked.slice(0, i) + marked.slice(i + 1);
  return { text, pos: new LineIndex(text).positionAt(i) };
}

/** A resolver over in-memory files, keyed by their path under file:///etc/keepalived/. */
export function memoryIncludes(files: Record<string, string>): IncludeResolver {
  return {
    resolve(pattern: string) {
      const re = new RegExp('^' + pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '.') + '$');
      return Object.keys(files)
        .filter((f) => re.test(f))
        .sort()
        .map((f) => ({ uri: `file:///etc/keepalived/${f}`, tree: parseSyntax(files[f], `file:///etc/keepalived/${f}`) }));
    },
  };
}

export function model(text: string, files?: Record<string, string>, uri = URI): ConfigModel {
  return readText(text, uri, files ? { includes: memoryIncludes(files) } : {});
}

/** A model of marked text, and the cursor. */
export function at(marked: string, files?: Record<string, string>): { m: ConfigModel; pos: Position; text: string } {
  const { text, pos } = cursor(marked);
  return { m: model(text, files), pos, text };
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ix = new LineIndex(text);
  const list = edits.map((e) => ({ s: ix.offsetAt(e.range.start), e: ix.offsetAt(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of list) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

/** The text a range covers. */
export function slice(text: string, r: Range): string {
  const ix = new LineIndex(text);
  return text.slice(ix.offsetAt(r.start), ix.offsetAt(r.end));
}

export function pos(line: number, character: number): Position {
  return { line, character };
}
