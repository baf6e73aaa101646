import { instanceAnchor, related } from './helpers';
import type { PeerRule } from './rule';

export const peerNopreemptMismatch: PeerRule = {
  id: 'peer-nopreempt-mismatch',
  severity: 'warning',
  description: 'nopreempt on some nodes of an instance but not on the others.',
  check({ cluster, report }) {
    for (const g of cluster.groups) {
      const on = g.members.filter((m) => m.inst.nopreempt);
      const off = g.members.filter((m) => !m.inst.nopreempt);
      if (on.length === 0 || off.length === 0) continue;
      for (const m of g.members) {
        const mine = !!m.inst.nopreempt;
        const others = mine ? off : on;
        const w = m.inst.nopreempt?.keyword ?? instanceAnchor(m);
        report({
          uri: w.uri,
          range: w.range,
          message: `${m.inst.name}: nopreempt is ${mine ? 'set' : 'not set'} here but ${mine ? 'not ' : ''}on ${others.map((o) => o.node.label).join(', ')}: failback behaves differently depending on which node failed.`,
          related: related(others, (o) => o.inst.nopreempt?.keyword, (o) => `${o.node.label}`),
        });
      }
    }
  },
};
