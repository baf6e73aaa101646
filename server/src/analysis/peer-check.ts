// Runs the peer rules over clusters.
import type { Finding } from '../rules/finding';
import { PEER_RULES } from '../rules/peer';
import type { Cluster } from '../workspace/cluster';
import type { CheckOptions } from './analyze';
import { runRules } from './run-rules';

export function checkCluster(cluster: Cluster, opts: Pick<CheckOptions, 'levels'> = {}): Finding[] {
  return runRules(PEER_RULES, (report) => ({ cluster, report }), opts.levels, cluster.nodes[0].uri);
}
