// Groups node configs into clusters (peers) and their vrrp_instances into counterparts.
import type { VrrpInstance } from '../model/types';
import { nodeLabels, type Node } from './nodes';

export interface Member {
  node: Node;
  inst: VrrpInstance;
}

/** The same VRRP router as configured on each node. */
export interface InstanceGroup {
  name: string;
  members: Member[];
}

export interface Cluster {
  id: string;
  nodes: Node[];
  groups: InstanceGroup[];
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]];
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

function vipKeys(i: VrrpInstance): string[] {
  return i.vips.map((v) => v.address);
}

/**
 * `explicit`: groups of node ids the user paired (setting or in-file directive); those nodes
 * pair only as told. The others pair when their instances share a VIP address, or, for nodes
 * with no such peer, an instance name together with its virtual_router_id.
 */
export function findClusters(nodes: readonly Node[], explicit: readonly (readonly string[])[] = []): Cluster[] {
  return partitionNodes(nodes, explicit).map(makeCluster);
}

/**
 * The node sets of findClusters (its pairing rules), in the order findClusters gives them, before
 * the nodes are named and their instances grouped: a caller that keeps the clusters of an earlier
 * call rebuilds only the sets that changed.
 */
export function partitionNodes(nodes: readonly Node[], explicit: readonly (readonly string[])[] = []): Node[][] {
  const uf = new UnionFind(nodes.length);
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const pinned = new Set<number>();
  for (const group of explicit) {
    const members = group.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
    for (const m of members) pinned.add(m);
    for (const m of members.slice(1)) uf.union(members[0], m);
  }
  // The first node with each VIP address: a later one sharing it pairs with it.
  const firstByVip = new Map<string, number>();
  const paired = new Set<number>();
  nodes.forEach((n, i) => {
    if (pinned.has(i)) return;
    for (const inst of n.model.instances) {
      for (const k of vipKeys(inst)) {
        const first = firstByVip.get(k);
        if (first === undefined) firstByVip.set(k, i);
        else if (first !== i) {
          uf.union(first, i);
          paired.add(i).add(first);
        }
      }
    }
  });
  const firstByNameVrid = new Map<string, number>();
  nodes.forEach((n, i) => {
    if (pinned.has(i) || paired.has(i)) return;
    for (const inst of n.model.instances) {
      if (!inst.vrid) continue;
      const k = `${inst.name}|${inst.vrid.value}`;
      const first = firstByNameVrid.get(k);
      if (first === undefined) firstByNameVrid.set(k, i);
      else uf.union(first, i);
    }
  });

  const clusters = new Map<number, Node[]>();
  nodes.forEach((n, i) => {
    const r = uf.find(i);
    const list = clusters.get(r);
    if (list) list.push(n);
    else clusters.set(r, [n]);
  });
  return [...clusters.values()].filter((ns) => ns.length > 1);
}

/** One cluster of a partitionNodes set: its nodes named by the one label rule, its instances grouped. */
export function makeCluster(nodes: readonly Node[]): Cluster {
  const ns = nodeLabels(nodes);
  return { id: ns.map((n) => n.id).sort().join('|'), nodes: ns, groups: groupInstances(ns) };
}

/** The address family of an instance: its VIPs', else its unicast source's (keepalived's rule). */
function familyOf(i: VrrpInstance): 4 | 6 {
  if (i.vips.length) return i.vips[0].family;
  return i.unicastSrcIp?.value.includes(':') ? 6 : 4;
}

/**
 * Counterparts, as VRRP pairs them: instances with the same virtual_router_id on the same
 * interface and address family (what the routers match on the wire); then, for instances left
 * alone, the same VRID and family where each node has exactly one (interface names differ between
 * hosts); then the same instance name, for instances with no VRID counterpart at all (a VRID
 * typo is then a mismatch to report); then a shared VIP. At most one instance per node per group.
 * The pairing function of the project: peer rules, views and the failover model all use it.
 */
export function groupInstances(nodes: readonly Node[]): InstanceGroup[] {
  const members: Member[] = nodes.flatMap((node) => node.model.instances.map((inst) => ({ node, inst })));
  const uf = new UnionFind(members.length);
  const paired = new Set<number>();
  const pair = (a: number, b: number) => {
    uf.union(a, b);
    paired.add(a).add(b);
  };
  /** Pairs members that share `key`, when each node has exactly one member with it. */
  const byKey = (key: (m: Member) => string | undefined, eligible: (i: number) => boolean) => {
    const buckets = new Map<string, number[]>();
    members.forEach((m, i) => {
      const k = eligible(i) ? key(m) : undefined;
      if (k !== undefined) buckets.set(k, [...(buckets.get(k) ?? []), i]);
    });
    for (const list of buckets.values()) {
      const perNode = new Map<Node, number[]>();
      for (const i of list) perNode.set(members[i].node, [...(perNode.get(members[i].node) ?? []), i]);
      if (perNode.size < 2 || [...perNode.values()].some((l) => l.length > 1)) continue;
      for (const i of list.slice(1)) pair(list[0], i);
    }
  };
  const vrid = (m: Member) => (m.inst.vrid ? `${m.inst.vrid.value}|${familyOf(m.inst)}` : undefined);
  byKey((m) => (m.inst.vrid && m.inst.interface ? `${vrid(m)}|${m.inst.interface.value}` : undefined), () => true);
  byKey(vrid, () => true);
  // A name pairs only instances whose VRID matched nowhere: crosswise names (VI_1 = VRID 51 here,
  // VRID 61 there) are no counterparts.
  byKey((m) => m.inst.name, (i) => !paired.has(i));
  // A VRID typo on one node of three: the instance joins its namesakes' group, if its node has none there.
  members.forEach((m, i) => {
    if (paired.has(i)) return;
    const roots = new Set(members.flatMap((o, j) => (o.node !== m.node && o.inst.name === m.inst.name ? [uf.find(j)] : [])));
    if (roots.size !== 1) return;
    const root = [...roots][0];
    if (members.some((o, j) => o.node === m.node && uf.find(j) === root)) return;
    pair(i, members.findIndex((_, j) => uf.find(j) === root));
  });
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      if (paired.has(a) || paired.has(b) || members[a].node === members[b].node) continue;
      if (vipKeys(members[a].inst).some((k) => vipKeys(members[b].inst).includes(k))) uf.union(a, b);
    }
  }
  const groups = new Map<number, Member[]>();
  members.forEach((m, i) => {
    const r = uf.find(i);
    const list = groups.get(r) ?? [];
    if (!list.some((x) => x.node === m.node)) list.push(m);
    groups.set(r, list);
  });
  return [...groups.values()].map((ms) => ({ name: [...new Set(ms.map((m) => m.inst.name))].join(' / '), members: ms }));
}
