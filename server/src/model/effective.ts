// What keepalived makes of an instance's settings when they are left out or rounded: shared by
// the peer rules, the hover, the code lens and the cluster views.
import type { ConfigModel, VrrpInstance } from './types';

/** keepalived uses only the first 8 characters of an auth_pass (VRRPv2's authentication data field). */
export const AUTH_PASS_MAX = 8;

/** keepalived's priority of an instance that sets none (vrrp_data.c). */
export const DEFAULT_PRIORITY = 100;
/** The address owner's priority, which an initial state MASTER without priority gets. */
export const OWNER_PRIORITY = 255;

/**
 * Whether the instance starts as MASTER. keepalived compares the word exactly (strcmp): `master`
 * is an unknown state, read as BACKUP.
 */
export function isMaster(inst: VrrpInstance): boolean {
  return inst.state?.value === 'MASTER';
}

/** The priority keepalived uses: as written, else 255 (address owner) for state MASTER, else 100. */
export function effectivePriority(inst: VrrpInstance): number {
  return inst.priority?.value ?? (isMaster(inst) ? OWNER_PRIORITY : DEFAULT_PRIORITY);
}

/**
 * Whether nopreempt is in force: keepalived clears it for an address owner (priority 255) and for
 * initial state MASTER ("nopreempt will not work with initial state MASTER - clearing").
 */
export function effectiveNopreempt(inst: VrrpInstance): boolean {
  return !!inst.nopreempt && !isMaster(inst) && effectivePriority(inst) !== OWNER_PRIORITY;
}

/** The VRRP version an instance runs: its own, else global_defs vrrp_version, else 2; IPv6 forces 3. */
export function effectiveVersion(inst: VrrpInstance, model: ConfigModel): number {
  if (inst.vips[0]?.family === 6) return 3;
  return inst.version?.value ?? model.vrrpVersion?.value ?? 2;
}

export function effectiveAdvertInt(inst: VrrpInstance): number {
  return inst.advertInt?.value ?? 1;
}

/** keepalived's VRRPv2 rounding of an advert_int: to the nearest second (half up), at least 1. */
export function roundedAdvert(seconds: number): number {
  return Math.max(1, Math.floor(seconds + 0.5));
}
