// The shape of the keyword schema. The schema is data: every keyword keepalived registers is one
// KeywordSpec, and validation, completion, hover and --explain all read the same entries.

/** What a single word (argument) may be. */
export type ValueType =
  /** Whole number, optionally bounded (inclusive). `unit` is shown in docs only. `range`: a
   *  `FROM-TO` pair is accepted too (both bounded, FROM <= TO), as in status_code 200-299. */
  | { kind: 'integer'; min?: number; max?: number; unit?: string; range?: boolean }
  /** Number that may carry a fraction (e.g. advert_int 0.5). `digits` = decimals keepalived keeps. */
  /** `fractionsSince`: the release that first accepts a fraction (earlier ones read whole numbers only). */
  | { kind: 'decimal'; min?: number; max?: number; unit?: string; digits?: number; fractionsSince?: string }
  /** One of fixed words. keepalived compares most enums case-sensitively. */
  | { kind: 'enum'; values: readonly string[]; caseInsensitive?: boolean }
  /** on/off, true/false, yes/no (as keepalived's check_true_false). */
  | { kind: 'boolean' }
  | { kind: 'ipv4' }
  | { kind: 'ipv6' }
  /** IPv4 or IPv6 address. */
  | { kind: 'ip' }
  /** Address with an optional /prefix (IPv4 0-32, IPv6 0-128); `also` lists words accepted too. */
  | { kind: 'cidr'; also?: readonly string[] }
  /** A range of addresses as keepalived's virtual_server_group accepts: 10.0.0.1-10 */
  | { kind: 'ip-range' }
  /** Network interface name (at most 15 characters). */
  | { kind: 'interface' }
  /** TCP/UDP port 0-65535. */
  | { kind: 'port' }
  /** Free text, one word unless quoted. */
  | { kind: 'string'; maxLength?: number }
  /** A script or command: the rest of the line, usually quoted. */
  | { kind: 'command' }
  /** A filesystem path. */
  | { kind: 'path' }
  /** E-mail address. */
  | { kind: 'email' }
  /** Hexadecimal string (e.g. a digest). */
  | { kind: 'hex' }
  /** Hostname or IP address. */
  | { kind: 'host' }
  /** A name this keyword defines (vrrp_instance NAME, vrrp_script NAME...). */
  | { kind: 'name'; defines: RefTarget }
  /** A name defined elsewhere (track_script entries refer to vrrp_script names...). */
  | { kind: 'ref'; target: RefTarget }
  /** Anything: keepalived does not validate it (or we cannot). */
  | { kind: 'any' };

/** The kinds of named objects a config can define and refer to. */
export type RefTarget =
  | 'vrrp_instance'
  | 'vrrp_script'
  | 'vrrp_track_process'
  | 'track_file'
  | 'vrrp_sync_group'
  | 'virtual_server_group'
  | 'garp_group'
  | 'bfd_instance'
  | 'track_group';

/** One positional argument. */
export interface ArgSpec {
  /** Placeholder shown in docs, e.g. "VRID". */
  name: string;
  type: ValueType;
  /** The argument may be left out. */
  optional?: boolean;
  /** The argument may repeat (it is the last one). */
  repeat?: boolean;
}

/** A named trailing option: `weight -50 reverse`, `dev eth0`, `label eth0:1`... */
export interface OptionSpec {
  name: string;
  /** The words that follow the option name (none for a flag such as `home`). */
  args: ArgSpec[];
  doc?: string;
  /** Other spellings keepalived accepts for the same option. */
  aliases?: string[];
}

/**
 * The grammar of one line: positional arguments, with named options allowed anywhere among them
 * (a word equal to an option name starts that option). Words beyond the spec are reported as a
 * warning only, since keepalived mostly ignores extra words.
 */
export interface LineSpec {
  args: ArgSpec[];
  options?: OptionSpec[];
}

export interface KeywordSpec {
  keyword: string;
  /** Block path, '/'-separated as in keepalived-keywords.tsv; '' for top level. */
  path: string;
  /**
   * 'subkeywords': opens a block of keywords (its children have path `${path}/${keyword}`,
   * or just `keyword` at top level). 'values': opens a block whose lines are values (lineSpec).
   */
  block?: 'subkeywords' | 'values';
  /** Arguments on the keyword's own line (before a `{`). Empty for a flag keyword. */
  args: ArgSpec[];
  /** Named options on the keyword's own line. */
  options?: OptionSpec[];
  /** Alternative grammars of the keyword line (e.g. `virtual_server IP PORT | fwmark N | group NAME`);
   *  when present, a line is valid if it matches one form, and args/options describe the first. */
  forms?: LineSpec[];
  /** For value blocks: the grammar of each line inside the braces. */
  valueLine?: LineSpec;
  /** Alternative grammars of a value-block line (as `forms`). */
  valueLineForms?: LineSpec[];
  /** The keyword may appear more than once in one block (otherwise a repeat overrides). */
  repeatable?: boolean;
  /** keepalived's default when the keyword is absent, as text. */
  default?: string;
  /** Deprecated or renamed: what to use instead, if anything. */
  deprecated?: { replacement?: string; note?: string };
  /** keepalived version that introduced it, where documented. */
  since?: string;
  /** Build option keepalived needs for the keyword, e.g. `_WITH_BFD_`. */
  guard?: string;
  /** keepalived tolerates unmatched quotes in its arguments (scripts). */
  quoted?: boolean;
  /** What it does, its values and default, in our own words. */
  doc: string;
  /** A one-line example. */
  example?: string;
}
