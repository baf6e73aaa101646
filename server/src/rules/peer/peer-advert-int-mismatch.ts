import { effectiveAdvertInt } from '../../workspace/nodes';
import { checkEqual } from './helpers';
import type { PeerRule } from './rule';

export const peerAdvertIntMismatch: PeerRule = {
  id: 'peer-advert-int-mismatch',
  severity: 'error',
  description: 'Counterpart instances with different advert_int.',
  check({ cluster, report }) {
    for (const g of cluster.groups) {
      checkEqual(g, report, {
        keyword: 'advert_int',
        value: (m) => String(effectiveAdvertInt(m.inst)),
        word: (m) => m.inst.advertInt?.word,
        message: (h, v, others) =>
          `${h.inst.name}: advert_int ${v}s here but ${others}. keepalived drops adverts with another interval, so the BACKUP times out and also becomes MASTER.`,
      });
    }
  },
};
