// Reading a node's root file (with its includes) into the typed model:
// text → syntax tree → interpretation → model. No rule runs here.
import { interpret, type IncludeResolver } from '../parser/interpreter';
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
}

export function readModel(tree: SyntaxTree, opts: ReadOptions = {}): ConfigModel {
  const schema = opts.schema ?? SCHEMA;
  const interp = interpret(tree, { schema, includes: opts.includes, configId: opts.configId });
  return buildModel(tree, interp, opts.configId);
}

export function readText(text: string, uri: string, opts: ReadOptions = {}): ConfigModel {
  return readModel(parseSyntax(text, uri), opts);
}
