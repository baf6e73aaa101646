import { related } from './helpers';
import type { PeerRule } from './rule';

export const peerVipInterfaceMismatch: PeerRule = {
  id: 'peer-vip-interface-mismatch',
  // Hosts may name their NICs differently, so this is a warning, not an error.
  severity: 'warning',
  description: "A VIP on different interfaces on peer nodes (its dev, else the instance's interface).",
  check({ cluster, report }) {
    for (const g of cluster.groups) {
      for (const here of g.members) {
        for (const v of here.inst.vips) {
          const dev = v.dev ?? here.inst.interface?.value;
          for (const other of g.members) {
            if (other === here) continue;
            const match = other.inst.vips.find((o) => o.address === v.address);
            if (!match) continue;
            const otherDev = match.dev ?? other.inst.interface?.value;
            if (!dev || !otherDev || dev === otherDev) continue;
            // Hosts may name their NICs differently (gi0-0 on one, enp9s0 on the other): a VIP on each
            // node's own VRRP interface is in the same place, and two other interfaces are only
            // comparable by name when the VRRP interfaces themselves have one name on both nodes.
            const onOwn = dev === here.inst.interface?.value;
            const otherOnOwn = otherDev === other.inst.interface?.value;
            if (onOwn && otherOnOwn) continue;
            if (onOwn === otherOnOwn && here.inst.interface?.value !== other.inst.interface?.value) continue;
            const named = here.inst.interface?.value !== other.inst.interface?.value;
            const where = (d: string, own: boolean) => (own && named ? `${d} (its VRRP interface)` : d);
            report({
              uri: v.word.uri,
              range: v.word.range,
              message: `${here.inst.name}: VIP ${v.address} is on ${where(dev, onOwn && !otherOnOwn)} here but on ${where(otherDev, otherOnOwn && !onOwn)} on ${other.node.label}: after a failover the address appears on another network.`,
              related: related([other], () => match.word, () => `${v.address} on ${otherDev} (${other.node.label})`),
            });
          }
        }
      }
    }
  },
};
