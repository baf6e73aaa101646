// The clusters a user names: `keepalived.clusters` / `--cluster` glob groups, and in-file
// `# keepalived-peer:` directives. Shared by the language server's workspace index and the CLI,
// so that both group the same files the same way.
import { posix as path } from 'node:path';
import type { SyntaxTree } from '../parser/syntax';
import { globToRegex } from './file-patterns';
import { uriToPath } from './include-resolver';
import type { Node } from './nodes';
import { peerDirectives } from './peer-directive';

export interface NodeRoot {
  tree: SyntaxTree;
  nodes: readonly Node[];
  /** peerDirectives(tree), when the caller keeps it (the tree's comments are then not read again). */
  peers?: readonly string[];
}

/**
 * What a caller that groups the same nodes again and again (the language server, at every change)
 * keeps between calls: each node's path and the setting groups it matches, so that a call costs
 * a lookup per node instead of a match of every pattern against every node.
 */
export interface GroupingCache {
  clusters?: readonly (readonly string[])[];
  roots?: readonly string[];
  compiled: RegExp[][];
  /** Node → the indices of the setting groups its path matches. */
  hits: WeakMap<Node, number[]>;
  paths: WeakMap<Node, string>;
}

export function groupingCache(): GroupingCache {
  return { compiled: [], hits: new WeakMap(), paths: new WeakMap() };
}

/** A pattern without glob syntax matches one path: it is looked up instead of matched. */
const isLiteral = (pattern: string) => !/[*?{]/.test(pattern);

/**
 * Groups of node ids. `clusters`: glob groups, matched against absolute paths and paths relative
 * to each of `roots`; `rootsRead`: the root files read, whose peer directives pair them.
 */
export function explicitGroups(
  nodes: readonly Node[],
  clusters: readonly (readonly string[])[],
  roots: readonly string[],
  rootsRead: Iterable<NodeRoot>,
  cache: GroupingCache = groupingCache(),
): string[][] {
  if (cache.clusters !== clusters || cache.roots !== roots) {
    cache.clusters = clusters;
    cache.roots = roots;
    cache.compiled = clusters.map((g) => g.map(globToRegex));
    cache.hits = new WeakMap();
  }
  const pathOf = (n: Node) => {
    let p = cache.paths.get(n);
    if (p === undefined) cache.paths.set(n, (p = uriToPath(n.uri)));
    return p;
  };
  const groups: string[][] = [];
  if (clusters.length) {
    const members: string[][] = clusters.map(() => []);
    for (const n of nodes) {
      let hits = cache.hits.get(n);
      if (!hits) {
        const p = pathOf(n);
        hits = cache.compiled.flatMap((res, g) => (res.some((re) => re.test(p) || roots.some((r) => re.test(path.relative(r, p)))) ? [g] : []));
        cache.hits.set(n, hits);
      }
      for (const g of hits) members[g].push(n.id);
    }
    for (const ids of members) if (ids.length > 1) groups.push(ids);
  }
  let byPath: Map<string, number[]> | undefined;
  for (const e of rootsRead) {
    const peers = e.peers ?? peerDirectives(e.tree);
    if (!peers.length) continue;
    let matched: number[];
    if (peers.every(isLiteral)) {
      // Directives name files: the nodes of those paths, in node order.
      if (!byPath) {
        byPath = new Map();
        nodes.forEach((n, i) => {
          const p = pathOf(n);
          const list = byPath!.get(p);
          if (list) list.push(i);
          else byPath!.set(p, [i]);
        });
      }
      matched = [...new Set(peers.flatMap((p) => byPath!.get(p) ?? []))].sort((a, b) => a - b);
    } else {
      const res = peers.map(globToRegex);
      matched = nodes.flatMap((n, i) => (res.some((re) => re.test(pathOf(n))) ? [i] : []));
    }
    const ids = [...e.nodes.map((n) => n.id), ...matched.map((i) => nodes[i].id)];
    if (ids.length > 1) groups.push([...new Set(ids)]);
  }
  return groups;
}
