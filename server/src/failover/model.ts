// The failover model of a cluster: for each VRRP instance (counterparts as the peer rules pair
// them), who holds the VIP in normal operation, with one node stopped, and with one tracked item
// failing on one node. Rules and features read it; it reads clusters and the typed model.
import { effectiveNopreempt, effectivePriority, isMaster, OWNER_PRIORITY } from '../model/effective';
import type { VrrpInstance } from '../model/types';
import type { Cluster, InstanceGroup, Member } from '../workspace/cluster';
import type { Node } from '../workspace/nodes';
import { holderAfter, sameHolder, startupHolder, type Contender, type Holder } from './election';
import { contributions, failureText, trackersOf, type TrackKind, type Tracker } from './trackers';

export type NodeState = 'up' | 'fault' | 'stopped';

export interface NodeOutcome {
  node: string;
  state: NodeState;
  /** Effective priority (1..255) while up; the configured one when stopped or in FAULT. */
  priority: number;
}

export interface Scenario {
  what: 'normal' | 'down' | 'track-fails';
  /** The stopped node, or the node whose tracked item fails. */
  node?: string;
  /** The failing item's name (script, interface, file, process or BFD). */
  track?: string;
  /** The failing item as this instance tracks it on that node (absent when only a sync group sibling tracks it). */
  tracker?: Tracker;
  /** "normal", "lb01 down", "chk_nginx fails on lb01". */
  text: string;
  outcomes: NodeOutcome[];
  holder: Holder;
  /** Facts that explain the outcome (preempt_delay, nopreempt, keepalived ignoring a weight...). */
  notes: string[];
  /** A tracked failure on the normal holder that leaves it the holder, or ends in a tie. */
  ineffective: boolean;
}

export interface InstanceFailover {
  group: InstanceGroup;
  name: string;
  vrid?: number;
  normal: Holder;
  scenarios: Scenario[];
}

interface Failing {
  node: Node;
  kind: TrackKind;
  name: string;
}

/** A weight tried instead of the configured one, on some nodes (the quick fix's search). */
export interface WeightTrial {
  kind: TrackKind;
  name: string;
  nodes: ReadonlySet<Node>;
  weight: number;
}

interface World {
  stopped?: Node;
  failing?: Failing;
  trial?: WeightTrial;
  /** Take no account of nopreempt and preempt_delay (to tell a nopreempt design from a weak weight). */
  ignorePreempt?: boolean;
}

const trackerCache = new WeakMap<VrrpInstance, Tracker[]>();

export function trackersOfMember(m: Pick<Member, 'node' | 'inst'>): Tracker[] {
  let t = trackerCache.get(m.inst);
  if (!t) trackerCache.set(m.inst, (t = trackersOf(m.node.model, m.inst)));
  return t;
}

function clamp(n: number): number {
  return Math.min(254, Math.max(1, n));
}

/** One instance on one node in a world, before its sync group is considered. */
function ownState(node: Node, inst: VrrpInstance, world: World): { state: NodeState; priority: number } {
  const base = effectivePriority(inst);
  if (world.stopped === node) return { state: 'stopped', priority: base };
  let total = base;
  let fault = false;
  for (const t of trackersOfMember({ node, inst })) {
    if (t.ignored) continue;
    const trial = world.trial;
    const weight = trial && !t.adjusted && trial.kind === t.kind && trial.name === t.name && trial.nodes.has(node) ? trial.weight : t.weight;
    const failing = !!world.failing && world.failing.node === node && world.failing.kind === t.kind && world.failing.name === t.name;
    if (weight === 0) {
      // process_script_update_priority: an unweighted item that fails calls down_instance (FAULT).
      if (failing) fault = true;
      continue;
    }
    // vrrp_set_effective_priority: "Don't change priority if address owner".
    if (base === OWNER_PRIORITY) continue;
    const c = contributions({ kind: t.kind, weight, reverse: t.reverse });
    total += failing ? c.failing : c.good;
    // initialise_vrrp_file_tracking_priorities: a file status of -254 or less is FAULT.
    if (t.kind === 'file' && failing && c.failing <= -254) fault = true;
  }
  // vrrp_set_effective_priority: the effective priority stays within 1..254.
  return { state: fault ? 'fault' : 'up', priority: base === OWNER_PRIORITY ? OWNER_PRIORITY : clamp(total) };
}

/** The instance on its node, with its sync group: one member in FAULT takes the group down (vrrp_sync.c vrrp_sync_fault). */
function memberState(m: Member, world: World): { state: NodeState; priority: number } {
  const own = ownState(m.node, m.inst, world);
  const group = m.inst.syncGroup;
  if (own.state !== 'up' || !group) return own;
  const siblings = m.node.model.instances.filter((i) => i !== m.inst && i.syncGroup === group);
  if (siblings.some((i) => ownState(m.node, i, world).state !== 'up')) return { state: 'fault', priority: own.priority };
  return own;
}

function contenders(g: InstanceGroup, world: World, excluded: ReadonlySet<Node>): { outcomes: NodeOutcome[]; cs: Contender[] } {
  const outcomes: NodeOutcome[] = [];
  const cs: Contender[] = [];
  for (const m of g.members) {
    const s = memberState(m, world);
    outcomes.push({ node: m.node.label, state: s.state, priority: s.priority });
    const preemptDelay = m.inst.preemptDelay?.value;
    cs.push({
      node: m.node.label,
      eligible: s.state === 'up' && !excluded.has(m.node),
      priority: s.priority,
      preempt: world.ignorePreempt || !effectiveNopreempt(m.inst),
      // vrrp.c: preempt_delay is cleared with initial state MASTER, with nopreempt and in strict mode.
      preemptDelay:
        !world.ignorePreempt && preemptDelay && !effectiveNopreempt(m.inst) && m.inst.state?.value !== 'MASTER' && !m.node.model.vrrpStrict ? preemptDelay : undefined,
      initialMaster: isMaster(m.inst) || s.priority === OWNER_PRIORITY,
    });
  }
  return { outcomes, cs };
}

/** The cluster's instance groups linked to `g` by sync groups (they move together). */
function linkedGroups(cluster: Cluster, g: InstanceGroup): InstanceGroup[] {
  const out = new Set<InstanceGroup>([g]);
  const queue = [g];
  while (queue.length) {
    const cur = queue.pop() as InstanceGroup;
    for (const m of cur.members) {
      const sg = m.inst.syncGroup;
      if (!sg) continue;
      for (const other of cluster.groups) {
        if (out.has(other)) continue;
        if (other.members.some((o) => o.node === m.node && o.inst.syncGroup === sg)) {
          out.add(other);
          queue.push(other);
        }
      }
    }
  }
  return [...out];
}

interface Election {
  outcomes: NodeOutcome[];
  holder: Holder;
  contenders: Contender[];
}

/**
 * Elections of linked groups in one world. A node that would hold some members of a sync group but
 * not the others gives them all up (vrrp_sync.c vrrp_sync_backup: one member going BACKUP takes the
 * group's other members to BACKUP).
 */
function elect(groups: readonly InstanceGroup[], world: World, before?: ReadonlyMap<InstanceGroup, Holder>): Map<InstanceGroup, Election> {
  const excluded = new Map<InstanceGroup, Set<Node>>(groups.map((g) => [g, new Set<Node>()]));
  let result = new Map<InstanceGroup, Election>();
  for (let round = 0; round < 4; round++) {
    result = new Map();
    for (const g of groups) {
      const { outcomes, cs } = contenders(g, world, excluded.get(g) as Set<Node>);
      const prior = before?.get(g);
      const holder = prior ? holderAfter(prior, cs, { ignorePreempt: world.ignorePreempt }) : startupHolder(cs);
      result.set(g, { outcomes, holder, contenders: cs });
    }
    // Only a member that goes from MASTER to BACKUP drags its group along: the node must have held
    // the other member before the change and lost it now.
    if (!before) break;
    let changed = false;
    for (const g of groups) {
      for (const m of g.members) {
        const sg = m.inst.syncGroup;
        const e = result.get(g) as Election;
        if (!sg || e.holder.kind !== 'node' || e.holder.node !== m.node.label) continue;
        const lost = groups.some((o) => {
          if (o === g) return false;
          const om = o.members.find((x) => x.node === m.node && x.inst.syncGroup === sg);
          const was = before.get(o);
          const oe = result.get(o) as Election;
          return !!om && was?.kind === 'node' && was.node === m.node.label && !(oe.holder.kind === 'node' && oe.holder.node === m.node.label);
        });
        if (lost && !excluded.get(g)?.has(m.node)) {
          excluded.get(g)?.add(m.node);
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return result;
}

function normalHolders(groups: readonly InstanceGroup[], trial?: WeightTrial): Map<InstanceGroup, Holder> {
  const e = elect(groups, { trial });
  return new Map([...e].map(([g, x]) => [g, x.holder]));
}

/** The election of `g` in a scenario, starting from the normal holders. */
function scenarioElection(cluster: Cluster, g: InstanceGroup, world: World, normal?: ReadonlyMap<InstanceGroup, Holder>): Election {
  const groups = linkedGroups(cluster, g);
  const before = normal ?? normalHolders(groups, world.trial);
  return elect(groups, world, before).get(g) as Election;
}

function holderNode(h: Holder): string | undefined {
  return h.kind === 'node' ? h.node : undefined;
}

/** The items that can fail for `m` on its node: its own and its sync group siblings', once each. */
function failingItems(m: Member): { kind: TrackKind; name: string; tracker?: Tracker; text: string }[] {
  const out = new Map<string, { kind: TrackKind; name: string; tracker?: Tracker; text: string }>();
  const own = trackersOfMember(m);
  for (const t of own) out.set(`${t.kind}:${t.name}`, { kind: t.kind, name: t.name, tracker: t, text: failureText(t) });
  const sg = m.inst.syncGroup;
  if (sg) {
    for (const i of m.node.model.instances) {
      if (i === m.inst || i.syncGroup !== sg) continue;
      for (const t of trackersOfMember({ node: m.node, inst: i })) {
        const k = `${t.kind}:${t.name}`;
        if (!out.has(k)) out.set(k, { kind: t.kind, name: t.name, text: `${failureText(t)} (tracked by ${i.name})` });
      }
    }
  }
  return [...out.values()];
}

function notesFor(e: Election, before: Holder, world: World, m?: Member, tracker?: Tracker): string[] {
  const notes: string[] = [];
  if (tracker?.adjusted) notes.push(`keepalived ${tracker.ignored ? 'ignores this item' : 'uses weight 0 (FAULT)'}: ${tracker.adjusted}`);
  const h = holderNode(e.holder);
  const prev = holderNode(before);
  const taker = h && h !== prev ? e.contenders.find((c) => c.node === h) : undefined;
  if (taker?.preemptDelay && prev && e.contenders.find((c) => c.node === prev)?.eligible) notes.push(`${h} takes over after preempt_delay ${taker.preemptDelay} s`);
  if (prev && h === prev && !world.ignorePreempt) {
    const master = e.contenders.find((c) => c.node === prev) as Contender;
    const held = e.contenders.filter((c) => c !== master && c.eligible && c.priority > master.priority && !c.preempt);
    if (held.length) notes.push(`${held.map((c) => c.node).join(', ')} ${held.length > 1 ? 'have' : 'has'} nopreempt: no takeover from a running master`);
  }
  if (m && world.failing && e.outcomes.find((o) => o.node === m.node.label)?.state === 'fault') notes.push(`${m.node.label} goes to FAULT`);
  return notes;
}

function scenario(
  cluster: Cluster,
  g: InstanceGroup,
  normals: ReadonlyMap<InstanceGroup, Holder>,
  world: World,
  what: Scenario['what'],
  text: string,
  m?: Member,
  item?: { name: string; tracker?: Tracker },
): Scenario {
  const normal = normals.get(g) as Holder;
  const e = scenarioElection(cluster, g, world, normals);
  let ineffective = false;
  const h = holderNode(normal);
  if (what === 'track-fails' && m && h === m.node.label && (e.holder.kind === 'tie' || holderNode(e.holder) === h)) {
    // A nopreempt design keeps the VIP on purpose: the failure would move it if the others preempted.
    const free = scenarioElection(cluster, g, { ...world, ignorePreempt: true }, normals);
    ineffective = free.holder.kind === 'tie' || holderNode(free.holder) === h;
  }
  return {
    what,
    node: m?.node.label,
    track: item?.name,
    tracker: item?.tracker,
    text,
    outcomes: e.outcomes,
    holder: e.holder,
    notes: what === 'normal' ? [] : notesFor(e, normal, world, m, item?.tracker),
    ineffective,
  };
}

function instanceFailover(cluster: Cluster, g: InstanceGroup): InstanceFailover {
  const normals = normalHolders(linkedGroups(cluster, g));
  const normal = normals.get(g) as Holder;
  // The nodes as an operator lists them: highest configured priority first.
  const members = [...g.members].sort((a, b) => effectivePriority(b.inst) - effectivePriority(a.inst) || a.node.label.localeCompare(b.node.label, undefined, { numeric: true }));
  const rank = new Map(members.map((m, i) => [m.node.label, i]));
  const scenarios: Scenario[] = [scenario(cluster, g, normals, {}, 'normal', 'normal')];
  for (const m of members) scenarios.push(scenario(cluster, g, normals, { stopped: m.node }, 'down', `${m.node.label} down`, m));
  for (const m of members) {
    for (const item of failingItems(m)) {
      const world: World = { failing: { node: m.node, kind: item.kind, name: item.name } };
      scenarios.push(scenario(cluster, g, normals, world, 'track-fails', `${item.text} on ${m.node.label}`, m, item));
    }
  }
  for (const s of scenarios) s.outcomes.sort((a, b) => (rank.get(a.node) ?? 0) - (rank.get(b.node) ?? 0));
  const vrid = g.members.find((m) => m.inst.vrid)?.inst.vrid?.value;
  return { group: g, name: g.name, vrid, normal, scenarios };
}

const cache = new WeakMap<Cluster, InstanceFailover[]>();

/** The failover analysis of every instance of a cluster (cached per cluster object). */
export function clusterFailover(cluster: Cluster): InstanceFailover[] {
  let r = cache.get(cluster);
  if (!r) cache.set(cluster, (r = cluster.groups.filter((g) => g.members.length > 1).map((g) => instanceFailover(cluster, g))));
  return r;
}

/**
 * The smallest |weight| (same sign as written) that moves the VIP off the holder when the item
 * fails there, keeping that node the holder in normal operation. A positive weight is tried on every
 * node that tracks the item (the healthy peers keep it); a negative one on the failing node only.
 */
export function weightThatMoves(cluster: Cluster, g: InstanceGroup, s: Scenario): { weight: number; nodes: Node[] } | undefined {
  const t = s.tracker;
  const m = g.members.find((x) => x.node.label === s.node);
  if (!t || !m || t.adjusted || t.weight === 0) return undefined;
  const sign = t.weight > 0 ? 1 : -1;
  const nodes =
    sign > 0 ? g.members.filter((x) => trackersOfMember(x).some((o) => o.kind === t.kind && o.name === t.name && o.weight > 0 && !o.adjusted)).map((x) => x.node) : [m.node];
  const set = new Set(nodes);
  const groups = linkedGroups(cluster, g);
  const moves = (w: number) => {
    const trial: WeightTrial = { kind: t.kind, name: t.name, nodes: set, weight: sign * w };
    const normals = normalHolders(groups, trial);
    if (holderNode(normals.get(g) as Holder) !== m.node.label) return false;
    const e = scenarioElection(cluster, g, { failing: { node: m.node, kind: t.kind, name: t.name }, trial }, normals);
    const h = holderNode(e.holder);
    return h !== undefined && h !== m.node.label;
  };
  if (!moves(253)) return undefined;
  let lo = 1;
  let hi = 253;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (moves(mid)) hi = mid;
    else lo = mid + 1;
  }
  return { weight: sign * lo, nodes };
}

export { sameHolder };
