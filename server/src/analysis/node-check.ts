// Checks a set of node configs given together (the CLI's files, or one cluster in the server).
import type { ConfigModel } from '../model/types';
import type { IncludeResolver } from '../parser/interpreter';
import type { SyntaxTree } from '../parser/syntax';
import { readModel } from '../model/read';
import { checkModel, type CheckOptions } from './analyze';
import type { Finding } from '../rules/finding';

export interface NodeInput {
  tree: SyntaxTree;
}

export interface CheckedNode {
  model: ConfigModel;
  findings: Finding[];
}

export function checkNodes(nodes: readonly NodeInput[], includes: IncludeResolver, opts: CheckOptions = {}): CheckedNode[] {
  return nodes.map((n) => {
    const model = readModel(n.tree, { schema: opts.schema, includes });
    return { model, findings: checkModel(model, opts) };
  });
}
