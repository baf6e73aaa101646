// Groups node configs into clusters (peers) and their vrrp_instances into counterparts.
import type { VrrpInstance } from '../model/types';
import { uriToPath } from './include-resolver';
import { pathLabel, type Node } from './nodes';

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
  const uf = new UnionFind(nodes.length);
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const pinned = new Set<number>();
  for (const group of explicit) {
    const members = group.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
    for (const m of members) pinned.add(m);
    for (const m of members.slice(1)) uf.union(members[0], m);
  }
  const byVip = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    if (pinned.has(i)) return;
    for (const inst of n.model.instances) for (const k of vipKeys(inst)) byVip.set(k, [...(byVip.get(k) ?? []), i]);
  });
  const paired = new Set<number>();
  for (const list of byVip.values()) {
    const distinct = [...new Set(list)];
    for (const i of distinct.slice(1)) {
      uf.union(distinct[0], i);
      paired.add(i).add(distinct[0]);
    }
  }
  const byNameVrid = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    if (pinned.has(i) || paired.has(i)) return;
    for (const inst of n.model.instances) {
      if (!inst.vrid) continue;
      const k = `${inst.name}|${inst.vrid.value}`;
      byNameVrid.set(k, [...(byNameVrid.get(k) ?? []), i]);
    }
  });
  for (const list of byNameVrid.values()) for (const i of list.slice(1)) uf.union(list[0], i);

  const clusters = new Map<number, Node[]>();
  nodes.forEach((n, i) => {
    const r = uf.find(i);
    clusters.set(r, [...(clusters.get(r) ?? []), n]);
  });
  return [...clusters.values()]
    .filter((ns) => ns.length > 1)
    .map((ns) => distinctLabels(ns))
    .map((ns) => ({ id: ns.map((n) => n.id).sort().join('|'), nodes: ns, groups: groupInstances(ns) }));
}

/**
 * The nodes of one cluster, each with a label of its own: nodes that share a router_id (LVS_DEVEL
 * copied from the sample) or a directory (lb-master.conf and lb-backup.conf side by side) get the
 * shortest tail of their path that tells them apart, and their config id, so that a message naming
 * "the peer" never names this node too. Nodes with a unique label are returned as they are.
 */
export function distinctLabels(nodes: readonly Node[]): Node[] {
  const count = new Map<string, number>();
  for (const n of nodes) count.set(n.label, (count.get(n.label) ?? 0) + 1);
  if ([...count.values()].every((c) => c === 1)) return [...nodes];
  const parts = new Map(nodes.map((n) => [n, uriToPath(n.uri).split('/').filter(Boolean)]));
  return nodes.map((n) => {
    if (count.get(n.label) === 1) return n;
    const same = nodes.filter((o) => o.label === n.label);
    const mine = parts.get(n) ?? [];
    let tail = '';
    for (let k = 1; k <= mine.length; k++) {
      tail = mine.slice(-k).join('/');
      if (same.every((o) => o === n || (parts.get(o) ?? []).slice(-k).join('/') !== tail || o.uri === n.uri)) break;
    }
    const id = n.configId !== undefined ? `@${n.configId}` : '';
    // A label taken from the directory becomes the path from that directory on; a router_id keeps its name.
    const base = pathLabel(n.uri);
    if (n.label === base + id) {
      const path = tail.split('/')[0] === base ? tail : `${base}/${tail}`;
      return { ...n, label: `${path}${id}` };
    }
    return { ...n, label: `${n.label} (${tail}${n.label.endsWith(id) ? '' : id})` };
  });
}

/** Counterparts: by instance name, else by a shared VIP. At most one instance per node. */
export function groupInstances(nodes: readonly Node[]): InstanceGroup[] {
  const members: Member[] = nodes.flatMap((node) => node.model.instances.map((inst) => ({ node, inst })));
  const uf = new UnionFind(members.length);
  const named = (m: Member, other: Node) => other.model.instances.some((i) => i.name === m.inst.name);
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      const A = members[a];
      const B = members[b];
      if (A.node === B.node) continue;
      if (A.inst.name === B.inst.name) uf.union(a, b);
      else if (!named(A, B.node) && !named(B, A.node) && vipKeys(A.inst).some((k) => vipKeys(B.inst).includes(k))) uf.union(a, b);
    }
  }
  const groups = new Map<number, Member[]>();
  members.forEach((m, i) => {
    const r = uf.find(i);
    const list = groups.get(r) ?? [];
    if (!list.some((x) => x.node === m.node)) list.push(m);
    groups.set(r, list);
  });
  return [...groups.values()].map((ms) => ({ name: ms[0].inst.name, members: ms }));
}
