import type { VipAddress } from '../../model/types';
import { effectivePrefix } from '../../model/vip';
import { instanceAnchor, related, replaceWord } from './helpers';
import type { PeerRule } from './rule';

function vipText(v: VipAddress): string {
  return v.prefix !== undefined ? `${v.address}/${v.prefix}` : v.address;
}

export const peerVipMismatch: PeerRule = {
  id: 'peer-vip-mismatch',
  severity: 'error',
  description: 'Counterpart instances whose VIP sets (virtual_ipaddress and virtual_ipaddress_excluded) differ (in address: error; in prefix only: warning).',
  check({ cluster, report }) {
    for (const g of cluster.groups) {
      for (const here of g.members) {
        for (const other of g.members) {
          if (other === here) continue;
          // Excluded VIPs move with the instance too (they are only left out of the adverts).
          const theirs = [...other.inst.vips, ...other.inst.excludedVips];
          for (const v of [...here.inst.vips, ...here.inst.excludedVips]) {
            const match = theirs.find((o) => o.address === v.address);
            if (!match) {
              const block = here.inst.excludedVips.includes(v) ? 'virtual_ipaddress_excluded' : 'virtual_ipaddress';
              report({
                uri: v.word.uri,
                range: v.word.range,
                message: `${here.inst.name}: VIP ${v.address} (${block}) is not among ${other.node.label}'s addresses: when ${other.node.label} is MASTER this address is down.`,
                related: related([other], (o) => o.inst.vipBlock?.keyword, (o) => `virtual_ipaddress on ${o.node.label}`),
              });
            } else if (effectivePrefix(match) !== effectivePrefix(v)) {
              const fixes = [];
              const take = replaceWord(v.word, vipText(match));
              if (take) fixes.push({ title: `Use ${other.node.label}'s ${vipText(match)} here`, edits: take, preferred: v.prefix === undefined });
              const push = replaceWord(match.word, vipText(v));
              if (push) fixes.push({ title: `Set ${vipText(v)} on ${other.node.label}`, edits: push, preferred: v.prefix !== undefined });
              report({
                uri: v.word.uri,
                range: v.word.range,
                severity: 'warning',
                message: `${here.inst.name}: VIP ${v.address} has prefix /${effectivePrefix(v)}${v.prefix === undefined ? ' (none written)' : ''} here but /${effectivePrefix(match)}${match.prefix === undefined ? ' (none written)' : ''} on ${other.node.label}: the subnet route changes when the VIP moves.`,
                related: related([other], () => match.word, () => `${vipText(match)} on ${other.node.label}`),
                fixes,
              });
            }
          }
          if (here.inst.vips.length === 0 && other.inst.vips.length > 0) {
            const w = instanceAnchor(here);
            report({
              uri: w.uri,
              range: w.range,
              message: `${here.inst.name}: no virtual_ipaddress here but ${other.node.label} has ${other.inst.vips.map(vipText).join(', ')}.`,
              related: related([other], (o) => o.inst.vipBlock?.keyword, (o) => `virtual_ipaddress on ${o.node.label}`),
            });
          }
        }
      }
    }
  },
};
