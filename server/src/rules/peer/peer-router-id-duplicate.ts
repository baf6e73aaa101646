import type { Node } from '../../workspace/nodes';
import type { PeerRule } from './rule';

const OFF = new Set(['off', 'false', 'no', '0']);

/**
 * Whether a node sends notifications that carry its router_id: SNMP traps, or e-mail (an
 * smtp_server, and an smtp_alert that is on, or a real_server, whose alerts are on by default).
 */
function sendsNotifications(n: Node): boolean {
  const all = n.model.interp.all.filter((s) => s.spec !== undefined);
  if (all.some((s) => s.keyword.value.startsWith('enable_snmp') || s.keyword.value === 'enable_traps')) return true;
  if (!all.some((s) => s.keyword.value === 'smtp_server')) return false;
  const alertOn = all.some((s) => s.keyword.value.startsWith('smtp_alert') && !OFF.has((s.args[0]?.value ?? 'on').toLowerCase()));
  return alertOn || n.model.virtualServers.some((v) => v.realServers.length > 0);
}

export const peerRouterIdDuplicate: PeerRule = {
  id: 'peer-router-id-duplicate',
  severity: 'warning',
  description: 'Two nodes of one cluster with the same global_defs router_id (a copy-paste mistake): a warning when the nodes send e-mail or SNMP notifications, which name the sender by it; a hint otherwise.',
  check({ cluster, report }) {
    const seen = new Map<string, typeof cluster.nodes>();
    for (const n of cluster.nodes) {
      const id = n.model.routerId?.value;
      if (!id) continue;
      seen.set(id, [...(seen.get(id) ?? []), n]);
    }
    for (const [id, nodes] of seen) {
      // Two @ID views of one file share their global_defs by design.
      if (new Set(nodes.map((n) => n.uri)).size < 2) continue;
      for (const n of nodes) {
        const w = n.model.routerId!.word;
        const others = nodes.filter((o) => o.uri !== n.uri);
        const notifies = nodes.filter(sendsNotifications);
        report({
          uri: w.uri,
          range: w.range,
          severity: notifies.length ? undefined : 'hint',
          // Two @ID views of one other file are one file to name.
          message: `router_id ${id} is also the router_id of ${[...new Set(others.map((o) => o.uri.split('/').slice(-2).join('/')))].join(', ')}: ${
            notifies.length
              ? 'the e-mail and SNMP notifications these nodes send name the sender by it, so they cannot be told apart. Give each node its own.'
              : 'nothing uses it here (no e-mail or SNMP notifications), but a distinct router_id per node keeps future notifications apart.'
          }`,
          related: [...new Map(others.map((o) => [o.uri, o])).values()].map((o) => ({ uri: o.model.routerId!.word.uri, range: o.model.routerId!.word.range, message: 'same router_id' })),
        });
      }
    }
  },
};
