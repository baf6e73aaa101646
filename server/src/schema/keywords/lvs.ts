// LVS (IPVS) side of the schema: the SSL context block, virtual_server_group, virtual_server and
// real_server with their own settings. The health checkers inside a real_server (and the keywords
// that open them) live in checkers.ts.
// Facts from keepalived's check_parser.c / check_data.c (2.4.x) and keepalived.conf(5).
import type { ArgSpec, KeywordSpec, OptionSpec, ValueType } from '../types';

const G = '_WITH_LVS_';
const G_SCHED1 = '_WITH_LVS_ && IP_VS_SVC_F_SCHED1';
const G_SNMP = '_WITH_LVS_ && _WITH_SNMP_CHECKER_';

const VS = 'virtual_server';
const RS = 'virtual_server/real_server';

const UINT32_MAX = 4294967295;
const INT32_MAX = 2147483647;

/** Timers are seconds with up to 6 decimals (microsecond resolution). */
const TIMER_POSITIVE: ValueType = { kind: 'decimal', min: 0.000001, unit: 's', digits: 6 };
const TIMER_ZERO_OK: ValueType = { kind: 'decimal', min: 0, unit: 's', digits: 6 };
const CONNECT_TIMEOUT: ValueType = { kind: 'decimal', min: 0.000001, max: 4294.967295, unit: 's', digits: 6 };
const OPT_BOOL: ArgSpec = { name: 'BOOL', type: { kind: 'boolean' }, optional: true };
const OPT_PORT: ArgSpec = { name: 'PORT', type: { kind: 'port' }, optional: true };
const SCRIPT: ArgSpec = { name: 'SCRIPT [USER [GROUP]]', type: { kind: 'command' } };

const SCHEDULERS = ['rr', 'wrr', 'lc', 'wlc', 'lblc', 'sh', 'mh', 'dh', 'fo', 'ovf', 'lblcr', 'sed', 'nq', 'twos'] as const;

/** Tunnel options accepted after the method word of lvs_method / lb_kind / sorry_server_lvs_method. */
const TUNNEL_OPTIONS: OptionSpec[] = [
  {
    name: 'type',
    args: [{ name: 'TUNNEL_TYPE', type: { kind: 'enum', values: ['ipip', 'gue', 'gre'] } }],
    doc: 'Tunnel encapsulation: ipip (default), gue (needs `port`, Linux 5.2+) or gre (Linux 5.3+).',
  },
  {
    name: 'port',
    args: [{ name: 'PORT', type: { kind: 'integer', min: 1, max: 65535 } }],
    doc: 'UDP port of a GUE tunnel; required with `type gue` and only allowed with it.',
  },
  { name: 'nocsum', args: [], doc: 'No checksum on the tunnel encapsulation (the default).' },
  { name: 'csum', args: [], doc: 'Checksum the tunnel encapsulation (gue or gre tunnels, Linux 5.3+).' },
  { name: 'remcsum', args: [], doc: 'Remote checksum offload (gue tunnels only, Linux 5.3+).' },
];

const METHOD_ARG: ArgSpec = { name: 'METHOD', type: { kind: 'enum', values: ['NAT', 'DR', 'TUN'] } };

export const LVS_KEYWORDS: KeywordSpec[] = [
  // ───────────── SSL context (used by SSL_GET checkers) ─────────────
  {
    keyword: 'SSL',
    path: '',
    block: 'subkeywords',
    args: [],
    guard: G,
    doc: 'TLS client settings used by SSL_GET health checkers. When the block is absent or empty, keepalived builds a default context without client certificate.',
    example: 'SSL {',
  },
  {
    keyword: 'password',
    path: 'SSL',
    args: [{ name: 'PASSWORD', type: { kind: 'string' } }],
    guard: G,
    doc: 'Pass phrase that unlocks the private key given by `key`.',
  },
  {
    keyword: 'ca',
    path: 'SSL',
    args: [{ name: 'FILE', type: { kind: 'path' } }],
    guard: G,
    doc: 'File of CA certificates used to verify the real servers\' certificates.',
    example: 'ca /etc/keepalived/ca.pem',
  },
  {
    keyword: 'certificate',
    path: 'SSL',
    args: [{ name: 'FILE', type: { kind: 'path' } }],
    guard: G,
    doc: 'Client certificate file that SSL_GET checkers present to the real servers.',
  },
  {
    keyword: 'key',
    path: 'SSL',
    args: [{ name: 'FILE', type: { kind: 'path' } }],
    guard: G,
    doc: 'Private key file belonging to `certificate`.',
  },

  // ───────────── virtual_server_group ─────────────
  {
    keyword: 'virtual_server_group',
    path: '',
    block: 'values',
    args: [{ name: 'NAME', type: { kind: 'name', defines: 'virtual_server_group' } }],
    valueLine: { args: [{ name: 'IP', type: { kind: 'ip' } }, OPT_PORT] },
    valueLineForms: [
      { args: [{ name: 'IP', type: { kind: 'ip' } }, OPT_PORT] },
      { args: [{ name: 'IP-RANGE', type: { kind: 'ip-range' } }, OPT_PORT] },
      { args: [{ name: 'IP/PREFIX', type: { kind: 'cidr' } }, OPT_PORT] },
      {
        args: [
          { name: 'fwmark', type: { kind: 'enum', values: ['fwmark'] } },
          { name: 'MARK', type: { kind: 'integer', min: 0, max: UINT32_MAX } },
          { name: 'FAMILY', type: { kind: 'enum', values: ['inet', 'inet6'] }, optional: true },
        ],
      },
    ],
    repeatable: true,
    guard: G,
    doc: 'Named set of virtual addresses/ports, address ranges (10.0.0.1-10, 10.0.0.1-10.0.1.5, 10.0.2.0/29) and firewall marks (`fwmark N [inet|inet6]`) that `virtual_server group NAME` uses, so one set of real servers and checkers serves them all. A port of 0 or no port means any port (persistent services only).',
    example: 'virtual_server_group web { 192.168.1.10-20 80 }',
  },

  // ───────────── virtual_server ─────────────
  {
    keyword: 'virtual_server',
    path: '',
    block: 'subkeywords',
    args: [{ name: 'IP', type: { kind: 'ip' } }, OPT_PORT],
    forms: [
      { args: [{ name: 'IP', type: { kind: 'ip' } }, OPT_PORT] },
      {
        args: [
          { name: 'fwmark', type: { kind: 'enum', values: ['fwmark'] } },
          { name: 'MARK', type: { kind: 'integer', min: 0, max: UINT32_MAX } },
        ],
      },
      {
        args: [
          { name: 'group', type: { kind: 'enum', values: ['group'] } },
          { name: 'GROUP', type: { kind: 'ref', target: 'virtual_server_group' } },
        ],
      },
    ],
    repeatable: true,
    guard: G,
    doc: 'An IPVS virtual service, given as `IP [PORT]`, `fwmark N` or `group NAME` (a virtual_server_group), holding its real servers and health checkers. The port may be left out only for persistent services.',
    example: 'virtual_server 192.168.1.10 443 {',
  },
  {
    keyword: 'ip_family',
    path: VS,
    args: [{ name: 'FAMILY', type: { kind: 'enum', values: ['inet', 'inet6'] } }],
    guard: G,
    default: 'inet',
    doc: 'Address family of a fwmark service; only needed when every real server is tunnelled and persistence_granularity does not already imply the family.',
  },
  {
    keyword: 'retry',
    path: VS,
    args: [{ name: 'COUNT', type: { kind: 'integer', min: 1, max: UINT32_MAX } }],
    guard: G,
    doc: 'Default number of extra attempts a checker makes before declaring a real server down, inherited by real servers and their checkers. Checker defaults apply otherwise: 1 (DNS_CHECK 3, MISC_CHECK 0).',
  },
  {
    keyword: 'delay_before_retry',
    path: VS,
    args: [{ name: 'SECONDS', type: TIMER_ZERO_OK }],
    guard: G,
    doc: 'Default pause in seconds before a failed check is retried, inherited by real servers and checkers. Without it: 3 s for HTTP_GET/SSL_GET, delay_loop for DNS_CHECK, 1 s otherwise.',
  },
  {
    keyword: 'warmup',
    path: VS,
    args: [{ name: 'SECONDS', type: TIMER_ZERO_OK }],
    guard: G,
    doc: 'Upper bound in seconds of a random delay before each checker\'s first check, spreading checks out. Defaults to delay_loop; 0 disables it.',
  },
  {
    keyword: 'connect_timeout',
    path: VS,
    args: [{ name: 'SECONDS', type: CONNECT_TIMEOUT }],
    guard: G,
    default: '5',
    doc: 'Default connection timeout in seconds for the checkers of this virtual server (up to 4294.967295).',
  },
  {
    keyword: 'delay_loop',
    path: VS,
    args: [{ name: 'SECONDS', type: TIMER_POSITIVE }],
    guard: G,
    default: '60',
    doc: 'Interval in seconds between two health checks of a real server; must be greater than 0.',
    example: 'delay_loop 6',
  },
  {
    keyword: 'inhibit_on_failure',
    path: VS,
    args: [],
    guard: G,
    doc: 'When a checker fails, keep failed real servers in IPVS with weight 0 instead of removing them, so existing connections survive.',
  },
  {
    keyword: 'lb_algo',
    path: VS,
    args: [{ name: 'SCHEDULER', type: { kind: 'enum', values: SCHEDULERS } }],
    guard: G,
    default: 'wlc',
    doc: 'Older spelling of lvs_sched: the IPVS scheduling algorithm (rr, wrr, lc, wlc, lblc, sh, mh, dh, fo, ovf, lblcr, sed, nq, twos).',
    example: 'lb_algo rr',
  },
  {
    keyword: 'lvs_sched',
    path: VS,
    args: [{ name: 'SCHEDULER', type: { kind: 'enum', values: SCHEDULERS } }],
    guard: G,
    default: 'wlc',
    doc: 'IPVS scheduling algorithm: rr, wrr, lc, wlc, lblc, sh, mh, dh, fo, ovf, lblcr, sed, nq or twos (twos since 2.2.5). keepalived uses wlc when none is set.',
    example: 'lvs_sched wrr',
  },
  {
    keyword: 'hashed',
    path: VS,
    args: [],
    guard: G,
    deprecated: { note: 'No longer an option since 2.1.4: the hashed flag cannot be set from userspace, so the keyword has no effect.' },
    doc: 'Obsolete flag kept only so old configurations still parse; it does nothing.',
  },
  {
    keyword: 'ops',
    path: VS,
    args: [],
    guard: G,
    doc: 'One-packet scheduling (ipvsadm -o): schedule every UDP datagram independently. Only valid for UDP or fwmark services.',
  },
  {
    keyword: 'flag-1',
    path: VS,
    args: [],
    guard: G_SCHED1,
    doc: 'Set scheduler flag 1 (ipvsadm -b flag-1); its meaning depends on the scheduler (sh-fallback for sh, mh-fallback for mh).',
  },
  {
    keyword: 'flag-2',
    path: VS,
    args: [],
    guard: G_SCHED1,
    doc: 'Set scheduler flag 2 (ipvsadm -b flag-2); its meaning depends on the scheduler (sh-port for sh, mh-port for mh).',
  },
  {
    keyword: 'flag-3',
    path: VS,
    args: [],
    guard: G_SCHED1,
    doc: 'Set scheduler flag 3 (ipvsadm -b flag-3); its meaning depends on the scheduler.',
  },
  {
    keyword: 'sh-port',
    path: VS,
    args: [],
    guard: G_SCHED1,
    doc: 'For the sh scheduler, include the source port in the hash. The scheduler must already be set to sh above this line.',
  },
  {
    keyword: 'sh-fallback',
    path: VS,
    args: [],
    guard: G_SCHED1,
    doc: 'For the sh scheduler, pick another real server when the hashed one is unavailable. Requires lvs_sched sh set earlier.',
  },
  {
    keyword: 'mh-port',
    path: VS,
    args: [],
    guard: G_SCHED1,
    since: '2.0.7',
    doc: 'For the mh (Maglev) scheduler, include the source port in the hash. Requires lvs_sched mh set earlier.',
  },
  {
    keyword: 'mh-fallback',
    path: VS,
    args: [],
    guard: G_SCHED1,
    since: '2.0.7',
    doc: 'For the mh (Maglev) scheduler, pick another real server when the chosen one is unavailable. Requires lvs_sched mh set earlier.',
  },
  {
    keyword: 'lb_kind',
    path: VS,
    args: [METHOD_ARG],
    options: TUNNEL_OPTIONS,
    guard: G,
    default: 'NAT',
    doc: 'Older spelling of lvs_method: default forwarding method (NAT, DR or TUN with optional tunnel type/port/checksum options) for the real servers.',
    example: 'lb_kind DR',
  },
  {
    keyword: 'lvs_method',
    path: VS,
    args: [METHOD_ARG],
    options: TUNNEL_OPTIONS,
    guard: G,
    default: 'NAT',
    doc: 'Default forwarding method for the real servers: NAT (masquerading), DR (direct routing) or TUN (tunnelling; `type ipip|gue|gre`, `port N` for gue, `csum|nocsum|remcsum`).',
    example: 'lvs_method TUN type gue port 6080',
  },
  {
    keyword: 'persistence_engine',
    path: VS,
    args: [{ name: 'ENGINE', type: { kind: 'string' } }],
    guard: G,
    doc: 'IPVS persistence engine module to use; sip is the only one the kernel provides.',
    example: 'persistence_engine sip',
  },
  {
    keyword: 'persistence_timeout',
    path: VS,
    args: [{ name: 'SECONDS', type: { kind: 'integer', min: 1, max: 2678400, unit: 's' }, optional: true }],
    guard: G,
    default: '360 (when given without a value)',
    doc: 'Make the service persistent: a client keeps going to the same real server for this many seconds (1 to 31 days). Without a value, 6 minutes.',
    example: 'persistence_timeout 300',
  },
  {
    keyword: 'persistence_granularity',
    path: VS,
    args: [{ name: 'NETMASK', type: { kind: 'ipv4' } }],
    forms: [
      { args: [{ name: 'NETMASK', type: { kind: 'ipv4' } }] },
      { args: [{ name: 'PREFIX', type: { kind: 'integer', min: 1, max: 128 } }] },
    ],
    guard: G,
    doc: 'Mask grouping clients for persistence (ipvsadm -M): a dotted netmask for IPv4 or a prefix length 1-128 for IPv6. Setting it also makes the service persistent.',
    example: 'persistence_granularity 255.255.255.0',
  },
  {
    keyword: 'protocol',
    path: VS,
    args: [{ name: 'PROTO', type: { kind: 'enum', values: ['TCP', 'UDP', 'SCTP'], caseInsensitive: true } }],
    guard: G,
    doc: 'Layer 4 protocol of an address-based service: TCP, UDP or SCTP (any case). If omitted keepalived warns and uses UDP.',
    example: 'protocol TCP',
  },
  {
    keyword: 'ha_suspend',
    path: VS,
    args: [],
    guard: G,
    doc: 'Pause the checkers of this service while its virtual address is not configured on the host (e.g. on a VRRP backup). Not usable with fwmark services.',
  },
  {
    keyword: 'smtp_alert',
    path: VS,
    args: [OPT_BOOL],
    guard: G,
    doc: 'Send e-mail (to the global_defs recipients) when this service gains or loses quorum. Off unless global smtp_alert/smtp_alert_checker says otherwise; no argument means on.',
  },
  {
    keyword: 'virtualhost',
    path: VS,
    args: [{ name: 'HOST', type: { kind: 'string' } }],
    guard: G,
    doc: 'Default Host header sent by HTTP_GET/SSL_GET checkers of this service; overridden by real server, checker or url settings.',
    example: 'virtualhost www.example.com',
  },
  {
    keyword: 'snmp_name',
    path: VS,
    args: [{ name: 'NAME', type: { kind: 'string' } }],
    guard: G_SNMP,
    since: '2.2.3',
    doc: 'Label returned in SNMP data to identify this virtual server. Exactly one word.',
  },
  {
    keyword: 'alpha',
    path: VS,
    args: [],
    guard: G,
    doc: 'Start with every real server considered down until its checkers succeed, avoiding false positives at startup. Off by default.',
  },
  {
    keyword: 'omega',
    path: VS,
    args: [],
    guard: G,
    doc: 'On shutdown, run the quorum and real server down notifications as appropriate. Off by default.',
  },
  {
    keyword: 'quorum_up',
    path: VS,
    args: [SCRIPT],
    guard: G,
    quoted: true,
    doc: 'Command run when the service gains quorum; may be followed by the user (and group) to run it as.',
    example: 'quorum_up "/usr/local/bin/vs_up.sh web"',
  },
  {
    keyword: 'quorum_down',
    path: VS,
    args: [SCRIPT],
    guard: G,
    quoted: true,
    doc: 'Command run when the service loses quorum; may be followed by the user (and group) to run it as.',
  },
  {
    keyword: 'quorum',
    path: VS,
    args: [{ name: 'WEIGHT', type: { kind: 'integer', min: 1, max: UINT32_MAX } }],
    guard: G,
    default: '1',
    doc: 'Minimum total weight of healthy real servers for the service to be considered up; below it the sorry server (if any) takes over.',
  },
  {
    keyword: 'hysteresis',
    path: VS,
    args: [{ name: 'WEIGHT', type: { kind: 'integer', min: 0, max: UINT32_MAX } }],
    guard: G,
    default: '0',
    doc: 'Weight margin around quorum before a quorum change is acted on, damping flapping.',
  },
  {
    keyword: 'weight',
    path: VS,
    args: [{ name: 'WEIGHT', type: { kind: 'integer', min: 1, max: INT32_MAX } }],
    guard: G,
    default: '1',
    doc: 'Default IPVS weight for the real servers of this service that do not set their own.',
  },
  {
    keyword: 'sorry_server',
    path: VS,
    args: [{ name: 'IP', type: { kind: 'ip' } }, OPT_PORT],
    guard: G,
    doc: 'Server put into the pool in place of all real servers while quorum is not met.',
    example: 'sorry_server 192.168.1.250 80',
  },
  {
    keyword: 'sorry_server_inhibit',
    path: VS,
    args: [],
    guard: G,
    doc: 'Apply inhibit_on_failure behaviour to the sorry server (it stays in IPVS with weight 0). Must follow sorry_server.',
  },
  {
    keyword: 'sorry_server_lvs_method',
    path: VS,
    args: [METHOD_ARG],
    options: TUNNEL_OPTIONS,
    guard: G,
    doc: 'Forwarding method of the sorry server (NAT, DR or TUN with tunnel options); defaults to the virtual server\'s method. Must follow sorry_server.',
  },
  {
    keyword: 'real_server',
    path: VS,
    block: 'subkeywords',
    args: [{ name: 'IP', type: { kind: 'ip' } }, OPT_PORT],
    repeatable: true,
    guard: G,
    doc: 'A backend server of the virtual service, with its weight, forwarding method and health checkers. The port defaults to the virtual server\'s.',
    example: 'real_server 192.168.1.21 80 {',
  },

  // ───────────── real_server ─────────────
  {
    keyword: 'weight',
    path: RS,
    args: [{ name: 'WEIGHT', type: { kind: 'integer', min: 0, max: INT32_MAX } }],
    guard: G,
    default: '1',
    doc: 'IPVS weight of this real server (0 stops new connections); defaults to the virtual server\'s weight.',
  },
  {
    keyword: 'lvs_method',
    path: RS,
    args: [METHOD_ARG],
    options: TUNNEL_OPTIONS,
    guard: G,
    doc: 'Forwarding method for this real server: NAT, DR or TUN (with tunnel type/port/checksum options). Defaults to the virtual server\'s method.',
  },
  {
    keyword: 'uthreshold',
    path: RS,
    args: [{ name: 'CONNECTIONS', type: { kind: 'integer', min: 0, max: UINT32_MAX } }],
    guard: G,
    doc: 'Upper connection threshold: IPVS sends no new connections to this server above this count.',
  },
  {
    keyword: 'lthreshold',
    path: RS,
    args: [{ name: 'CONNECTIONS', type: { kind: 'integer', min: 0, max: UINT32_MAX } }],
    guard: G,
    doc: 'Lower connection threshold: the server accepts new connections again once below this count.',
  },
  {
    keyword: 'inhibit_on_failure',
    path: RS,
    args: [OPT_BOOL],
    guard: G,
    doc: 'On check failure, set this server\'s weight to 0 instead of removing it from IPVS. Inherits the virtual server setting; no argument means on.',
  },
  {
    keyword: 'notify_up',
    path: RS,
    args: [SCRIPT],
    guard: G,
    quoted: true,
    doc: 'Command run when the checkers declare this server up; may be followed by the user (and group) to run it as.',
    example: 'notify_up "/usr/local/bin/rs_state.sh up"',
  },
  {
    keyword: 'notify_down',
    path: RS,
    args: [SCRIPT],
    guard: G,
    quoted: true,
    doc: 'Command run when the checkers declare this server down; may be followed by the user (and group) to run it as.',
  },
  {
    keyword: 'alpha',
    path: RS,
    args: [OPT_BOOL],
    guard: G,
    doc: 'Consider this server down at startup until its checkers succeed. Default comes from the virtual server; no argument means on.',
  },
  {
    keyword: 'retry',
    path: RS,
    args: [{ name: 'COUNT', type: { kind: 'integer', min: 1, max: UINT32_MAX } }],
    guard: G,
    doc: 'Default retry count for this server\'s checkers (extra attempts before declaring failure); inherits the virtual server value.',
  },
  {
    keyword: 'delay_before_retry',
    path: RS,
    args: [{ name: 'SECONDS', type: TIMER_ZERO_OK }],
    guard: G,
    doc: 'Default pause in seconds before this server\'s checkers retry after a failure; inherits the virtual server value.',
  },
  {
    keyword: 'warmup',
    path: RS,
    args: [{ name: 'SECONDS', type: TIMER_ZERO_OK }],
    guard: G,
    doc: 'Maximum random delay in seconds before the first check of this server\'s checkers; 0 disables. Inherits the virtual server value.',
  },
  {
    keyword: 'connect_timeout',
    path: RS,
    args: [{ name: 'SECONDS', type: CONNECT_TIMEOUT }],
    guard: G,
    doc: 'Default connection timeout in seconds for this server\'s checkers; inherits the virtual server value (5 s).',
  },
  {
    keyword: 'delay_loop',
    path: RS,
    args: [{ name: 'SECONDS', type: TIMER_POSITIVE }],
    guard: G,
    doc: 'Interval in seconds between checks of this server; inherits the virtual server value (60 s).',
  },
  {
    keyword: 'smtp_alert',
    path: RS,
    args: [OPT_BOOL],
    guard: G,
    doc: 'Send e-mail when this server changes state. On by default unless global smtp_alert/smtp_alert_checker says otherwise; no argument means on.',
  },
  {
    keyword: 'virtualhost',
    path: RS,
    args: [{ name: 'HOST', type: { kind: 'string' } }],
    guard: G,
    doc: 'Default Host header for this server\'s HTTP_GET/SSL_GET checkers; overrides the virtual server setting.',
  },
  {
    keyword: 'snmp_name',
    path: RS,
    args: [{ name: 'NAME', type: { kind: 'string' } }],
    guard: G_SNMP,
    since: '2.2.3',
    doc: 'Label returned in SNMP data to identify this real server. Exactly one word.',
  },
];
