import { effectiveNopreempt } from '../../model/effective';
import { instanceAnchor, related } from './helpers';
import type { PeerRule } from './rule';

export const peerNopreemptMismatch: PeerRule = {
  id: 'peer-nopreempt-mismatch',
  severity: 'warning',
  description: 'nopreempt on some nodes of an instance but not on the others.',
  check({ cluster, report }) {
    for (const g of cluster.groups) {
      // A nopreempt keepalived clears (state MASTER, priority 255) is nopreempt-master's finding on
      // that node: comparing it here too would only repeat it.
      const judged = g.members.filter((m) => !m.inst.nopreempt || effectiveNopreempt(m.inst));
      const on = judged.filter((m) => m.inst.nopreempt);
      const off = judged.filter((m) => !m.inst.nopreempt);
      if (on.length === 0 || off.length === 0) continue;
      for (const m of judged) {
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
