import type { PeerRule } from './rule';

export const peerRouterIdDuplicate: PeerRule = {
  id: 'peer-router-id-duplicate',
  severity: 'warning',
  description: 'Two nodes of one cluster with the same global_defs router_id (a copy-paste mistake).',
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
        report({
          uri: w.uri,
          range: w.range,
          // Two @ID views of one other file are one file to name.
          message: `router_id ${id} is also the router_id of ${[...new Set(others.map((o) => o.uri.split('/').slice(-2).join('/')))].join(', ')}: each node needs its own, or notifications and logs cannot tell them apart.`,
          related: [...new Map(others.map((o) => [o.uri, o])).values()].map((o) => ({ uri: o.model.routerId!.word.uri, range: o.model.routerId!.word.range, message: 'same router_id' })),
        });
      }
    }
  },
};
