// Runs the peer rules over clusters.
import { PEER_RULES } from '../rules/peer';
import type { PeerReport } from '../rules/peer/rule';
import type { Cluster } from '../workspace/cluster';
import { withLevel, type CheckOptions } from './analyze';
import type { Finding } from './finding';
import { MAX_RELATED_PER_FINDING } from '../limits';
import { expandedRanges, withSafeFixes } from './limits-findings';

export function checkCluster(cluster: Cluster, opts: Pick<CheckOptions, 'levels'> = {}): Finding[] {
  const out: Finding[] = [];
  for (const rule of PEER_RULES) {
    if (withLevel(rule.id, rule.severity, opts.levels) === undefined) continue;
    const report = (r: PeerReport) => {
      const severity = withLevel(rule.id, r.severity ?? rule.severity, opts.levels);
      if (!severity) return;
      const related = r.related && r.related.length > MAX_RELATED_PER_FINDING ? r.related.slice(0, MAX_RELATED_PER_FINDING) : r.related;
      const more = r.related ? r.related.length - (related?.length ?? 0) : 0;
      out.push({ ...r, related, message: more ? `${r.message} (${more} more peers not listed)` : r.message, code: rule.id, severity });
    };
    try {
      rule.check({ cluster, report });
    } catch (e) {
      out.push({
        uri: cluster.nodes[0].uri,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'information',
        code: rule.id,
        message: `Internal error in rule ${rule.id}: ${(e as Error).message}`,
      });
    }
  }
  return withSafeFixes(out, expandedRanges(cluster.nodes.map((n) => n.model)));
}
