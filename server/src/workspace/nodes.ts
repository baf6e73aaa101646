// A node is one keepalived host's configuration: a root file with its includes, read for one
// `-i ID` when the file uses `@ID` lines (one file can then describe several nodes).
import { posix as path } from 'node:path';
import { readModel } from '../model/read';
import type { ConfigModel } from '../model/types';
import type { IncludeResolver } from '../parser/interpreter';
import type { SyntaxTree } from '../parser/syntax';
import { uriToPath } from './include-resolver';

export interface Node {
  /** uri, plus `#ID` for a node read with `-i ID`. */
  id: string;
  uri: string;
  label: string;
  model: ConfigModel;
  configId?: string;
}

const GENERIC_DIRS = new Set(['keepalived', 'etc', 'conf.d', 'files', 'templates', 'config', 'configs', 'conf', 'roles', 'hosts', 'nodes']);

/** The host name a path suggests: hosts/lb01/etc/keepalived/keepalived.conf → lb01. */
export function pathLabel(uri: string): string {
  const p = uriToPath(uri);
  let dir = path.dirname(p);
  while (dir !== '/' && dir !== '.' && GENERIC_DIRS.has(path.basename(dir))) dir = path.dirname(dir);
  const base = path.basename(p);
  const name = path.basename(dir);
  if (base !== 'keepalived.conf' && base.startsWith('keepalived.conf.')) return base.slice('keepalived.conf.'.length);
  return name && name !== '/' ? name : base;
}

/**
 * Reads a root file as one node, or as one node per `@ID` it uses. `read`: the file already read
 * without a config id, when the caller has it (reading a large file twice costs as much as parsing it).
 */
export function readNodes(tree: SyntaxTree, includes: IncludeResolver, read?: ConfigModel): Node[] {
  const model = read ?? readModel(tree, { includes });
  const ids = [...model.interp.configIds];
  const base = pathLabel(tree.uri);
  if (ids.length === 0) return [{ id: tree.uri, uri: tree.uri, label: model.routerId?.value ?? base, model }];
  return ids.map((id) => {
    const m = readModel(tree, { includes, configId: id });
    return { id: `${tree.uri}#${id}`, uri: tree.uri, label: m.routerId?.value ?? `${base}@${id}`, model: m, configId: id };
  });
}

export { effectiveAdvertInt, effectivePriority, effectiveVersion } from '../model/effective';
