// Line grammars shared by the VRRP value blocks: virtual_ipaddress / virtual_ipaddress_excluded /
// static_ipaddress, virtual_routes / static_routes, virtual_rules / static_rules, and the track_*
// lists of vrrp_instance and vrrp_sync_group. Written from keepalived's parsers (alloc_ipaddress,
// alloc_route, parse_nexthops, alloc_rule, alloc_track_*).
import type { ArgSpec, LineSpec, OptionSpec, RefTarget, ValueType } from '../types';
import { IFACE } from './common';

const U32 = { kind: 'integer', min: 0, max: 4294967295 } as const satisfies ValueType;
const U8 = { kind: 'integer', min: 0, max: 255 } as const satisfies ValueType;
const STR = { kind: 'string' } as const satisfies ValueType;
const IP = { kind: 'ip' } as const satisfies ValueType;

function flag(name: string, doc: string, aliases?: string[]): OptionSpec {
  return aliases ? { name, args: [], doc, aliases } : { name, args: [], doc };
}

function opt(name: string, argName: string, type: ValueType, doc: string, aliases?: string[]): OptionSpec {
  const o: OptionSpec = { name, args: [{ name: argName, type }], doc };
  if (aliases) o.aliases = aliases;
  return o;
}

// `mtu lock 1400`: the metric keyword's value is optional so that a following `lock` (itself an
// option taking the value) is accepted by a left-to-right matcher; `mtu 1400` fills it directly.
function lockOpt(name: string, argName: string, type: ValueType, doc: string): OptionSpec {
  return {
    name,
    args: [{ name: argName, type, optional: true }],
    doc: `${doc} Write \`${name} lock VALUE\` to stop the kernel changing it.`,
  };
}

const LOCK_OPT: OptionSpec = opt('lock', 'VALUE', STR, 'Locks the preceding route metric (mtu, advmss, rtt, rttvar, reordering, cwnd, ssthresh, rto_min, congctl) to the value that follows.');

const TRACK_GROUP_OPT: OptionSpec = opt(
  'track_group',
  'GROUP',
  { kind: 'ref', target: 'track_group' },
  'Name of a track_group whose VRRP instances go to FAULT if this entry is removed and cannot be restored (static entries only).',
);

const NO_TRACK_OPT: OptionSpec = flag(
  'no_track',
  'Do not track this entry: its removal does not make the VRRP instance leave MASTER, and it is only restored at the next transition to MASTER.',
);

// ---------------------------------------------------------------------------------------------
// Addresses: IP[/MASK] followed by ip-address-like options.

const ADDRESS_OPTIONS: OptionSpec[] = [
  opt('dev', 'IFNAME', IFACE, 'Interface to put the address on (default: the instance interface, or default_interface for static addresses).'),
  opt('scope', 'SCOPE', STR, 'Address scope: global, site, link, host, nowhere, a number or a name from rt_scopes (IPv4 only).'),
  opt('brd', 'BROADCAST', STR, 'IPv4 broadcast address; `+` sets and `-` clears the host bits of the address.', ['broadcast']),
  opt('label', 'LABEL', { kind: 'string', maxLength: 15 }, 'Address label (IPv4 only), conventionally IFNAME:TEXT such as eth0:1; at most 15 characters.'),
  opt('peer', 'PEER', IP, 'Address of the remote end of a point-to-point link; no prefix may be given on the address itself.'),
  flag('home', 'Mark the address as a Mobile IPv6 home address.'),
  flag('-nodad', 'Skip IPv6 duplicate address detection.'),
  flag('mngtmpaddr', 'Let the kernel manage IPv6 temporary addresses from this address.'),
  flag('noprefixroute', 'Do not create the prefix route for the address.'),
  flag('autojoin', 'Join the multicast group of a multicast address automatically.'),
  NO_TRACK_OPT,
  opt('preferred_lft', 'SECONDS|forever', STR, 'IPv6 preferred lifetime in seconds, or `forever`; 0 marks the address deprecated (the default for /128).'),
];

/** virtual_ipaddress / virtual_ipaddress_excluded line. */
export const VIP_LINE: LineSpec = {
  args: [{ name: 'IP[/MASK]', type: { kind: 'cidr' } }],
  options: [
    ...ADDRESS_OPTIONS,
    flag('use_vmac', 'Put this address on a VMAC (macvlan) interface created on its `dev` interface.'),
  ],
};

/** static_ipaddress line. */
export const STATIC_IP_LINE: LineSpec = {
  args: [{ name: 'IP[/MASK]', type: { kind: 'cidr' } }],
  options: [...ADDRESS_OPTIONS, TRACK_GROUP_OPT],
};

// ---------------------------------------------------------------------------------------------
// Routes: `ip route add`-like syntax. The destination is the one positional word; it may be
// preceded by `to` and/or a route type (blackhole, unreachable, ...). `nexthop` starts the
// multipath part, where via/dev/weight/onlink/encap/realms describe each next hop.

const ROUTE_TYPES: [string, string][] = [
  ['unicast', 'Ordinary route (the default type).'],
  ['local', 'Route type local: the destination is on this host.'],
  ['broadcast', 'Route type broadcast.'],
  ['brd', 'Route type broadcast (short form).'],
  ['multicast', 'Route type multicast.'],
  ['anycast', 'Route type anycast.'],
  ['blackhole', 'Route type blackhole: silently discard matching packets.'],
  ['unreachable', 'Route type unreachable: reject with host unreachable.'],
  ['prohibit', 'Route type prohibit: reject with administratively prohibited.'],
  ['throw', 'Route type throw: continue the lookup in the next rule.'],
  ['nat', 'Route type nat.'],
  ['xresolve', 'Route type xresolve.'],
];

const ROUTE_OPTIONS_BASE: OptionSpec[] = [
  flag('inet', 'Treat the route as IPv4. keepalived skips the word after inet/inet6, so put it last on the line.'),
  flag('inet6', 'Treat the route as IPv6. keepalived skips the word after inet/inet6, so put it last on the line.'),
  flag('to', 'Optional word before the destination.'),
  ...ROUTE_TYPES.map(([name, doc]) => flag(name, doc)),
  opt('src', 'ADDRESS', IP, 'Preferred source address for traffic using the route.'),
  {
    name: 'via',
    // Optional only so that the rare `via inet6 ADDR` spelling does not read as a missing value.
    args: [{ name: 'GATEWAY', type: IP, optional: true }],
    doc: 'Gateway address; `via inet|inet6 ADDR` is also accepted. `gw` is an old spelling that keepalived reports as deprecated.',
    aliases: ['gw'],
  },
  opt('from', 'PREFIX', { kind: 'cidr', also: ['all', 'any', 'default'] }, 'Source prefix (IPv6 routes only).'),
  opt('tos', 'TOS', STR, 'Type of service / DS field value, as a number or a name from rt_dsfield.', ['dsfield']),
  opt('table', 'TABLE', STR, 'Routing table number or name from rt_tables (default main).'),
  opt('protocol', 'PROTO', STR, 'Routing protocol number or name from rt_protos; tracked routes are always set to keepalived\'s own protocol.'),
  opt('scope', 'SCOPE', STR, 'Route scope: global, site, link, host, nowhere or a number.'),
  opt('metric', 'N', U32, 'Route metric / priority.', ['priority', 'preference']),
  opt('dev', 'IFNAME', IFACE, 'Output interface.', ['oif']),
  flag('onlink', 'Treat the gateway as directly reachable even without a matching prefix (IPv4).'),
  {
    name: 'encap',
    args: [
      { name: 'TYPE', type: { kind: 'enum', values: ['ip', 'ip6', 'mpls', 'ila'] } },
      { name: 'LABELS|LOCATOR', type: STR, optional: true },
    ],
    doc: 'Lightweight tunnel encapsulation; for ip/ip6 follow with id/dst/src/tos|tc/ttl|hoplimit/flags, for mpls a label stack, for ila a locator.',
  },
  opt('id', 'ID', STR, 'Tunnel id for `encap ip|ip6`.'),
  opt('dst', 'ADDRESS', IP, 'Tunnel destination for `encap ip|ip6`.'),
  opt('tc', 'TC', STR, 'Traffic class for `encap ip6`.'),
  opt('ttl', 'TTL', U8, 'TTL for `encap ip`.'),
  opt('flags', 'FLAGS', { kind: 'integer', min: 0, max: 65535 }, 'Flags for `encap ip|ip6`.'),
  opt('expires', 'SECONDS', U32, 'Lifetime of the route in seconds (IPv6 only).'),
  LOCK_OPT,
  lockOpt('mtu', 'MTU', U32, 'Path MTU.'),
  opt('hoplimit', 'N', U8, 'Hop limit / TTL to use for packets on this route.'),
  lockOpt('advmss', 'BYTES', U32, 'Advertised MSS.'),
  lockOpt('rtt', 'TIME', STR, 'Initial RTT estimate (plain number in ms, or with s/ms suffix).'),
  lockOpt('rttvar', 'TIME', STR, 'Initial RTT variance (plain number in ms, or with s/ms suffix).'),
  lockOpt('reordering', 'N', U32, 'Maximum reordering.'),
  opt('window', 'N', U32, 'Maximum TCP window to advertise.'),
  lockOpt('cwnd', 'N', U32, 'TCP congestion window clamp.'),
  lockOpt('ssthresh', 'N', U32, 'Initial slow start threshold.'),
  opt('realms', 'FROM/TO', STR, 'Routing realms (IPv4 only).'),
  lockOpt('rto_min', 'TIME', STR, 'Minimum TCP retransmission timeout (plain number in ms, or with s/ms suffix).'),
  opt('initcwnd', 'N', U32, 'Initial congestion window.'),
  opt('initrwnd', 'N', U32, 'Initial receive window.'),
  opt('features', 'FEATURE', { kind: 'enum', values: ['ecn'] }, 'Route features; only `ecn` is supported.'),
  opt('quickack', '0|1', { kind: 'integer', min: 0, max: 1 }, 'Enable or disable TCP quick ack.'),
  lockOpt('congctl', 'ALGORITHM', STR, 'TCP congestion control algorithm.'),
  opt('pref', 'PREF', STR, 'IPv6 router preference: low, medium, high or a number.'),
  opt('ttl-propagate', 'MODE', { kind: 'enum', values: ['enabled', 'disabled'] }, 'MPLS TTL propagation.'),
  opt('fastopen_no_cookie', '0|1', { kind: 'integer', min: 0, max: 1 }, 'Allow TCP fast open without a cookie.'),
  flag('add', 'Add the route only if no matching route exists (like `ip route add`).'),
  flag('prepend', 'Insert the route before matching routes (keepalived\'s default).'),
  flag('append', 'Add the route after matching routes (like `ip route append`).'),
  opt('or', 'GATEWAY', IP, 'Deprecated second gateway; use nexthop instead.'),
  flag('nexthop', 'Starts a next hop of a multipath route (followed by via/dev/weight/onlink...).'),
  opt('weight', 'N', { kind: 'integer', min: 1, max: 256 }, 'Weight of a next hop (1-256).'),
  NO_TRACK_OPT,
  opt('vrf', 'VRF', IFACE, 'VRF whose table the route goes into.'),
];

/** The destination may be an address/prefix or one of the special words. */
const ROUTE_DEST_CIDR: ArgSpec = { name: 'DEST', type: { kind: 'cidr' } };
const ROUTE_DEST_WORD: ArgSpec = {
  name: 'DEST',
  type: { kind: 'enum', values: ['default', 'any', 'all', 'default6'] },
};

/** virtual_routes line forms. */
export const VROUTE_FORMS: LineSpec[] = [
  { args: [ROUTE_DEST_CIDR], options: ROUTE_OPTIONS_BASE },
  { args: [ROUTE_DEST_WORD], options: ROUTE_OPTIONS_BASE },
];

/** static_routes line forms (also accept track_group). */
export const STATIC_ROUTE_FORMS: LineSpec[] = [
  { args: [ROUTE_DEST_CIDR], options: [...ROUTE_OPTIONS_BASE, TRACK_GROUP_OPT] },
  { args: [ROUTE_DEST_WORD], options: [...ROUTE_OPTIONS_BASE, TRACK_GROUP_OPT] },
];

// ---------------------------------------------------------------------------------------------
// Rules: `ip rule add`-like syntax, all named options. An action is required: table/lookup,
// goto, nop, blackhole, unreachable, prohibit or l3mdev.

const RULE_OPTIONS_BASE: OptionSpec[] = [
  flag('inet', 'Treat the rule as IPv4. keepalived skips the word after inet/inet6, so put it last on the line.'),
  flag('inet6', 'Treat the rule as IPv6. keepalived skips the word after inet/inet6, so put it last on the line.'),
  opt('from', 'PREFIX', { kind: 'cidr', also: ['all', 'any', 'default'] }, 'Source prefix to match (address[/len], or all/any/default).'),
  opt('to', 'PREFIX', { kind: 'cidr', also: ['all', 'any', 'default'] }, 'Destination prefix to match (address[/len], or all/any/default).'),
  opt('table', 'TABLE', STR, 'Action: look up this routing table (number or rt_tables name; not 0).', ['lookup']),
  flag('not', 'Invert the selector.'),
  opt('preference', 'N', U32, 'Rule priority; always give one, otherwise keepalived picks one and warns.', ['order', 'priority']),
  opt('tos', 'TOS', STR, 'Type of service / DS field to match.', ['dsfield']),
  opt('fwmark', 'MARK[/MASK]', STR, 'Firewall mark (and optional mask) to match.'),
  opt('realms', 'FROM/TO', STR, 'Realms to match (IPv4, table action only).'),
  opt('suppress_prefixlength', 'N', { kind: 'integer', min: 0, max: 2147483647 }, 'Reject routing decisions with a prefix this long or shorter.', ['sup_pl']),
  opt('suppress_ifgroup', 'GROUP', STR, 'Reject routing decisions using an interface of this group.', ['sup_group']),
  opt('iif', 'IFNAME', IFACE, 'Incoming interface to match.', ['dev']),
  opt('oif', 'IFNAME', IFACE, 'Outgoing interface to match.'),
  opt('tunnel-id', 'ID', STR, 'Tunnel id to match.'),
  opt('uidrange', 'START-END', STR, 'Range of user ids to match.'),
  flag('l3mdev', 'Action: use the table of the L3 master device (VRF).'),
  opt('protocol', 'N', U8, 'Protocol number recorded for the rule; tracked rules use keepalived\'s own.'),
  opt('ipproto', 'PROTO', STR, 'IP protocol to match (name or number).'),
  opt('sport', 'PORT[-PORT]', STR, 'Source port or range to match.'),
  opt('dport', 'PORT[-PORT]', STR, 'Destination port or range to match.'),
  NO_TRACK_OPT,
  flag('type', 'Optional word before the action (e.g. `type blackhole`).'),
  opt('goto', 'PREFERENCE', U32, 'Action: jump to the rule with this preference (must be greater than this rule\'s).'),
  flag('nop', 'Action: do nothing.'),
  flag('blackhole', 'Action: silently drop.'),
  flag('unreachable', 'Action: reject with network unreachable.'),
  flag('prohibit', 'Action: reject with communication prohibited.'),
];

/** virtual_rules line. */
export const VRULE_LINE: LineSpec = { args: [], options: RULE_OPTIONS_BASE };

/** static_rules line (also accepts track_group). */
export const STATIC_RULE_LINE: LineSpec = { args: [], options: [...RULE_OPTIONS_BASE, TRACK_GROUP_OPT] };

// ---------------------------------------------------------------------------------------------
// track_* lists: `NAME [weight N [reverse|noreverse]]`.

function trackLine(first: ArgSpec, min: number, max: number, reverseWords: string[]): LineSpec {
  return {
    args: [first],
    options: [
      {
        name: 'weight',
        args: [
          { name: 'WEIGHT', type: { kind: 'integer', min, max } },
          { name: reverseWords.join('|'), type: { kind: 'enum', values: reverseWords }, optional: true },
        ],
        doc: `Priority adjustment (${min}..${max}); \`reverse\` inverts its direction. Without weight, a failure means FAULT (or the tracked object's own default weight applies).`,
      },
    ],
  };
}

function refArg(name: string, target: RefTarget): ArgSpec {
  return { name, type: { kind: 'ref', target } };
}

export const TRACK_INTERFACE_LINE = trackLine({ name: 'IFNAME', type: IFACE }, -253, 253, ['reverse']);
export const TRACK_SCRIPT_LINE = trackLine(refArg('SCRIPT', 'vrrp_script'), -253, 253, ['reverse', 'noreverse']);
export const TRACK_FILE_LINE = trackLine(refArg('TRACK_FILE', 'track_file'), -254, 254, ['reverse', 'noreverse']);
export const TRACK_PROCESS_LINE = trackLine(refArg('PROCESS', 'vrrp_track_process'), -254, 254, ['reverse', 'noreverse']);
export const TRACK_BFD_LINE = trackLine(refArg('BFD', 'bfd_instance'), -253, 253, ['reverse', 'noreverse']);
