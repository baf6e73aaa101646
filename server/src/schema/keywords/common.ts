// Value types and limits several keyword modules share.
import type { ArgSpec, ValueType } from '../types';

export const UINT32_MAX = 4294967295;
export const INT32_MAX = 2147483647;

/** Timers are seconds with up to 6 decimals (microsecond resolution). */
export const TIMER_POSITIVE: ValueType = { kind: 'decimal', min: 0.000001, unit: 's', digits: 6 };
export const TIMER_ZERO_OK: ValueType = { kind: 'decimal', min: 0, unit: 's', digits: 6 };
/** delay_loop, warmup and delay_before_retry: fractions of a second from keepalived 2.0.13 (whole seconds before). */
export const CHECK_DELAY_POSITIVE: ValueType = { ...TIMER_POSITIVE, fractionsSince: '2.0.13' };
export const CHECK_DELAY_ZERO_OK: ValueType = { ...TIMER_ZERO_OK, fractionsSince: '2.0.13' };
export const CONNECT_TIMEOUT: ValueType = { kind: 'decimal', min: 0.000001, max: 4294.967295, unit: 's', digits: 6 };
/** An optional on/off (true/false, yes/no) after a flag keyword. */
export const OPT_BOOL: ArgSpec = { name: 'BOOL', type: { kind: 'boolean' }, optional: true };
export const IFACE = { kind: 'interface' } as const satisfies ValueType;
