// Checks files from disk (or given texts), grouped into clusters as the language server groups a
// workspace (explicit groups, peer directives, shared VIPs, instance name + VRID): what the CLI runs.
import { findClusters, type Cluster } from '../workspace/cluster';
import { explicitGroups, type NodeRoot } from '../workspace/explicit-groups';
import { diskSource, FsIncludeResolver, pathToUri, TreeCache } from '../workspace/include-resolver';
import { nodesOf } from '../workspace/nodes';
import { textUnits } from '../parser/root-units';
import { checkStream, type StreamOptions } from './stream-check';
import type { CheckOptions } from './analyze';
import type { Finding } from '../rules/finding';
import type { CheckedNode } from './node-check';
import { checkCluster } from './peer-check';

export interface GroupingOptions {
  /** Glob groups, one per cluster (`--cluster`), matched against absolute paths and paths relative to `cwd`. */
  clusters?: readonly (readonly string[])[];
  cwd?: string;
  /** Every file given is a node of one cluster (`--one-cluster`). */
  oneCluster?: boolean;
  /** How finely root files are cut while read (tests: 1 and 0 read every top-level block alone). */
  grain?: { batchWords: number; pieceChars: number };
}

/** The given files read as nodes and grouped into clusters (with `check`, each file checked on its own too). */
function readFiles(texts: ReadonlyMap<string, string>, opts: CheckOptions & GroupingOptions, check: boolean): { checked: CheckedNode[]; clusters: Cluster[] } {
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
  const checked: CheckedNode[] = [];
  const roots: NodeRoot[] = [];
  for (const [uri, text] of byUri) {
    // Each root file is read block by block: the nodes keep what the peer rules read, not every statement.
    const read = (o: StreamOptions) => checkStream(uri, text, textUnits(text, uri, opts.grain?.pieceChars), { ...o, includes: resolver, batchWords: opts.grain?.batchWords });
    const first = read(check ? opts : { check: false });
    if (check) checked.push(first);
    // The nodes reuse the model just read when it was read as nodes are (default schema).
    const model = check && opts.schema ? read({ check: false }).model : first.model;
    roots.push({ tree: model.tree, nodes: nodesOf(model, (configId) => read({ check: false, configId }).model) });
  }
  const nodes = roots.flatMap((r) => r.nodes);
  if (nodes.length < 2) return { checked, clusters: [] };
  const groups = opts.oneCluster ? [nodes.map((n) => n.id)] : explicitGroups(nodes, opts.clusters ?? [], opts.cwd ? [opts.cwd] : [], roots);
  return { checked, clusters: findClusters(nodes, groups) };
}

/** `texts`: absolute path → text of each file given. */
export function checkFiles(texts: ReadonlyMap<string, string>, opts: CheckOptions & GroupingOptions = {}): Finding[] {
  const { checked, clusters } = readFiles(texts, opts, true);
  const findings: Finding[] = checked.flatMap((c) => c.findings);
  // Not push(...list): one cluster of hundreds of nodes can report more findings than a call takes arguments.
  for (const cluster of clusters) for (const f of checkCluster(cluster, opts)) findings.push(f);
  return dedupe(findings);
}

/** The clusters the given files form, grouped as checkFiles groups them (for `keepalived-lint --failover`). */
export function clustersOfFiles(texts: ReadonlyMap<string, string>, opts: GroupingOptions = {}): Cluster[] {
  return readFiles(texts, opts, false).clusters;
}

/** A file included by several given files, or a finding seen from two @ID views, reports once. */
export function dedupe(findings: readonly Finding[]): Finding[] {
  // Messages are compared only between findings of one rule at one place: a message made on
  // first read (a did-you-mean) is not made for a finding that is never shown.
  const seen = new Map<string, Finding[]>();
  return findings.filter((f) => {
    const key = `${f.uri}:${f.range.start.line}:${f.range.start.character}:${f.code}`;
    const there = seen.get(key);
    if (!there) {
      seen.set(key, [f]);
      return true;
    }
    if (there.some((g) => g.message === f.message)) return false;
    there.push(f);
    return true;
  });
}
