// What each tracked item of an instance does in keepalived: its kind, its effective weight (0 sends
// the instance to FAULT) and whether it is reversed, after the adjustments keepalived makes for
// address owners and sync groups. Read from the node's model; every fact cites keepalived's source.
import { last } from '../model/build';
import { effectivePriority, OWNER_PRIORITY } from '../model/effective';
import type { ConfigModel, VrrpInstance } from '../model/types';
import type { Statement, ValueLine } from '../parser/statements';
import type { Word } from '../parser/syntax';

export type TrackKind = 'script' | 'interface' | 'file' | 'process' | 'bfd';

export interface Tracker {
  kind: TrackKind;
  name: string;
  /** The weight keepalived applies; 0 sends the instance to FAULT while the item is failing. */
  weight: number;
  /** The weight as configured, before keepalived's adjustments. */
  configured: number;
  reverse: boolean;
  /** The entry in the track_* block (its first word names the item). */
  entry: Word;
  /** Every word of the entry line. */
  line: readonly Word[];
  /** The weight value written on the entry line (`chk weight -20`), when there is one. */
  entryWeight?: Word;
  /** The definition's `weight` statement (vrrp_script, vrrp_track_process, track_file, bfd_instance). */
  definitionWeight?: Statement;
  /** Tracked by the instance's vrrp_sync_group rather than by the instance. */
  fromSyncGroup: boolean;
  /** keepalived drops the item (or its weight) for this instance; why, in a few words. */
  adjusted?: string;
  /** The item is no longer tracked at all (keepalived frees it). */
  ignored: boolean;
}

/** track_* keyword → kind, and the definition block keywords of each kind. */
const KINDS: readonly { keyword: string; kind: TrackKind; definitions: string[]; defaultWeight: number }[] = [
  { keyword: 'track_script', kind: 'script', definitions: ['vrrp_script'], defaultWeight: 0 },
  { keyword: 'track_interface', kind: 'interface', definitions: [], defaultWeight: 0 },
  // track_file.c: "current_tf->weight = 1" — a track_file's weight defaults to 1.
  { keyword: 'track_file', kind: 'file', definitions: ['track_file', 'vrrp_track_file'], defaultWeight: 1 },
  { keyword: 'track_process', kind: 'process', definitions: ['vrrp_track_process'], defaultWeight: 0 },
  { keyword: 'track_bfd', kind: 'bfd', definitions: ['bfd_instance'], defaultWeight: 0 },
];

function intWord(w: Word | undefined): number | undefined {
  if (!w || !/^[+-]?\d+$/.test(w.value)) return undefined;
  return Number(w.value);
}

/** read_int_strvec(-254, 254) then "cannot be +/-254. Setting to +/-253" (vrrp_track.c alloc_track_*). */
function entryValue(n: number | undefined): number | undefined {
  if (n === undefined || n < -254 || n > 254) return undefined;
  return n === 254 ? 253 : n === -254 ? -253 : n;
}

const definitions = new WeakMap<ConfigModel, Map<string, { s: Statement; order: number }>>();

/** The last top-level block `keyword NAME` of one of `keywords`, in reading order (keepalived keeps the last definition). */
function definition(model: ConfigModel, keywords: readonly string[], name: string): Statement | undefined {
  let index = definitions.get(model);
  if (!index) {
    index = new Map();
    model.statements.forEach((s, order) => {
      if (s.args[0]) index?.set(`${s.keyword.value} ${s.args[0].value}`, { s, order });
    });
    definitions.set(model, index);
  }
  let found: { s: Statement; order: number } | undefined;
  for (const k of keywords) {
    const d = index.get(`${k} ${name}`);
    if (d && (!found || d.order > found.order)) found = d;
  }
  return found?.s;
}

function readEntry(model: ConfigModel, line: ValueLine, k: (typeof KINDS)[number], fromSyncGroup: boolean): Tracker | undefined {
  const [nameWord, opt, value, dir] = line.words;
  if (!nameWord) return undefined;
  const def = k.definitions.length ? definition(model, k.definitions, nameWord.value) : undefined;
  const defWeight = def ? last(def.children, 'weight') : undefined;
  // A definition's weight and its `reverse` are the default of every entry (alloc_track_script:
  // "weight = vsc->weight; reverse = vsc->weight_reverse").
  let weight = intWord(defWeight?.args[0]) ?? k.defaultWeight;
  let reverse = defWeight?.args[1]?.value === 'reverse';
  let entryWeight: Word | undefined;
  if (opt?.value === 'weight') {
    const n = entryValue(intWord(value));
    if (n !== undefined) {
      weight = n;
      entryWeight = value;
      if (dir?.value === 'reverse') reverse = true;
      else if (dir?.value === 'noreverse') reverse = false;
    }
  }
  return {
    kind: k.kind,
    name: nameWord.value,
    weight,
    configured: weight,
    reverse,
    entry: nameWord,
    line: line.words,
    entryWeight,
    definitionWeight: defWeight,
    fromSyncGroup,
    ignored: false,
  };
}

function entries(model: ConfigModel, block: Statement | undefined, fromSyncGroup: boolean): Tracker[] {
  const out: Tracker[] = [];
  for (const k of KINDS) {
    const s = last(block?.children, k.keyword);
    const seen = new Set<string>();
    for (const line of s?.values ?? []) {
      const t = readEntry(model, line, k, fromSyncGroup);
      // "duplicate track_script %s - ignoring": the first entry counts.
      if (t && !seen.has(t.name)) {
        seen.add(t.name);
        out.push(t);
      }
    }
  }
  return out;
}

/** Whether the sync group keeps its members' weights (sync_group_tracking_weight, or the deprecated global_tracking). */
export function syncGroupKeepsWeights(group: Statement): boolean {
  return !!(last(group.children, 'sync_group_tracking_weight') ?? last(group.children, 'global_tracking'));
}

/**
 * The items an instance tracks on its node, with the weights keepalived applies. The instance's
 * own entries first, then its sync group's.
 */
export function trackersOf(model: ConfigModel, inst: VrrpInstance): Tracker[] {
  const owner = effectivePriority(inst) === OWNER_PRIORITY;
  const group = inst.syncGroup;
  const syncNoWeight = !!group && !syncGroupKeepsWeights(group.stmt);
  const own = entries(model, inst.stmt, false);
  const primary = inst.interface?.value;
  for (const t of own) {
    if (t.kind !== 'interface' || t.name !== primary) continue;
    // vrrp.c vrrp_complete_instance: "Ignoring track_interface %s since own interface"; the
    // instance tracks its own interface anyway, unweighted (FAULT when down), unless dont_track_primary.
    if (last(inst.stmt.children, 'dont_track_primary')) {
      t.ignored = true;
      t.adjusted = `${primary} is ${inst.name}'s own interface, and dont_track_primary stops tracking it`;
    } else {
      t.weight = 0;
      t.adjusted = `${primary} is ${inst.name}'s own interface, which keepalived always tracks without weight`;
    }
  }
  if (syncNoWeight || owner) {
    // vrrp.c vrrp_complete_instance: "In case of VRRP SYNC, we have to carefully check that we are
    // not running floating priorities on any VRRP instance, unless sgroup_tracking_weight is set.
    // If address owner, then we must totally ignore weights."
    const why = syncNoWeight ? `${inst.name} is in sync group ${group?.name} without sync_group_tracking_weight` : `${inst.name} has priority 255, the address owner`;
    for (const t of own) {
      if (!t.weight || t.ignored) continue;
      if (t.kind === 'interface') {
        // "ignoring %s tracked interface weight due to SYNC group" sets the weight to 0; an address
        // owner stops tracking the interface.
        if (syncNoWeight) t.weight = 0;
        else t.ignored = true;
      } else if (t.kind === 'file') {
        // "weight == 1 is the default": set to 0 (FAULT); any other weight drops the file.
        if (t.weight === 1) t.weight = 0;
        else t.ignored = true;
      } else if (t.kind === 'process') {
        // Track processes are not in that list: in a sync group their weight stays. An address
        // owner's priority never changes (vrrp_set_effective_priority: "Don't change priority if
        // address owner").
        if (!owner) continue;
        t.ignored = true;
      } else {
        // "ignoring tracked script %s with weights due to %s"; weighted BFDs likewise.
        t.ignored = true;
      }
      t.adjusted = why;
    }
  }
  if (!group) return own;
  const groupItems = entries(model, group.stmt, true);
  // sync_group_tracking_init: "Cannot have weighted track script '%s' with member having priority
  // 255 - clearing weight" (and the same for files, processes and BFDs).
  const members = model.instances.filter((i) => i.syncGroup === group);
  if (members.some((i) => effectivePriority(i) === OWNER_PRIORITY)) {
    for (const t of groupItems) {
      if (!t.weight) continue;
      t.weight = 0;
      t.adjusted = `sync group ${group.name} has a member with priority 255`;
    }
  }
  return [...own, ...groupItems];
}

/** How a tracker's failure is named: "chk_nginx fails", "interface eth1 down", "file maint reads 1". */
export function failureText(t: Pick<Tracker, 'kind' | 'name' | 'reverse' | 'weight'>): string {
  // With `reverse` the item's good state is the other one ("'weight 0 reverse' will cause the vrrp
  // instance to be down when the script is up"), so the failure is the item coming up.
  const r = t.reverse ? ' (reverse)' : '';
  switch (t.kind) {
    case 'script':
      return `${t.name} ${t.reverse ? 'succeeds' : 'fails'}${r}`;
    case 'interface':
      return `interface ${t.name} ${t.reverse ? 'up' : 'down'}${r}`;
    case 'process':
      return `process ${t.name} ${t.reverse ? 'gains' : 'loses'} quorum${r}`;
    case 'bfd':
      return `bfd ${t.name} ${t.reverse ? 'up' : 'down'}${r}`;
    case 'file':
      return `file ${t.name} reads ${t.weight === 0 ? (t.reverse ? '0' : '1') : (t.weight < 0) !== t.reverse ? '1' : '-1'}`;
  }
}

/**
 * What the item adds to the priority in its good state and in its failing state (vrrp_track.c
 * process_script_update_priority / initialise_track_script_state: a weight W > 0 adds W while the
 * check succeeds, W < 0 adds W while it fails, `reverse` multiplies by -1). The good state is the
 * one that adds more; a track_file adds value × weight, its good value being 0.
 */
export function contributions(t: Pick<Tracker, 'kind' | 'weight' | 'reverse'>): { good: number; failing: number } {
  const m = t.reverse ? -1 : 1;
  if (t.kind === 'file') return { good: 0, failing: -Math.abs(t.weight) };
  const ok = t.weight > 0 ? t.weight * m : 0;
  const fail = t.weight < 0 ? t.weight * m : 0;
  return { good: Math.max(ok, fail), failing: Math.min(ok, fail) };
}

/** The failure as the subject of a sentence: "chk_nginx failing", "interface eth1 going down". */
export function failureSubject(t: Pick<Tracker, 'kind' | 'name' | 'reverse' | 'weight'>): string {
  switch (t.kind) {
    case 'script':
      return t.reverse ? `${t.name} succeeding (reverse)` : `${t.name} failing`;
    case 'interface':
      return `interface ${t.name} going ${t.reverse ? 'up (reverse)' : 'down'}`;
    case 'process':
      return `process ${t.name} ${t.reverse ? 'gaining quorum (reverse)' : 'losing quorum'}`;
    case 'bfd':
      return `bfd ${t.name} going ${t.reverse ? 'up (reverse)' : 'down'}`;
    case 'file':
      return `track_file ${failureText(t).slice('file '.length).replace('reads', 'reading')}`;
  }
}
