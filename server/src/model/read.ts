// Reading a node's root file (with its includes) into the typed model:
// text → syntax tree → interpretation → model. No rule runs here.
import { interpret, type IncludeResolver } from '../parser/interpreter';
import { reinterpret } from '../parser/reinterpret';
import type { SyntaxTree } from '../parser/syntax';
import { parseSyntax } from '../parser/syntax-builder';
import { SCHEMA, type Schema } from '../schema';
import { buildModel } from './build';
import type { ConfigModel } from './types';

export interface ReadOptions {
  schema?: Schema;
  includes?: IncludeResolver;
  /** Read as `keepalived -i ID` would. */
  configId?: string;
  /** Date.now() after which reading stops (the analysis time budget). */
  deadline?: number;
  /**
   * The model of the text before an edit, when `tree` was re-read from that model's tree
   * (parser/reparse.ts): only the re-read units are interpreted again when that is exact.
   */
  previous?: ConfigModel;
}

export function readModel(tree: SyntaxTree, opts: ReadOptions = {}): ConfigModel {
  const schema = opts.schema ?? SCHEMA;
  const io = { schema, includes: opts.includes, configId: opts.configId, deadline: opts.deadline };
  const prev = opts.previous;
  const again = prev && prev.configId === opts.configId && !opts.schema ? reinterpret(prev.interp, tree, io) : undefined;
  return buildModel(tree, again ?? interpret(tree, io), opts.configId);
}

export function readText(text: string, uri: string, opts: ReadOptions = {}): ConfigModel {
  return readModel(parseSyntax(text, uri), opts);
}
