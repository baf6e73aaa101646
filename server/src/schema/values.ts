// Checks one word against a ValueType. Pure and allocation-light: it runs for every argument.
import { isIPv4, isIPv6 } from './ip-address';
import type { ValueType } from './types';

export type ValueProblem =
  | { kind: 'invalid-value'; expected: string }
  | { kind: 'value-out-of-range'; expected: string };

const INTEGER_RE = /^[+-]?(?:\d+|0[xX][0-9a-fA-F]+)$/;

/** Plain decimal digits, the common case, tested without a regex (every argument of a file passes here). */
function digitsOnly(v: string): boolean {
  if (v.length === 0) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isInteger(v: string): boolean {
  return digitsOnly(v) || INTEGER_RE.test(v);
}
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const HEX = /^(?:0x)?[0-9a-fA-F]+$/;
/** The words keepalived's check_true_false accepts. */
export const BOOLEAN_WORDS: readonly string[] = ['on', 'off', 'true', 'false', 'yes', 'no'];
const BOOLEANS = new Set(BOOLEAN_WORDS);

function rangeText(min?: number, max?: number, unit?: string): string {
  const u = unit ? ` ${unit}` : '';
  if (min !== undefined && max !== undefined) return `${min}..${max}${u}`;
  if (min !== undefined) return `at least ${min}${u}`;
  if (max !== undefined) return `at most ${max}${u}`;
  return `a number${u}`;
}

function numberIn(n: number, t: { min?: number; max?: number; unit?: string }): ValueProblem | undefined {
  if ((t.min !== undefined && n < t.min) || (t.max !== undefined && n > t.max)) {
    return { kind: 'value-out-of-range', expected: rangeText(t.min, t.max, t.unit) };
  }
  return undefined;
}

/** `addr/prefix` with the prefix bounded by the family. */
export function checkCidr(v: string): ValueProblem | undefined {
  const slash = v.indexOf('/');
  const addr = slash < 0 ? v : v.slice(0, slash);
  const v4 = isIPv4(addr);
  if (!v4 && !isIPv6(addr)) return { kind: 'invalid-value', expected: 'an IPv4 or IPv6 address, optionally with /prefix' };
  if (slash < 0) return undefined;
  const p = v.slice(slash + 1);
  if (!/^\d+$/.test(p)) return { kind: 'invalid-value', expected: `a prefix length after '/' (0..${v4 ? 32 : 128})` };
  if (Number(p) > (v4 ? 32 : 128)) return { kind: 'value-out-of-range', expected: `a prefix length 0..${v4 ? 32 : 128}` };
  return undefined;
}

function checkIpRange(v: string): ValueProblem | undefined {
  const dash = v.lastIndexOf('-');
  if (dash < 0) return isIPv4(v) || isIPv6(v) ? undefined : { kind: 'invalid-value', expected: 'an address or address range (10.0.0.1-10)' };
  const addr = v.slice(0, dash);
  const end = v.slice(dash + 1);
  if (isIPv4(addr)) {
    if (!/^\d+$/.test(end)) return { kind: 'invalid-value', expected: 'a range end after "-" (the last octet)' };
    const last = Number(addr.split('.')[3]);
    if (Number(end) > 255 || Number(end) < last) return { kind: 'value-out-of-range', expected: `a last octet from ${last} to 255` };
    return undefined;
  }
  if (isIPv6(addr) && /^[0-9a-fA-F]{1,4}$/.test(end)) return undefined;
  return { kind: 'invalid-value', expected: 'an address or address range (10.0.0.1-10)' };
}

/** A short name of what a type accepts, for messages and docs. */
export function describeType(t: ValueType): string {
  switch (t.kind) {
    case 'integer':
    case 'decimal':
      if (t.kind === 'integer' && t.range) return `an integer or FROM-TO range ${rangeText(t.min, t.max, t.unit)}`;
      return t.min !== undefined || t.max !== undefined
        ? `${t.kind === 'integer' ? 'an integer' : 'a number'} ${rangeText(t.min, t.max, t.unit)}`
        : t.kind === 'integer'
          ? 'an integer'
          : 'a number';
    case 'enum':
      return `one of ${t.values.join(', ')}`;
    case 'boolean':
      return 'on/off, true/false or yes/no';
    case 'ipv4':
      return 'an IPv4 address';
    case 'ipv6':
      return 'an IPv6 address';
    case 'ip':
      return 'an IP address';
    case 'cidr':
      return 'an IP address with optional /prefix';
    case 'ip-range':
      return 'an IP address or range';
    case 'interface':
      return 'an interface name';
    case 'port':
      return 'a port 0..65535';
    case 'string':
      return t.maxLength ? `text of at most ${t.maxLength} characters` : 'text';
    case 'command':
      return 'a command';
    case 'path':
      return 'a file path';
    case 'email':
      return 'an e-mail address';
    case 'hex':
      return 'hexadecimal digits';
    case 'host':
      return 'a host name or address';
    case 'name':
      return `a ${t.defines} name`;
    case 'ref':
      return `the name of a ${t.target}`;
    case 'any':
      return 'a value';
  }
}

/** Returns what is wrong with `v` as a `t`, or undefined when keepalived would take it. */
export function checkValue(t: ValueType, v: string): ValueProblem | undefined {
  switch (t.kind) {
    case 'integer': {
      const pair = t.range ? /^(\d+)-(\d+)$/.exec(v) : null;
      if (pair) {
        const [from, to] = [Number(pair[1]), Number(pair[2])];
        if (from > to) return { kind: 'value-out-of-range', expected: `a range FROM-TO with FROM <= TO, within ${rangeText(t.min, t.max, t.unit)}` };
        return numberIn(from, t) ?? numberIn(to, t);
      }
      if (!isInteger(v)) return { kind: 'invalid-value', expected: describeType(t) };
      return numberIn(Number(v), t);
    }
    case 'decimal':
      if (!DECIMAL.test(v)) return { kind: 'invalid-value', expected: describeType(t) };
      return numberIn(Number(v), t);
    case 'port':
      if (!isInteger(v)) return { kind: 'invalid-value', expected: 'a port number 0..65535' };
      return numberIn(Number(v), { min: 0, max: 65535 });
    case 'enum': {
      const ok = t.caseInsensitive ? t.values.some((x) => x.toLowerCase() === v.toLowerCase()) : t.values.includes(v);
      return ok ? undefined : { kind: 'invalid-value', expected: describeType(t) };
    }
    case 'boolean':
      return BOOLEANS.has(v) ? undefined : { kind: 'invalid-value', expected: describeType(t) };
    case 'ipv4':
      return isIPv4(v) ? undefined : { kind: 'invalid-value', expected: 'an IPv4 address' };
    case 'ipv6':
      return isIPv6(v) ? undefined : { kind: 'invalid-value', expected: 'an IPv6 address' };
    case 'ip':
      return isIPv4(v) || isIPv6(v) ? undefined : { kind: 'invalid-value', expected: 'an IPv4 or IPv6 address' };
    case 'cidr':
      return t.also?.includes(v) ? undefined : checkCidr(v);
    case 'ip-range':
      return checkIpRange(v);
    case 'interface':
      if (v.length > 15) return { kind: 'value-out-of-range', expected: 'an interface name of at most 15 characters' };
      return /[/\s]/.test(v) ? { kind: 'invalid-value', expected: 'an interface name' } : undefined;
    case 'string':
      return t.maxLength !== undefined && v.length > t.maxLength
        ? { kind: 'value-out-of-range', expected: describeType(t) }
        : undefined;
    case 'hex':
      return HEX.test(v) ? undefined : { kind: 'invalid-value', expected: 'hexadecimal digits' };
    case 'email':
      // keepalived passes the address to the SMTP server as written; a local user name is fine.
      return undefined;
    case 'host':
      // A name is resolved at startup (we cannot judge it), but all-numeric dotted words are no
      // host name: keepalived fails to read 192.168.1.300 as an address and as a name alike. Nor is
      // a word with characters no host name has (a placeholder such as ** or <IP>), or a ':' that
      // makes no IPv6 address.
      if (isIPv4(v) || isIPv6(v)) return undefined;
      return /^[\d.]+$/.test(v) || !/^[A-Za-z0-9_.-]+$/.test(v) ? { kind: 'invalid-value', expected: 'a host name or IP address' } : undefined;
    default:
      return undefined;
  }
}
