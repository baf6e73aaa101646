import { instanceAnchor, related } from './helpers';
import type { PeerRule } from './rule';

export const peerSyncGroupMismatch: PeerRule = {
  id: 'peer-sync-group-mismatch',
  severity: 'warning',
  description: 'Counterpart instances in a vrrp_sync_group on one node but not (or in another group) on a peer.',
  check({ cluster, report }) {
    for (const g of cluster.groups) {
      const members = (m: (typeof g.members)[number]) =>
        m.inst.syncGroup ? m.inst.syncGroup.members.map((x) => x.name).sort().join(',') : '';
      const values = new Set(g.members.map(members));
      if (values.size < 2) continue;
      for (const m of g.members) {
        const others = g.members.filter((o) => members(o) !== members(m));
        const w = m.inst.syncGroup?.stmt.keyword ?? instanceAnchor(m);
        report({
          uri: w.uri,
          range: w.range,
          message: `${m.inst.name}: ${m.inst.syncGroup ? `in sync group ${m.inst.syncGroup.name} (${members(m)})` : 'in no sync group'} here, but ${others.map((o) => `${o.inst.syncGroup ? `in ${o.inst.syncGroup.name} (${members(o)})` : 'in none'} on ${o.node.label}`).join(', ')}: the instances fail over together on one node and separately on the other.`,
          related: related(others, (o) => o.inst.syncGroup?.stmt.keyword, (o) => o.node.label),
        });
      }
    }
  },
};
