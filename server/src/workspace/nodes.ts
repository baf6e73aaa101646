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
  return nodesOf(read ?? readModel(tree, { includes }), (configId) => readModel(tree, { includes, configId }));
}

/** The nodes of a root file read as `model` (no config id): one, or one per `@ID`, each read by `readFor`. */
export function nodesOf(model: ConfigModel, readFor: (configId: string) => ConfigModel): Node[] {
  const uri = model.uri;
  const ids = [...model.interp.configIds];
  const base = pathLabel(uri);
  if (ids.length === 0) return nodeLabels([{ id: uri, uri, label: base, model }]);
  // The views of one file are named as one cluster would name them (they usually share a router_id).
  return nodeLabels(ids.map((id) => ({ id: `${uri}#${id}`, uri, label: `${base}@${id}`, model: readFor(id), configId: id })));
}

/**
 * The one rule that names nodes, used by every message, hover, code lens, view and diff title:
 * a node is called by its router_id when no other node of its cluster has that router_id, else by
 * its folder (hosts/lb01/etc/keepalived/keepalived.conf → lb01); nodes whose folders also match
 * (lb-master.conf and lb-backup.conf side by side) get the shortest tail of their path that tells
 * them apart. A node read for `-i ID` carries `@ID`. Pass a single node for a node on its own.
 */
export function nodeLabels(nodes: readonly Node[]): Node[] {
  const ids = new Map<string, number>();
  for (const n of nodes) {
    const id = n.model.routerId?.value;
    if (id !== undefined) ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  const suffix = (n: Node) => (n.configId !== undefined ? `@${n.configId}` : '');
  const first = nodes.map((n) => {
    const id = n.model.routerId?.value;
    return id !== undefined && ids.get(id) === 1 ? id : `${pathLabel(n.uri)}${suffix(n)}`;
  });
  const count = new Map<string, number>();
  for (const l of first) count.set(l, (count.get(l) ?? 0) + 1);
  const dirs = nodes.map((n) => path.dirname(uriToPath(n.uri)).split('/').filter(Boolean));
  return nodes.map((n, i) => {
    let label = first[i];
    if ((count.get(label) ?? 0) > 1 && label === `${pathLabel(n.uri)}${suffix(n)}`) {
      const same = nodes.map((_, j) => j).filter((j) => j !== i && first[j] === label && nodes[j].uri !== n.uri);
      const tail = (j: number, k: number) => dirs[j].slice(-k).join('/');
      let k = 1;
      while (k <= dirs[i].length && same.some((j) => tail(j, k) === tail(i, k))) k++;
      // Files side by side in one folder are told apart by their names.
      label = `${k <= dirs[i].length ? tail(i, k) : `${pathLabel(n.uri)}/${path.basename(uriToPath(n.uri))}`}${suffix(n)}`;
    }
    return label === n.label ? n : { ...n, label };
  });
}

export { effectiveAdvertInt, effectivePriority, effectiveVersion } from '../model/effective';
