// What keepalived makes of an instance's settings: the VRRP version it runs, the priority it uses
// when none is written, the VRRPv2 rounding of advert_int. Shared by hover, symbols and code lenses.
import type { ConfigModel, VrrpInstance } from '../model/types';
import type { Statement } from '../parser/statements';

export { AUTH_PASS_MAX } from '../rules/auth-pass-truncated';

/** The vrrp_instance a statement belongs to. */
export function instanceOf(model: ConfigModel, s: Statement | undefined): VrrpInstance | undefined {
  for (let p = s; p; p = p.parent) {
    if (p.keyword.value === 'vrrp_instance' && !p.parent) return model.instances.find((i) => i.stmt === p);
  }
  return undefined;
}

/** The VRRP version an instance runs: its own, else global_defs vrrp_version, else 2; IPv6 forces 3. */
export function effectiveVersion(model: ConfigModel, inst: VrrpInstance): number {
  if (inst.vips[0]?.family === 6) return 3;
  return inst.version?.value ?? model.vrrpVersion?.value ?? 2;
}

/** The priority keepalived uses: as written, else 255 for state MASTER, else 100. */
export function effectivePriority(inst: VrrpInstance): { value: number; implicit: boolean } {
  if (inst.priority) return { value: inst.priority.value, implicit: false };
  return { value: inst.state?.value === 'MASTER' ? 255 : 100, implicit: true };
}

/** keepalived's VRRPv2 rounding of an advert_int: to the nearest second (half up), at least 1. */
export function roundedAdvert(seconds: number): number {
  return Math.max(1, Math.floor(seconds + 0.5));
}
