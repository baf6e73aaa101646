// Checks files from disk (or given texts) as one cluster: what the CLI runs.
import { findClusters } from '../workspace/cluster';
import { diskSource, FsIncludeResolver, pathToUri, TreeCache } from '../workspace/include-resolver';
import { readNodes } from '../workspace/nodes';
import type { CheckOptions } from './analyze';
import type { Finding } from './finding';
import { checkNodes } from './node-check';
import { checkCluster } from './peer-check';

/** `texts`: absolute path → text of each file given. All of them form one cluster. */
export function checkFiles(texts: ReadonlyMap<string, string>, opts: CheckOptions = {}): Finding[] {
  const cache = new TreeCache();
  const byUri = new Map([...texts].map(([p, t]) => [pathToUri(p), t]));
  const resolver = new FsIncludeResolver(
    {
      read: (uri) => {
        const text = byUri.get(uri);
        return text !== undefined ? { text } : diskSource.read(uri);
      },
    },
    undefined,
    cache,
  );
  const trees = [...byUri].map(([uri, text]) => cache.get(uri, text));
  const checked = checkNodes(trees.map((tree) => ({ tree })), resolver, opts);
  const findings: Finding[] = checked.flatMap((c) => c.findings);
  // The nodes reuse the models just checked when they were read as readNodes reads (default schema).
  const nodes = trees.flatMap((tree, i) => readNodes(tree, resolver, opts.schema ? undefined : checked[i].model));
  if (nodes.length > 1) {
    for (const cluster of findClusters(nodes, [nodes.map((n) => n.id)])) findings.push(...checkCluster(cluster, opts));
  }
  return dedupe(findings);
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
