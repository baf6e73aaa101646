// Plain-JSON views of clusters for the client's overview, status bar and diff view.
import type { Finding } from '../rules/finding';
import { clusterFailover } from '../failover/model';
import { failoverRows } from '../features/failover';
import { statementRange } from '../parser/statements';
import { containsRange } from '../parser/syntax';
import { compareNodes, type CompareNode } from '../features/compare';
import { instanceSummary } from '../features/facts';
import type { ClusterView, CompareResult } from '../protocol';
import type { Cluster } from '../workspace/cluster';
import { effectiveAdvertInt, effectivePriority, nodeLabels, pathLabel } from '../workspace/nodes';
import type { WorkspaceIndex } from '../analysis/workspace-index';

const PEER_RULE = /^peer-/;


/**
 * What makes two reports one problem: the rule and the set of places involved (the finding's own
 * and its related ones). A mismatch between lb01 and lb02 is reported on both, each pointing at
 * the other: the same set.
 */
export function problemKey(f: Finding): string {
  const places = [f, ...(f.related ?? [])].map((x) => `${x.uri}#${x.range.start.line}:${x.range.start.character}`);
  return `${f.code}|${[...new Set(places)].sort().join('|')}`;
}

const counts = (f: Finding) => f.severity === 'error' || f.severity === 'warning';

/** A cluster's view, and the findings lists of its files it was made from. */
const viewCache = new WeakMap<Cluster, { inputs: (readonly Finding[])[]; view: ClusterView }>();

/**
 * `findingsOf`: the findings of a file (of its node and its clusters). The clients ask for the
 * views after every publish: a cluster whose object and findings lists (by identity) are those of
 * the last call keeps its view, so that an edit in one cluster of hundreds rebuilds one view.
 */
export function clusterViews(clusters: readonly Cluster[], findingsOf: (uri: string) => readonly Finding[]): ClusterView[] {
  return clusters.map((c) => {
    const uris = [...new Set(c.nodes.flatMap((n) => n.model.interp.files))];
    const inputs = uris.map(findingsOf);
    const hit = viewCache.get(c);
    if (hit && hit.inputs.length === inputs.length && hit.inputs.every((x, i) => x === inputs[i])) return hit.view;
    const view = clusterView(c, inputs.flat());
    viewCache.set(c, { inputs, view });
    return view;
  });
}

function clusterView(c: Cluster, findings: readonly Finding[]): ClusterView {
  const peerFindings = findings.filter((f) => PEER_RULE.test(f.code));
  const nodeOf = (uri: string) => c.nodes.find((n) => n.model.interp.files.includes(uri))?.label ?? uri;
  const failover = clusterFailover(c);
  const rows = (g: Cluster['groups'][number]) => {
    const f = failover.find((x) => x.group === g);
    return f ? failoverRows(f) : [];
  };
  return {
    id: c.id,
    nodes: c.nodes.map((n) => ({ uri: n.uri, label: n.label })),
    problems: new Set(peerFindings.filter(counts).map(problemKey)).size,
    instances: c.groups.map((g) => {
      const own = peerFindings.filter((f) => g.members.some((m) => f.uri === m.inst.stmt.keyword.uri && containsRange(statementRange(m.inst.stmt), f.range)));
      return {
        name: g.name,
        failover: rows(g),
        members: g.members.map((m) => {
          const at = (m.inst.nameWord ?? m.inst.stmt.keyword).range.start;
          return {
            uri: m.inst.stmt.keyword.uri,
            node: m.node.label,
            summary: instanceSummary(m.node.model, m.inst, { network: true }),
            state: m.inst.state?.value,
            priority: effectivePriority(m.inst),
            vrid: m.inst.vrid?.value,
            authType: m.inst.authentication?.type?.value,
            vips: m.inst.vips.map((v) => (v.prefix !== undefined ? `${v.address}/${v.prefix}` : v.address)),
            interface: m.inst.interface?.value,
            advertInt: effectiveAdvertInt(m.inst),
            line: at.line,
            character: at.character,
          };
        }),
        mismatches: own.map((f) => ({ code: f.code, message: f.message, uri: f.uri, line: f.range.start.line, severity: f.severity, node: nodeOf(f.uri), problem: problemKey(f) })),
        problems: new Set(own.filter(counts).map(problemKey)).size,
      };
    }),
  };
}

/**
 * Labels of the nodes of these files, by the one label rule: taken from a cluster that holds them
 * all, else computed over the files' nodes as if they were one cluster (Compare as Keepalived Peers).
 */
export function labelsFor(index: WorkspaceIndex, uris: readonly string[]): string[] {
  const holds = (c: Cluster, uri: string) => c.nodes.some((n) => n.uri === uri || n.model.interp.files.includes(uri));
  const cluster = index.clusters().find((c) => uris.every((u) => holds(c, u)));
  const nodes = cluster ? cluster.nodes : nodeLabels(uris.flatMap((u) => index.nodesOf(u).slice(0, 1)));
  return uris.map((u) => nodes.find((n) => n.uri === u)?.label ?? nodes.find((n) => n.model.interp.files.includes(u))?.label ?? pathLabel(u));
}

/** For the diff view: the two files' lines aligned and classified, or null when either cannot be read. */
export function compareFiles(index: WorkspaceIndex, left: string, right: string): CompareResult | null {
  // The nodes are named by the one label rule (workspace/nodes.ts), as the clusters view names them.
  const labels = labelsFor(index, [left, right]);
  const node = (uri: string, label: string): CompareNode | undefined => {
    const model = index.modelFor(uri);
    return model && { model, uri, label, findings: index.peerFindingsOf(uri) };
  };
  const l = node(left, labels[0]);
  const r = node(right, labels[1]);
  return l && r ? compareNodes(l, r) : null;
}
