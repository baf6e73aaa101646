import { instanceAnchor } from './helpers';
import type { PeerRule } from './rule';

export const peerMissingInstance: PeerRule = {
  id: 'peer-missing-instance',
  severity: 'warning',
  description: 'An instance with no counterpart on a peer node.',
  check({ cluster, report }) {
    for (const g of cluster.groups) {
      const missing = cluster.nodes.filter((n) => !g.members.some((m) => m.node === n));
      if (missing.length === 0) continue;
      for (const m of g.members) {
        const w = instanceAnchor(m);
        report({
          uri: w.uri,
          range: w.range,
          message: `${m.inst.name} has no counterpart on ${missing.map((n) => n.label).join(', ')} (no instance with its virtual_router_id, its name or its VIPs): nothing takes over its VIP there.`,
        });
      }
    }
  },
};
