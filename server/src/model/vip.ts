// Parses the address lines of virtual_ipaddress / virtual_ipaddress_excluded / static_ipaddress.
import { isIPv4, isIPv6 } from '../schema/ip-address';
import type { ValueLine } from '../parser/statements';
import type { VipAddress } from './types';

const WITH_VALUE = new Set(['brd', 'broadcast', 'dev', 'scope', 'label', 'peer', 'preferred_lft', 'track_group']);

export function parseVip(line: ValueLine): VipAddress | undefined {
  const first = line.words[0];
  if (!first) return undefined;
  const [addr, pfx] = first.value.split('/', 2);
  const family = isIPv4(addr) ? 4 : isIPv6(addr) ? 6 : undefined;
  if (!family) return undefined;
  const vip: VipAddress = { address: normalizeAddress(addr, family), family, line, word: first };
  if (pfx !== undefined && /^\d+$/.test(pfx)) vip.prefix = Number(pfx);
  for (let i = 1; i < line.words.length; i++) {
    const k = line.words[i].value;
    if (!WITH_VALUE.has(k)) continue;
    const v = line.words[i + 1]?.value;
    i++;
    if (v === undefined) break;
    if (k === 'dev') vip.dev = v;
    else if (k === 'label') vip.label = v;
    else if (k === 'scope') vip.scope = v;
    else if (k === 'brd' || k === 'broadcast') vip.brd = v;
    else if (k === 'peer') vip.peer = v;
  }
  return vip;
}

/** One spelling per address, so that peers compare `fe80::1` and `FE80:0::1` as equal. */
export function normalizeAddress(addr: string, family: 4 | 6): string {
  if (family === 4) return addr;
  try {
    return new URL(`http://[${addr}]/`).hostname.slice(1, -1);
  } catch {
    return addr.toLowerCase();
  }
}

/** The prefix keepalived uses when none is written: a host route (/32, /128). */
export function effectivePrefix(v: VipAddress): number {
  return v.prefix ?? (v.family === 4 ? 32 : 128);
}
