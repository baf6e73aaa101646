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
 * Groups of node ids. `clusters`: glob groups, matched against absolute paths and paths relative
 * to each of `roots`; `rootsRead`: the root files read, whose peer directives pair them.
 */
export function explicitGroups(nodes: readonly Node[], clusters: readonly (readonly string[])[], roots: readonly string[], rootsRead: Iterable<NodeRoot>): string[][] {
  const groups: string[][] = [];
  const idsOf = (matcher: (p: string) => boolean) => nodes.filter((n) => matcher(uriToPath(n.uri))).map((n) => n.id);
  for (const g of clusters) {
    const res = g.map(globToRegex);
    const ids = idsOf((p) => res.some((re) => re.test(p) || roots.some((r) => re.test(path.relative(r, p)))));
    if (ids.length > 1) groups.push(ids);
  }
  for (const e of rootsRead) {
    const peers = e.peers ?? peerDirectives(e.tree);
    if (!peers.length) continue;
    const res = peers.map(globToRegex);
    const ids = [...e.nodes.map((n) => n.id), ...idsOf((p) => res.some((re) => re.test(p)))];
    if (ids.length > 1) groups.push([...new Set(ids)]);
  }
  return groups;
}
