// Runs the peer rules over clusters.
import type { Finding } from '../rules/finding';
import { PEER_RULES } from '../rules/peer';
import type { Cluster } from '../workspace/cluster';
import type { CheckOptions } from './analyze';
import { expandedRanges, withSafeFixes } from './limits-findings';
import { runRules } from './run-rules';

export function checkCluster(cluster: Cluster, opts: Pick<CheckOptions, 'levels'> = {}): Finding[] {
  const findings = runRules(PEER_RULES, (report) => ({ cluster, report }), opts.levels, cluster.nodes[0].uri);
  return withSafeFixes(findings, expandedRanges(cluster.nodes.map((n) => n.model)));
}
