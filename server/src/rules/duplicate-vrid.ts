import { overlap } from '../parser/conditions';
import type { VrrpInstance } from '../model/types';
import type { FileRule } from './rule';

/** keepalived keys a VRID by interface and address family. */
export function instanceFamily(i: VrrpInstance): 4 | 6 {
  return i.vips[0]?.family ?? 4;
}

export const duplicateVrid: FileRule = {
  id: 'duplicate-vrid',
  severity: 'error',
  description: 'Two vrrp_instances with one virtual_router_id on the same interface and address family.',
  check({ model, report }) {
    const seen = new Map<string, VrrpInstance[]>();
    for (const inst of model.instances) {
      if (!inst.vrid || !inst.interface) continue;
      const key = `${inst.interface.value}|${inst.vrid.value}|${instanceFamily(inst)}`;
      const list = seen.get(key) ?? [];
      const other = list.find((o) => overlap(o.stmt, inst.stmt) && overlap(o.vrid!.stmt, inst.vrid!.stmt));
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
