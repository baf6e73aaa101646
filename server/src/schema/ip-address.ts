// Address syntax checks with the same answers as node:net's isIPv4/isIPv6/isIP. They are written
// here because loading node:net (and the stream modules it pulls in) costs the CLI ~3 ms and
// 1.5 MiB at start-up, for three string checks.

/** A dotted quad of decimal bytes without leading zeros (`10.0.0.1`, not `010.0.0.1`). */
export function isIPv4(s: string): boolean {
  // A scan, not split() and a regex per part: every address of a large file passes here.
  let parts = 0;
  let i = 0;
  while (parts < 4) {
    let n = 0;
    const start = i;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
    }
    const len = i - start;
    if (len === 0 || len > 3 || (len > 1 && s.charCodeAt(start) === 48) || n > 255) return false;
    parts++;
    if (parts < 4) {
      if (s.charCodeAt(i) !== 46) return false;
      i++;
    }
  }
  return i === s.length;
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/**
 * Eight groups of 1-4 hex digits, with one `::` standing for one or more zero groups, the last
 * 32 bits optionally written as a dotted quad, and an optional `%zone` suffix.
 */
export function isIPv6(s: string): boolean {
  let addr = s;
  const pct = s.indexOf('%');
  if (pct >= 0) {
    if (!/^[0-9a-zA-Z.:-]+$/.test(s.slice(pct + 1))) return false;
    addr = s.slice(0, pct);
  }
  const gap = addr.indexOf('::');
  if (gap >= 0 && addr.indexOf('::', gap + 1) >= 0) return false;
  const groups = gap >= 0 ? [...split(addr.slice(0, gap)), ...split(addr.slice(gap + 2))] : addr.split(':');
  // A dotted quad may only end the address, after a colon.
  const last = groups[groups.length - 1];
  const quad = last !== undefined && last.includes('.');
  if (quad && (!isIPv4(last) || (gap >= 0 && gap + 2 === addr.length))) return false;
  const hex = quad ? groups.slice(0, -1) : groups;
  if (!hex.every((g) => HEX_GROUP.test(g))) return false;
  const width = hex.length + (quad ? 2 : 0);
  return gap >= 0 ? width <= 7 : width === 8;
}

function split(part: string): string[] {
  return part === '' ? [] : part.split(':');
}

/** 4 or 6 for an address of that family, 0 for anything else. */
export function isIP(s: string): 0 | 4 | 6 {
  return isIPv4(s) ? 4 : isIPv6(s) ? 6 : 0;
}
