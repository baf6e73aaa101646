import { overlap } from '../parser/conditions';
import type { ConfigModel, VrrpInstance } from '../model/types';
import type { Statement } from '../parser/statements';
import type { FileRule } from './rule';

/** keepalived keys a VRID by interface and address family. */
export function instanceFamily(i: VrrpInstance): 4 | 6 {
  return i.vips[0]?.family ?? 4;
}

/** The value of the last `keyword` line among a block's children. */
function lastValue(s: Statement | undefined, keyword: string): string | undefined {
  const hits = s?.children?.filter((c) => c.keyword.value === keyword) ?? [];
  return hits[hits.length - 1]?.args[0]?.value;
}

/**
 * Whether keepalived (vrrp.c, check_vrrp_config) calls two instances with one VRID, interface and
 * family a conflict: unicast and multicast are separate VRID spaces; two multicast instances clash
 * only on the same multicast group; two unicast instances only from the same local address to a
 * common peer.
 */
function conflict(a: VrrpInstance, b: VrrpInstance, model: ConfigModel): boolean {
  const unicast = (i: VrrpInstance) => i.unicastPeers.length > 0;
  if (unicast(a) !== unicast(b)) return false;
  if (unicast(a)) {
    // mcast_src_ip and unicast_src_ip set the same source address; without one it is the interface's.
    const src = (i: VrrpInstance) => i.unicastSrcIp?.value ?? lastValue(i.stmt, 'mcast_src_ip');
    const [sa, sb] = [src(a), src(b)];
    if ((sa === undefined) !== (sb === undefined) || (sa !== undefined && sa !== sb)) return false;
    return a.unicastPeers.some((p) => b.unicastPeers.some((q) => q.address === p.address));
  }
  const family = instanceFamily(a);
  const group = lastValue(model.globalDefs, family === 4 ? 'vrrp_mcast_group4' : 'vrrp_mcast_group6') ?? (family === 4 ? '224.0.0.18' : 'ff02::12');
  const dst = (i: VrrpInstance) => lastValue(i.stmt, 'mcast_dst_ip') ?? group;
  return dst(a) === dst(b);
}

export const duplicateVrid: FileRule = {
  id: 'duplicate-vrid',
  severity: 'error',
  scope: 'file',
  description: 'Two vrrp_instances with one virtual_router_id on the same interface and address family.',
  check({ model, report }) {
    const seen = new Map<string, VrrpInstance[]>();
    for (const inst of model.instances) {
      if (!inst.vrid || !inst.interface) continue;
      const key = `${inst.interface.value}|${inst.vrid.value}|${instanceFamily(inst)}`;
      const list = seen.get(key) ?? [];
      const other = list.find((o) => overlap(o.stmt, inst.stmt) && overlap(o.vrid!.stmt, inst.vrid!.stmt) && conflict(o, inst, model));
      if (other && inst.vrid) {
        report({
          uri: inst.vrid.word.uri,
          range: inst.vrid.word.range,
          message: `${other.name} and ${inst.name} both use VRID ${inst.vrid.value} with IPv${instanceFamily(inst)} on interface ${inst.interface.value}: keepalived refuses the configuration. Give each instance its own virtual_router_id.`,
          related: [{ uri: other.vrid!.word.uri, range: other.vrid!.word.range, message: `VRID of ${other.name}` }],
        });
      }
      list.push(inst);
      seen.set(key, list);
    }
  },
};
