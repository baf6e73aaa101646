import { effectiveVersion } from '../../workspace/nodes';
import { checkEqual } from './helpers';
import type { PeerRule } from './rule';

export const peerVersionMismatch: PeerRule = {
  id: 'peer-version-mismatch',
  severity: 'error',
  description: 'Counterpart instances speaking different VRRP versions.',
  check({ cluster, report }) {
    for (const g of cluster.groups) {
      checkEqual(g, report, {
        keyword: 'version',
        value: (m) => String(effectiveVersion(m.inst, m.node.model)),
        word: (m) => m.inst.version?.word ?? m.node.model.vrrpVersion?.word,
        message: (h, v, others) =>
          `${h.inst.name}: VRRP version ${v} here but ${others}. The nodes cannot read each other's adverts and both become MASTER.`,
      });
    }
  },
};
