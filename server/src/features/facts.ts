// What keepalived makes of an instance's settings: the VRRP version it runs, the priority it uses
// when none is written, the VRRPv2 rounding of advert_int. Shared by hover, symbols and code lenses.
import type { ConfigModel, VrrpInstance } from '../model/types';
import type { Statement } from '../parser/statements';

export { AUTH_PASS_MAX, effectiveVersion, roundedAdvert } from '../model/effective';
import { effectivePriority, effectiveVersion } from '../model/effective';

/** The vrrp_instance a statement belongs to. */
export function instanceOf(model: ConfigModel, s: Statement | undefined): VrrpInstance | undefined {
  for (let p = s; p; p = p.parent) {
    if (p.keyword.value === 'vrrp_instance' && !p.parent) return model.instances.find((i) => i.stmt === p);
  }
  return undefined;
}

/** The priority keepalived uses, and whether it was left out (then implied by the state). */
export function priorityFacts(inst: VrrpInstance): { value: number; implicit: boolean } {
  return { value: effectivePriority(inst), implicit: !inst.priority };
}

/** keepalived's words for a priority it rejects ("Priority not valid! ... Using default 100"). */
const REJECTED_PRIORITY_FALLBACK = 100;

/** The schema's range of a number field, when the written value lies outside it. */
function outOfRange(field: VrrpInstance['priority']): string | undefined {
  const arg = field?.stmt.spec?.args[0]?.type;
  if (!field || arg?.kind !== 'integer') return undefined;
  const min = arg.min ?? -Infinity;
  const max = arg.max ?? Infinity;
  if (Number.isInteger(field.value) && field.value >= min && field.value <= max) return undefined;
  return `out of range ${min}..${max}`;
}

export interface SummaryOptions {
  /** Add the interface and the VIPs (the clusters view, where the line stands alone). */
  network?: boolean;
  /** Name the VRRP version even when nothing sets it (the hover). */
  version?: boolean;
}

/**
 * The one-line summary of an instance shown by the code lens, the symbols, the hover and the
 * clusters view: `MASTER 150 · VRID 55 · eth1 · 192.168.31.5/24`. The priority is the one keepalived
 * uses, marked `(implicit)` when the state implies it.
 */
export function instanceSummary(model: ConfigModel, inst: VrrpInstance, opts: SummaryOptions = {}): string {
  const state = inst.state?.value ?? 'BACKUP';
  const p = priorityFacts(inst);
  const badPriority = outOfRange(inst.priority);
  const parts = [badPriority ? `${state} ${REJECTED_PRIORITY_FALLBACK} (${inst.priority?.word.text} written: ${badPriority})` : `${state} ${p.value}${p.implicit ? ' (implicit)' : ''}`];
  // keepalived refuses an instance whose VRID is out of range: the summary says so, not just the number
  const badVrid = outOfRange(inst.vrid);
  if (inst.vrid) parts.push(badVrid ? `VRID ${inst.vrid.word.text} (${badVrid}: keepalived refuses it)` : `VRID ${inst.vrid.value}`);
  if (opts.version || inst.version || model.vrrpVersion || inst.vips[0]?.family === 6) parts.push(`VRRPv${effectiveVersion(inst, model)}`);
  if (opts.network) {
    if (inst.interface) parts.push(inst.interface.value);
    const vips = inst.vips.map((v) => (v.prefix !== undefined ? `${v.address}/${v.prefix}` : v.address));
    if (vips.length) parts.push(vips.length > 2 ? `${vips.slice(0, 2).join(', ')} +${vips.length - 2}` : vips.join(', '));
  }
  return parts.join(' · ');
}
