// What keepalived makes of an instance's settings: the VRRP version it runs, the priority it uses
// when none is written, the VRRPv2 rounding of advert_int. Shared by hover, symbols and code lenses.
import type { ConfigModel, VrrpInstance } from '../model/types';
import type { Statement } from '../parser/statements';

export { AUTH_PASS_MAX, effectiveVersion, roundedAdvert } from '../model/effective';
import { effectivePriority } from '../model/effective';

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
