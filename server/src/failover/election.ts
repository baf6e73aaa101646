// Who holds the VIP: keepalived's election among the nodes of one VRRP instance, as pure functions
// of each node's state (stopped, FAULT, effective priority, preemption).
//
// keepalived/vrrp/vrrp.c vrrp_state_backup: a BACKUP accepts an advert (stays BACKUP) when it has
// nopreempt, when the advert's priority is >= its own, or while its preempt_delay runs; otherwise it
// discards the lower-priority advert and takes over when its down timer expires. The down timer is
// shorter for a higher priority (skew time), so after a master disappears the highest priority
// wins; two equal BACKUPs both become MASTER and vrrp_state_master_rx keeps the one with the higher
// primary IP address, which the configuration files do not show: a tie.

export interface Contender {
  /** The node's label. */
  node: string;
  /** Running and not in FAULT. */
  eligible: boolean;
  /** Effective priority (1..255). */
  priority: number;
  /** Takes the VIP from a lower-priority master (no effective nopreempt). */
  preempt: boolean;
  /** Seconds a takeover waits (preempt_delay). */
  preemptDelay?: number;
  /** Starts as MASTER (state MASTER or priority 255). */
  initialMaster: boolean;
}

export type Holder = { kind: 'node'; node: string } | { kind: 'tie'; nodes: string[] } | { kind: 'none' };

export const NO_HOLDER: Holder = { kind: 'none' };

/** The highest priority among the nodes; a tie when several share it. */
function highest(cs: readonly Contender[]): Holder {
  const live = cs.filter((c) => c.eligible);
  if (!live.length) return NO_HOLDER;
  const top = Math.max(...live.map((c) => c.priority));
  const at = live.filter((c) => c.priority === top);
  return at.length === 1 ? { kind: 'node', node: at[0].node } : { kind: 'tie', nodes: at.map((c) => c.node) };
}

/** The holder once `master` (running as MASTER before the change) sees the others' new state. */
function fromMaster(master: string, cs: readonly Contender[], ignorePreempt: boolean): Holder {
  const m = cs.find((c) => c.node === master);
  if (!m || !m.eligible) return highest(cs.filter((c) => c.node !== master));
  // Only a strictly higher priority that preempts takes over (vrrp_state_backup).
  const above = cs.filter((c) => c !== m && c.eligible && c.priority > m.priority && (c.preempt || ignorePreempt));
  return above.length ? highest(above) : { kind: 'node', node: master };
}

/**
 * The holder after a change, given the holder before it. From a tie, every node of the tie may
 * be the master: the answer is certain only when all lead to the same node.
 */
export function holderAfter(before: Holder, cs: readonly Contender[], opts: { ignorePreempt?: boolean } = {}): Holder {
  if (before.kind === 'none') return highest(cs);
  const masters = before.kind === 'node' ? [before.node] : before.nodes;
  const results = masters.map((m) => fromMaster(m, cs, !!opts.ignorePreempt));
  const first = results[0];
  if (results.every((r) => sameHolder(r, first))) return first;
  const nodes = [...new Set(results.flatMap((r) => (r.kind === 'node' ? [r.node] : r.kind === 'tie' ? r.nodes : [])))];
  return nodes.length ? { kind: 'tie', nodes } : NO_HOLDER;
}

/**
 * Start-up with every node running: the nodes that start as MASTER settle among themselves by
 * priority; then a higher-priority BACKUP that preempts takes over. Without such a node the
 * highest priority wins.
 */
export function startupHolder(cs: readonly Contender[]): Holder {
  const first = cs.filter((c) => c.initialMaster && c.eligible);
  if (!first.length) return highest(cs);
  return holderAfter(highest(first), cs);
}

export function sameHolder(a: Holder, b: Holder): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'node' && b.kind === 'node') return a.node === b.node;
  if (a.kind === 'tie' && b.kind === 'tie') return [...a.nodes].sort().join() === [...b.nodes].sort().join();
  return true;
}

/** "lb01", "tie", or null: the holder as the CLI's JSON prints it. */
export function holderName(h: Holder): string | null {
  return h.kind === 'node' ? h.node : h.kind === 'tie' ? 'tie' : null;
}
