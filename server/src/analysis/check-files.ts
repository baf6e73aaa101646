// Checks files from disk (or given texts) as one cluster: what the CLI runs.
import { findClusters, type Cluster } from '../workspace/cluster';
import { diskSource, FsIncludeResolver, pathToUri, TreeCache } from '../workspace/include-resolver';
import { readNodes, type Node } from '../workspace/nodes';
import type { CheckOptions } from './analyze';
import type { Finding } from './finding';
import { checkNodes, type CheckedNode } from './node-check';
import { checkCluster } from './peer-check';

/** The given files read as nodes (and, with `check`, checked on their own). */
function readFiles(texts: ReadonlyMap<string, string>, opts: CheckOptions, check: boolean): { checked: CheckedNode[]; nodes: Node[] } {
  const cache = new TreeCache();
  const byUri = new Map([...texts].map(([p, t]) => [pathToUri(p), t]));
  const resolver = new FsIncludeResolver({ read: (uri) => byUri.get(uri) ?? diskSource.read(uri) }, undefined, cache);
  const trees = [...byUri].map(([uri, text]) => cache.get(uri, text));
  const checked = check ? checkNodes(trees.map((tree) => ({ tree })), resolver, opts) : [];
  // The nodes reuse the models just checked when they were read as readNodes reads (default schema).
  const nodes = trees.flatMap((tree, i) => readNodes(tree, resolver, opts.schema ? undefined : checked[i]?.model));
  return { checked, nodes };
}

function clustersOf(nodes: readonly Node[]): Cluster[] {
  return nodes.length > 1 ? findClusters(nodes, [nodes.map((n) => n.id)]) : [];
}

/** `texts`: absolute path → text of each file given. All of them form one cluster. */
export function checkFiles(texts: ReadonlyMap<string, string>, opts: CheckOptions = {}): Finding[] {
  const { checked, nodes } = readFiles(texts, opts, true);
  const findings: Finding[] = checked.flatMap((c) => c.findings);
  for (const cluster of clustersOf(nodes)) findings.push(...checkCluster(cluster, opts));
  return dedupe(findings);
}

/** The clusters the given files form, as checkFiles groups them (for `keepalived-lint --failover`). */
export function clustersOfFiles(texts: ReadonlyMap<string, string>): Cluster[] {
  return clustersOf(readFiles(texts, {}, false).nodes);
}

/** A file included by several given files, or a finding seen from two @ID views, reports once. */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.uri}:${f.range.start.line}:${f.range.start.character}:${f.code}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
