import { isMaster } from '../../model/effective';
import { related } from './helpers';
import type { PeerRule } from './rule';

export const peerStateConflict: PeerRule = {
  id: 'peer-state-conflict',
  severity: 'warning',
  description: 'More than one node declares state MASTER for the same instance.',
  check({ cluster, report }) {
    for (const g of cluster.groups) {
      const masters = g.members.filter((m) => isMaster(m.inst));
      if (masters.length < 2) continue;
      for (const m of masters) {
        const others = masters.filter((o) => o !== m);
        const w = m.inst.state!.word;
        report({
          uri: w.uri,
          range: w.range,
          message: `${m.inst.name}: state MASTER here and on ${others.map((o) => o.node.label).join(', ')}. Both nodes claim the VIP at start until priorities settle it; set state BACKUP on all but one node.`,
          related: related(others, (o) => o.inst.state?.word, (o) => `state MASTER on ${o.node.label}`),
          fixes: w.origin ? undefined : [{ title: 'Set state BACKUP here', edits: [{ uri: w.uri, range: w.range, newText: 'BACKUP' }] }],
        });
      }
    }
  },
};
