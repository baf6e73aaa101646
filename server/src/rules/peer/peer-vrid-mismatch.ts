import { checkEqual } from './helpers';
import type { PeerRule } from './rule';

export const peerVridMismatch: PeerRule = {
  id: 'peer-vrid-mismatch',
  severity: 'error',
  description: 'Counterpart instances on peer nodes with different virtual_router_id.',
  check({ cluster, report }) {
    for (const g of cluster.groups) {
      checkEqual(g, report, {
        keyword: 'virtual_router_id',
        value: (m) => (m.inst.vrid ? String(m.inst.vrid.value) : undefined),
        word: (m) => m.inst.vrid?.word,
        message: (h, v, others) =>
          `${h.inst.name}: virtual_router_id ${v} here but ${others}. Peers with different VRIDs ignore each other's adverts, so each becomes MASTER and holds the VIP (split brain).`,
      });
    }
  },
};
