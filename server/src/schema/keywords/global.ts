// Top-level global keywords and the contents of the global_defs block.
// Ranges and accepted words follow keepalived/core/global_parser.c.
import type { ArgSpec, KeywordSpec, OptionSpec, ValueType } from '../types';
import { INT32_MAX, UINT32_MAX } from './common';

const GD = 'global_defs';

const INT32_MIN = -2147483648;

const BOOL: ValueType = { kind: 'boolean' };
const OPT_BOOL: ArgSpec[] = [{ name: 'BOOL', type: BOOL, optional: true }];
const PATH: ValueType = { kind: 'path' };
const BUFS: ValueType = { kind: 'integer', min: 0, max: UINT32_MAX, unit: 'bytes' };
const NICE: ValueType = { kind: 'integer', min: -20, max: 19 };
const RT_PRIO: ValueType = { kind: 'integer', min: 1, max: 99 };
const CPU: ValueType = { kind: 'integer', min: 0 };
const RLIMIT: ValueType = { kind: 'integer', min: 1, max: UINT32_MAX, unit: 'us' };
const PROC_NAME: ValueType = { kind: 'string', maxLength: 15 };
const LVS_TIMEOUT: ValueType = { kind: 'integer', min: 0, max: 86400 * 31, unit: 's' };

/** `[username [[:]groupname]]` after a script or FIFO. */
const USER_GROUP: ArgSpec[] = [
  { name: 'USER', type: { kind: 'string' }, optional: true },
  { name: 'GROUP', type: { kind: 'string' }, optional: true },
];

const INCLUDE_CHECK_WORDS = ['read', 'match', 'wildcard_match', 'brace_match'];
const INCLUDE_CHECK_VALUES: readonly string[] = INCLUDE_CHECK_WORDS.flatMap((w) => [w, `+${w}`, `-${w}`]);

const LVS_SYNC_OPTIONS: OptionSpec[] = [
  {
    name: 'inst',
    args: [{ name: 'VRRP_INSTANCE', type: { kind: 'ref', target: 'vrrp_instance' } }],
    doc: 'VRRP instance whose state decides whether the master or the backup sync daemon runs.',
  },
  {
    name: 'id',
    args: [{ name: 'SYNC_ID', type: { kind: 'integer', min: 0, max: 255 } }],
    doc: 'Sync id (0-255); defaults to the VRID of the tracked instance, or 0 without one.',
  },
  {
    name: 'maxlen',
    args: [{ name: 'LEN', type: { kind: 'integer', min: 1, max: 65507, unit: 'bytes' } }],
    doc: 'Largest sync packet size (1-65507). Needs Linux 4.3 or later.',
  },
  {
    name: 'port',
    args: [{ name: 'PORT', type: { kind: 'integer', min: 1, max: 65535 } }],
    doc: 'UDP port for sync traffic (1-65535, default 8848). Needs Linux 4.3 or later.',
  },
  {
    name: 'ttl',
    args: [{ name: 'TTL', type: { kind: 'integer', min: 1, max: 255 } }],
    doc: 'Multicast TTL of sync packets (1-255). Needs Linux 4.3 or later.',
  },
  {
    name: 'group',
    args: [{ name: 'MCAST_ADDR', type: { kind: 'ip' } }],
    doc: 'Multicast group (IPv4 or IPv6) for sync traffic, default 224.0.0.81. Needs Linux 4.3 or later.',
  },
];

const LVS_TIMEOUT_OPTIONS: OptionSpec[] = [
  { name: 'tcp', args: [{ name: 'SECS', type: LVS_TIMEOUT }], doc: 'IPVS TCP session timeout in seconds.' },
  { name: 'tcpfin', args: [{ name: 'SECS', type: LVS_TIMEOUT }], doc: 'IPVS timeout for TCP sessions after FIN, in seconds.' },
  { name: 'udp', args: [{ name: 'SECS', type: LVS_TIMEOUT }], doc: 'IPVS UDP session timeout in seconds.' },
];

function rtPriority(proc: string, guard: string): KeywordSpec {
  return {
    keyword: `${proc}_rt_priority`,
    path: GD,
    args: [{ name: 'PRIORITY', type: RT_PRIO }],
    guard,
    doc: `Runs the ${proc} child process with SCHED_RR real-time scheduling at this priority (1-99); out-of-range values are clamped with an error.`,
    example: `${proc}_rt_priority 50`,
  };
}

function nicePriority(proc: string, guard: string): KeywordSpec {
  return {
    keyword: `${proc}_priority`,
    path: GD,
    args: [{ name: 'NICE', type: NICE }],
    guard,
    doc: `Scheduling (nice) priority of the ${proc} child process, -20 to 19; lower values mean higher priority.`,
    default: '0',
    example: `${proc}_priority -10`,
  };
}

function noSwap(proc: string, guard: string): KeywordSpec {
  return {
    keyword: `${proc}_no_swap`,
    path: GD,
    args: [],
    guard,
    doc: `Locks the memory of the ${proc} child process so it is never swapped out.`,
  };
}

function cpuAffinity(proc: string, guard: string): KeywordSpec {
  return {
    keyword: `${proc}_cpu_affinity`,
    path: GD,
    args: [{ name: 'CPU_ID', type: CPU, repeat: true }],
    guard,
    doc: `Restricts the ${proc} child process to the listed CPU ids (as numbered in /proc/cpuinfo); each id must be below the number of online CPUs.`,
    example: `${proc}_cpu_affinity 0 1`,
  };
}

function rlimit(proc: string, guard: string, deprecatedName: boolean): KeywordSpec {
  const keyword = deprecatedName ? `${proc}_rlimit_rtime` : `${proc}_rlimit_rttime`;
  const spec: KeywordSpec = {
    keyword,
    path: GD,
    args: [{ name: 'USECS', type: RLIMIT }],
    guard,
    default: '10000',
    doc: `Limit (RLIMIT_RTTIME, microseconds) on CPU time the ${proc} process may use between blocking calls while running with real-time scheduling; 1 is raised to 2.`,
  };
  if (deprecatedName) {
    spec.deprecated = { replacement: `${proc}_rlimit_rttime`, note: 'Misspelt older name, deprecated since February 2020.' };
  }
  return spec;
}

function rcvBufs(prefix: string, what: string, guard: string): KeywordSpec[] {
  return [
    {
      keyword: `${prefix}_rcv_bufs`,
      path: GD,
      args: [{ name: 'BYTES', type: BUFS }],
      guard,
      doc: `Receive buffer size in bytes for the ${what}. Only needed for very large setups that log netlink receive buffer overruns.`,
      example: `${prefix}_rcv_bufs 1048576`,
    },
    {
      keyword: `${prefix}_rcv_bufs_force`,
      path: GD,
      args: OPT_BOOL,
      guard,
      doc: `Sets the ${what} buffer with SO_RCVBUFFORCE so the size may exceed net.core.rmem_max. Bare keyword means true.`,
    },
  ];
}

function fifo(prefix: string, what: string, guard?: string): KeywordSpec[] {
  const fifoSpec: KeywordSpec = {
    keyword: `${prefix}notify_fifo`,
    path: GD,
    args: [{ name: 'FIFO', type: PATH }, ...USER_GROUP],
    doc: `Named pipe to which keepalived writes ${what} notification lines; optional user and group own the FIFO. All notify FIFO names must differ.`,
    example: `${prefix}notify_fifo /run/keepalived/${prefix || 'global_'}notify.fifo`,
  };
  const scriptSpec: KeywordSpec = {
    keyword: `${prefix}notify_fifo_script`,
    path: GD,
    args: [{ name: 'SCRIPT', type: { kind: 'command' } }, ...USER_GROUP],
    quoted: true,
    doc: `Program keepalived starts to read the ${prefix}notify_fifo; it gets the FIFO name as its last argument. Optional user and [:]group to run it as.`,
    example: `${prefix}notify_fifo_script "/usr/local/bin/handle_fifo.sh"`,
  };
  if (guard) {
    fifoSpec.guard = guard;
    scriptSpec.guard = guard;
  }
  return [fifoSpec, scriptSpec];
}

export const GLOBAL_KEYWORDS: KeywordSpec[] = [
  // ---------------------------------------------------------------- top level
  {
    keyword: 'linkbeat_use_polling',
    path: '',
    args: [],
    guard: '_WITH_LINKBEAT_',
    doc: 'Detect link (carrier) loss by polling with ETHTOOL/MII/ioctl instead of relying on netlink events.',
  },
  {
    keyword: 'net_namespace',
    path: '',
    args: [{ name: 'NAME', type: { kind: 'string' } }],
    doc: 'Runs keepalived inside the named network namespace; pid files go to a private run directory and the syslog ident gets _NAME appended. Cannot be changed on reload.',
    example: 'net_namespace blue',
  },
  {
    keyword: 'net_namespace_ipvs',
    path: '',
    args: [{ name: 'NAME', type: { kind: 'string' }, optional: true }],
    doc: 'Network namespace in which the IPVS configuration is created, so virtual-server traffic can live apart from health-check traffic. Without a name the default namespace is used.',
    example: 'net_namespace_ipvs lb',
  },
  {
    keyword: 'namespace_with_ipsets',
    path: '',
    args: [],
    doc: 'Allows ipsets inside a network namespace on kernels older than 3.13, where ipsets are not namespace aware and are otherwise disabled.',
  },
  {
    keyword: 'use_pid_dir',
    path: '',
    args: [],
    doc: 'Puts the pid files in a keepalived subdirectory of the run directory.',
  },
  {
    keyword: 'instance',
    path: '',
    args: [{ name: 'NAME', type: { kind: 'string' } }],
    doc: 'Instance name used in pid file names so several keepalived daemons can run in one namespace. Cannot be changed on reload.',
    example: 'instance lb1',
  },
  {
    keyword: 'child_wait_time',
    path: '',
    args: [{ name: 'SECS', type: { kind: 'integer', min: 0, max: UINT32_MAX, unit: 's' } }],
    default: '5',
    doc: 'Seconds the parent process waits for its children to exit at shutdown; raise it for very large configurations.',
    example: 'child_wait_time 10',
  },
  {
    keyword: 'global_defs',
    path: '',
    block: 'subkeywords',
    args: [],
    repeatable: true,
    doc: 'Block of global settings: notification e-mail, process names and scheduling, VRRP and LVS defaults, firewall, SNMP/DBus, FIFOs and reload behaviour.',
  },

  // ---------------------------------------------------------------- global_defs: process names
  {
    keyword: 'process_names',
    path: GD,
    args: [],
    doc: 'Gives the child processes their default distinct names (keepalived_vrrp, keepalived_lvs, keepalived_bfd) instead of all showing as keepalived.',
  },
  {
    keyword: 'process_name',
    path: GD,
    args: [{ name: 'NAME', type: PROC_NAME }],
    doc: 'Process name of the parent keepalived process; longer than 15 characters is truncated.',
  },
  {
    keyword: 'vrrp_process_name',
    path: GD,
    args: [{ name: 'NAME', type: PROC_NAME }],
    guard: '_WITH_VRRP_',
    doc: 'Process name of the VRRP child process (at most 15 characters).',
  },
  {
    keyword: 'checker_process_name',
    path: GD,
    args: [{ name: 'NAME', type: PROC_NAME }],
    guard: '_WITH_LVS_',
    doc: 'Process name of the checker (LVS health-check) child process (at most 15 characters).',
  },
  {
    keyword: 'lvs_process_name',
    path: GD,
    args: [{ name: 'NAME', type: PROC_NAME }],
    guard: '_WITH_LVS_',
    deprecated: { replacement: 'checker_process_name', note: 'Old name, deprecated since July 2020.' },
    doc: 'Older spelling of checker_process_name.',
  },
  {
    keyword: 'bfd_process_name',
    path: GD,
    args: [{ name: 'NAME', type: PROC_NAME }],
    guard: '_WITH_BFD_',
    doc: 'Process name of the BFD child process (at most 15 characters).',
  },

  // ---------------------------------------------------------------- scripts
  {
    keyword: 'use_symlink_paths',
    path: GD,
    args: OPT_BOOL,
    since: '2.3.0',
    doc: 'Keep symbolic links in script path names instead of resolving them to the real path. Bare keyword means true.',
  },
  {
    keyword: 'set_supplementary_groups',
    path: GD,
    args: OPT_BOOL,
    since: '2.4.4',
    doc: 'Also set the supplementary groups of the user when running scripts (off by default). Bare keyword means true.',
  },
  {
    keyword: 'router_id',
    path: GD,
    args: [{ name: 'STRING', type: { kind: 'string' } }],
    default: 'local host name',
    doc: 'Name identifying this machine in notifications and e-mail; need not be the host name.',
    example: 'router_id LVS_MAIN',
  },
  {
    keyword: 'notification_email_from',
    path: GD,
    args: [{ name: 'EMAIL', type: { kind: 'email' } }],
    default: 'keepalived@<local host name>',
    doc: 'From: address of notification e-mails. Quote the whole value to include a display name.',
    example: 'notification_email_from keepalived@example.com',
  },
  {
    keyword: 'smtp_server',
    path: GD,
    args: [
      { name: 'HOST', type: { kind: 'host' } },
      { name: 'PORT', type: { kind: 'integer', min: 1, max: 65535 }, optional: true },
    ],
    doc: 'SMTP relay (IP address or host name) for notification e-mails, with an optional port (default 25).',
    example: 'smtp_server 192.168.200.1 25',
  },
  {
    keyword: 'smtp_helo_name',
    path: GD,
    args: [{ name: 'NAME', type: { kind: 'string' } }],
    default: 'local host name',
    doc: 'Name sent in the SMTP HELO command.',
  },
  {
    keyword: 'smtp_connect_timeout',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'integer', min: 1, max: 4294, unit: 's' } }],
    default: '30',
    doc: 'Seconds to wait when connecting to the SMTP server (0 is accepted but raised to 1 with an error).',
    example: 'smtp_connect_timeout 30',
  },
  {
    keyword: 'notification_email',
    path: GD,
    block: 'values',
    args: [],
    repeatable: true,
    valueLine: { args: [{ name: 'EMAIL', type: { kind: 'email' }, repeat: true }] },
    doc: 'Block listing the To: addresses of notification e-mails, one or more per line. Quote an entry to add a display name, e.g. "Admin <admin@example.com>".',
    example: 'notification_email { admin@example.com }',
  },
  {
    keyword: 'smtp_alert',
    path: GD,
    args: OPT_BOOL,
    doc: 'Default for sending e-mail alerts on state changes, for VRRP and checker alike. Bare keyword means true.',
  },
  {
    keyword: 'startup_script',
    path: GD,
    args: [{ name: 'SCRIPT', type: { kind: 'command' } }, ...USER_GROUP],
    quoted: true,
    doc: 'Program run once by the parent process at startup, before the child processes start (e.g. to create firewall chains). Optional user and [:]group to run it as. Only one may be given.',
    example: 'startup_script "/etc/keepalived/startup.sh"',
  },
  {
    keyword: 'startup_script_timeout',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'integer', min: 1, max: 1000, unit: 's' } }],
    default: '10',
    doc: 'Seconds the startup script may run before it is killed (1-1000).',
  },
  {
    keyword: 'shutdown_script',
    path: GD,
    args: [{ name: 'SCRIPT', type: { kind: 'command' } }, ...USER_GROUP],
    quoted: true,
    doc: 'Program run once when keepalived stops, after all child processes have exited. Optional user and [:]group to run it as. Only one may be given.',
    example: 'shutdown_script "/etc/keepalived/shutdown.sh"',
  },
  {
    keyword: 'shutdown_script_timeout',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'integer', min: 1, max: 1000, unit: 's' } }],
    default: '10',
    doc: 'Seconds the shutdown script may run before it is killed (1-1000).',
  },
  {
    keyword: 'max_auto_priority',
    path: GD,
    args: [{ name: 'PRIORITY', type: { kind: 'integer', min: -1, max: 99 }, optional: true }],
    default: '0',
    doc: 'Highest real-time priority keepalived may give itself when it notices it is being scheduled late. 0 disables automatic increases, -1 also silences the startup warning, no value means the system maximum.',
    example: 'max_auto_priority 20',
  },
  {
    keyword: 'min_auto_priority_delay',
    path: GD,
    args: [{ name: 'USECS', type: { kind: 'integer', min: 1, max: 10000000, unit: 'us' } }],
    default: '1000000',
    doc: 'How late (microseconds, up to 10 s) a process must run after a timer expiry before its priority is raised automatically.',
  },
  {
    keyword: 'smtp_alert_vrrp',
    path: GD,
    args: OPT_BOOL,
    guard: '_WITH_VRRP_',
    doc: 'Default for sending e-mail alerts on VRRP state changes. Bare keyword means true.',
  },
  {
    keyword: 'smtp_alert_checker',
    path: GD,
    args: OPT_BOOL,
    guard: '_WITH_LVS_',
    doc: 'Default for sending e-mail alerts on health-checker state changes. Bare keyword means true.',
  },
  {
    keyword: 'checker_log_all_failures',
    path: GD,
    args: OPT_BOOL,
    guard: '_WITH_LVS_',
    doc: 'Log every failed real-server check, not only the one that marks the server down (e-mail still goes out only on the transition). Bare keyword means true.',
  },
  {
    keyword: 'dynamic_interfaces',
    path: GD,
    args: [{ name: 'allow_if_changes', type: { kind: 'enum', values: ['allow_if_changes'] }, optional: true }],
    guard: '_WITH_VRRP_',
    doc: 'Accept interfaces that do not exist yet or come and go. With allow_if_changes an interface may also be recreated with a different type or parent.',
  },
  {
    keyword: 'no_email_faults',
    path: GD,
    args: [],
    guard: '_WITH_VRRP_',
    doc: 'Do not send e-mail alerts when a VRRP instance enters FAULT state.',
  },
  {
    keyword: 'default_interface',
    path: GD,
    args: [{ name: 'IFNAME', type: { kind: 'interface' } }],
    guard: '_WITH_VRRP_',
    default: 'eth0',
    doc: 'Interface used for static addresses that do not name one.',
    example: 'default_interface eth1',
  },
  {
    keyword: 'disable_local_igmp',
    path: GD,
    args: [],
    guard: '_WITH_VRRP_',
    doc: 'Turns off the kernel setting igmp_link_local_mcast_reports so no IGMP reports are sent for 224.0.0.0/24 (Linux 4.3+); an alternative to moving IGMP traffic off VMAC interfaces.',
  },
  {
    keyword: 'v3_checksum_as_v2',
    path: GD,
    args: [],
    guard: '_WITH_VRRP_',
    since: '2.2.8',
    doc: 'Default for all instances: compute VRRPv3 IPv4 checksums the way v2 does (without the pseudo-header), for interoperability with such peers. Any argument is ignored; the keyword always enables it.',
  },

  // ---------------------------------------------------------------- LVS
  {
    keyword: 'lvs_timeouts',
    path: GD,
    args: [],
    options: LVS_TIMEOUT_OPTIONS,
    guard: '_WITH_LVS_',
    doc: 'IPVS connection timeouts in seconds (up to 31 days) for tcp, tcpfin and udp; at least one must be given, omitted ones keep their current value.',
    example: 'lvs_timeouts tcp 900 tcpfin 120 udp 300',
  },
  {
    keyword: 'lvs_flush',
    path: GD,
    args: [],
    guard: '_WITH_LVS_',
    doc: 'Clear the whole IPVS table when keepalived starts.',
  },
  {
    keyword: 'lvs_flush_on_stop',
    path: GD,
    args: [{ name: 'VS', type: { kind: 'enum', values: ['VS'] }, optional: true }],
    guard: '_WITH_LVS_',
    doc: 'At shutdown flush the whole IPVS table instead of deleting each entry (much faster for big setups). With VS, delete only keepalived\'s virtual servers and let the kernel drop their real servers.',
  },
  {
    keyword: 'lvs_flush_onstop',
    path: GD,
    args: [{ name: 'VS', type: { kind: 'enum', values: ['VS'] }, optional: true }],
    guard: '_WITH_LVS_',
    deprecated: { replacement: 'lvs_flush_on_stop', note: 'Old spelling, deprecated after 2.1.5.' },
    doc: 'Older spelling of lvs_flush_on_stop.',
  },
  {
    keyword: 'lvs_sync_daemon',
    path: GD,
    args: [
      { name: 'INTERFACE', type: { kind: 'interface' } },
      { name: 'VRRP_INSTANCE', type: { kind: 'ref', target: 'vrrp_instance' }, optional: true },
      { name: 'SYNC_ID', type: { kind: 'integer', min: 0, max: 255 }, optional: true },
    ],
    options: LVS_SYNC_OPTIONS,
    guard: '_WITH_LVS_ && _WITH_VRRP_',
    doc: 'Runs the IPVS connection-sync daemon on INTERFACE. If tied to a VRRP instance, the master sync daemon runs while that instance is MASTER and the backup one otherwise; without one both run. Prefer `inst NAME` and `id N` over the old positional form.',
    example: 'lvs_sync_daemon eth0 inst VI_1 id 10',
  },

  // ---------------------------------------------------------------- VRRP defaults
  {
    keyword: 'vrrp_mcast_group4',
    path: GD,
    args: [{ name: 'ADDRESS', type: { kind: 'ipv4' } }],
    guard: '_WITH_VRRP_',
    default: '224.0.0.18',
    doc: 'IPv4 multicast group for VRRP adverts; must be a multicast address. Rarely changed.',
  },
  {
    keyword: 'vrrp_mcast_group6',
    path: GD,
    args: [{ name: 'ADDRESS', type: { kind: 'ipv6' } }],
    guard: '_WITH_VRRP_',
    default: 'ff02::12',
    doc: 'IPv6 multicast group for VRRP adverts; must be multicast and should be link-local.',
  },
  {
    keyword: 'vrrp_garp_master_delay',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'integer', min: 0, max: 4294, unit: 's' } }],
    guard: '_WITH_VRRP_',
    default: '5',
    doc: 'Seconds after becoming MASTER before the second burst of gratuitous ARP/NA messages; 0 disables the second burst.',
    example: 'vrrp_garp_master_delay 10',
  },
  {
    keyword: 'vrrp_garp_master_repeat',
    path: GD,
    args: [{ name: 'COUNT', type: { kind: 'integer', min: 1, max: UINT32_MAX } }],
    guard: '_WITH_VRRP_',
    default: '5',
    doc: 'Number of gratuitous ARP/NA messages sent in each burst after becoming MASTER.',
  },
  {
    keyword: 'vrrp_garp_master_refresh',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'integer', min: 0, max: UINT32_MAX, unit: 's' } }],
    guard: '_WITH_VRRP_',
    default: '0',
    doc: 'Interval in whole seconds for repeating gratuitous ARP/NA while MASTER; 0 means no periodic refresh.',
    example: 'vrrp_garp_master_refresh 60',
  },
  {
    keyword: 'vrrp_garp_master_refresh_repeat',
    path: GD,
    args: [{ name: 'COUNT', type: { kind: 'integer', min: 1, max: UINT32_MAX } }],
    guard: '_WITH_VRRP_',
    default: '1',
    doc: 'Number of gratuitous ARP/NA messages sent at each periodic refresh.',
  },
  {
    keyword: 'vrrp_garp_lower_prio_delay',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'integer', min: 0, max: 4294, unit: 's' } }],
    guard: '_WITH_VRRP_',
    default: 'vrrp_garp_master_delay',
    doc: 'Seconds before the second burst of gratuitous ARP/NA sent by a MASTER that received a lower-priority advert.',
  },
  {
    keyword: 'vrrp_garp_lower_prio_repeat',
    path: GD,
    args: [{ name: 'COUNT', type: { kind: 'integer', min: 0, max: INT32_MAX } }],
    guard: '_WITH_VRRP_',
    default: 'vrrp_garp_master_repeat',
    doc: 'Number of gratuitous ARP/NA messages a MASTER sends per burst after receiving a lower-priority advert.',
  },
  {
    keyword: 'vrrp_down_timer_adverts',
    path: GD,
    args: [{ name: 'COUNT', type: { kind: 'integer', min: 1, max: 100 } }],
    guard: '_WITH_VRRP_',
    default: '3',
    doc: 'Default number of missed adverts (1-100) after which a backup decides the master is down.',
  },
  {
    keyword: 'vrrp_garp_interval',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'decimal', min: 0.000001, max: 4294.967295, unit: 's', digits: 6 } }],
    guard: '_WITH_VRRP_',
    default: '0',
    doc: 'Gap between successive gratuitous ARP messages on one interface, in seconds with microsecond resolution.',
    example: 'vrrp_garp_interval 0.001',
  },
  {
    keyword: 'vrrp_gna_interval',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'decimal', min: 0.000001, max: 4294.967295, unit: 's', digits: 6 } }],
    guard: '_WITH_VRRP_',
    default: '0',
    doc: 'Gap between successive unsolicited neighbour adverts on one interface, in seconds with microsecond resolution.',
    example: 'vrrp_gna_interval 0.000001',
  },
  {
    keyword: 'vrrp_min_garp',
    path: GD,
    args: OPT_BOOL,
    guard: '_WITH_VRRP_',
    doc: 'Send a single gratuitous ARP/NA on becoming MASTER with no repeat burst, unless the garp settings were set explicitly. Bare keyword means true.',
  },
  {
    keyword: 'vrrp_garp_extra_if',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'integer', min: 1, max: 86400, unit: 's' } }],
    options: [{ name: 'all', args: [], doc: 'Send on every interface used by the instance, not only VMAC ones.' }],
    guard: '_WITH_VRRP_ && _HAVE_VRRP_VMAC_',
    doc: 'Periodically (every SECS, up to one day) send gratuitous ARP/NA for addresses on interfaces other than the instance\'s own, to keep switch MAC tables fresh. Only VMAC interfaces unless `all` is given.',
    example: 'vrrp_garp_extra_if all 100',
  },
  {
    keyword: 'vrrp_vmac_garp_intvl',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'integer', min: 1, max: 86400, unit: 's' } }],
    options: [{ name: 'all', args: [], doc: 'Send on every interface used by the instance, not only VMAC ones.' }],
    guard: '_WITH_VRRP_ && _HAVE_VRRP_VMAC_',
    deprecated: { replacement: 'vrrp_garp_extra_if', note: 'Deprecated after 2.2.2.' },
    doc: 'Older name of vrrp_garp_extra_if.',
  },
  {
    keyword: 'vrrp_lower_prio_no_advert',
    path: GD,
    args: OPT_BOOL,
    guard: '_WITH_VRRP_',
    default: 'false (true with vrrp_strict)',
    doc: 'Default for instances: a MASTER receiving a lower-priority advert does not answer with its own advert (the behaviour before RFC 9568). Bare keyword means true.',
  },
  {
    keyword: 'vrrp_higher_prio_send_advert',
    path: GD,
    args: OPT_BOOL,
    guard: '_WITH_VRRP_',
    doc: 'Default for instances: a MASTER that sees a higher-priority advert sends one more advert before becoming BACKUP, prompting the other master to re-send its gratuitous ARPs. Bare keyword means true.',
  },
  {
    keyword: 'vrrp_version',
    path: GD,
    args: [{ name: 'VERSION', type: { kind: 'integer', min: 2, max: 3 } }],
    guard: '_WITH_VRRP_',
    default: '2 (IPv6 instances use 3)',
    doc: 'Default VRRP protocol version, 2 or 3.',
    example: 'vrrp_version 3',
  },
  {
    keyword: 'vrrp_iptables',
    path: GD,
    args: [
      { name: 'IN_CHAIN', type: { kind: 'string', maxLength: 27 }, optional: true },
      { name: 'OUT_CHAIN', type: { kind: 'string', maxLength: 27 }, optional: true },
    ],
    guard: '_WITH_VRRP_ && (_WITH_IPTABLES_ || _WITH_NFTABLES_)',
    default: 'INPUT (and OUTPUT)',
    doc: 'Use iptables for no_accept filtering and VMAC IGMP/MLD handling, with rules in the given input (and optional output) chains, which must already exist. Built without iptables, keepalived uses nftables instead.',
    example: 'vrrp_iptables keepalived_in keepalived_out',
  },
  {
    keyword: 'vrrp_ipsets',
    path: GD,
    args: [
      { name: 'ADDR_SET', type: { kind: 'string', maxLength: 30 }, optional: true },
      { name: 'ADDR6_SET', type: { kind: 'string', maxLength: 30 }, optional: true },
      { name: 'IF6_SET', type: { kind: 'string', maxLength: 30 }, optional: true },
      { name: 'IGMP_SET', type: { kind: 'string', maxLength: 30 }, optional: true },
      { name: 'MLD_SET', type: { kind: 'string', maxLength: 30 }, optional: true },
      { name: 'ND_SET', type: { kind: 'string', maxLength: 30 }, optional: true },
    ],
    guard: '_WITH_VRRP_ && (_WITH_IPTABLES_ || _WITH_NFTABLES_) && _HAVE_LIBIPSET_',
    default: 'keepalived keepalived6 keepalived_if6 keepalived_igmp keepalived_mld keepalived_nd',
    doc: 'Names of the ipsets used with vrrp_iptables; names left out are derived from earlier ones, and all must differ. With no names ipsets are not used.',
  },
  {
    keyword: 'nftables',
    path: GD,
    args: [{ name: 'TABLE', type: { kind: 'string', maxLength: 30 }, optional: true }],
    guard: '_WITH_VRRP_ && _WITH_NFTABLES_',
    default: 'keepalived',
    doc: 'Use nftables for VRRP firewalling (no_accept mode, VMAC IGMP/MLD handling) in the named table, which must not already exist and must be unique per keepalived instance.',
    example: 'nftables keepalived',
  },
  {
    keyword: 'nftables_priority',
    path: GD,
    args: [{ name: 'PRIORITY', type: { kind: 'integer', min: INT32_MIN, max: INT32_MAX } }],
    guard: '_WITH_VRRP_ && _WITH_NFTABLES_',
    default: '-1',
    doc: 'Hook priority of the base chains keepalived creates in its VRRP nftables table.',
  },
  {
    keyword: 'nftables_ifindex',
    path: GD,
    args: [],
    guard: '_WITH_VRRP_ && _WITH_NFTABLES_',
    doc: 'Key IPv6 link-local nftables sets by interface index rather than interface name.',
  },
  {
    keyword: 'vrrp_check_unicast_src',
    path: GD,
    args: [],
    guard: '_WITH_VRRP_',
    doc: 'In unicast mode, drop adverts whose source address is not one of the configured unicast peers.',
  },
  {
    keyword: 'vrrp_skip_check_adv_addr',
    path: GD,
    args: OPT_BOOL,
    guard: '_WITH_VRRP_',
    doc: 'Skip checking the address list of an advert when it comes from the same master as the previous one, saving CPU. Bare keyword means true.',
  },
  {
    keyword: 'vrrp_strict',
    path: GD,
    args: OPT_BOOL,
    guard: '_WITH_VRRP_',
    doc: 'Enforce strict RFC compliance: e.g. no unicast peers, no authentication, no preempt delay, at least one VIP, MASTER state only with priority 255. Bare keyword means true.',
  },
  nicePriority('vrrp', '_WITH_VRRP_'),
  noSwap('vrrp', '_WITH_VRRP_'),
  rtPriority('vrrp', '_WITH_VRRP_'),
  cpuAffinity('vrrp', '_WITH_VRRP_'),
  rlimit('vrrp', '_WITH_VRRP_', false),
  rlimit('vrrp', '_WITH_VRRP_', true),

  // ---------------------------------------------------------------- nftables for IPVS
  {
    keyword: 'nftables_ipvs',
    path: GD,
    args: [{ name: 'TABLE', type: { kind: 'string', maxLength: 30 }, optional: true }],
    guard: '_WITH_NFTABLES_ && _WITH_LVS_',
    default: 'keepalived_ipvs',
    doc: 'Use an nftables table to set firewall marks for virtual server groups, so each group needs only one fwmark-based IPVS service.',
  },
  {
    keyword: 'nftables_ipvs_priority',
    path: GD,
    args: [{ name: 'PRIORITY', type: { kind: 'integer', min: INT32_MIN, max: INT32_MAX } }],
    guard: '_WITH_NFTABLES_ && _WITH_LVS_',
    default: '-1',
    doc: 'Hook priority of the chains in the IPVS nftables table.',
  },
  {
    keyword: 'nftables_ipvs_start_fwmark',
    path: GD,
    args: [{ name: 'FWMARK', type: { kind: 'integer', min: 1, max: UINT32_MAX } }],
    guard: '_WITH_NFTABLES_ && _WITH_LVS_',
    default: '1000',
    doc: 'First firewall mark allocated to virtual server groups; each further group gets the next number.',
  },
  {
    keyword: 'nftables_counters',
    path: GD,
    args: [],
    guard: '_WITH_NFTABLES_ && (_WITH_VRRP_ || _WITH_LVS_)',
    doc: 'Add counters to the nftables rules keepalived creates (useful for debugging).',
  },

  // ---------------------------------------------------------------- notify FIFOs
  ...fifo('', 'all (VRRP and checker)'),
  ...fifo('vrrp_', 'VRRP instance and sync group', '_WITH_VRRP_'),
  {
    keyword: 'vrrp_notify_priority_changes',
    path: GD,
    args: OPT_BOOL,
    guard: '_WITH_VRRP_',
    doc: 'Also report VRRP instance priority changes on the notify FIFOs. Bare keyword means true.',
  },
  {
    keyword: 'fifo_write_vrrp_states_on_reload',
    path: GD,
    args: [],
    guard: '_WITH_VRRP_',
    doc: 'Write the current instance and sync group states to the FIFOs after a reload as well.',
  },
  ...fifo('lvs_', 'health checker (virtual/real server up/down)', '_WITH_LVS_'),

  // ---------------------------------------------------------------- checker / bfd scheduling
  nicePriority('checker', '_WITH_LVS_'),
  noSwap('checker', '_WITH_LVS_'),
  rtPriority('checker', '_WITH_LVS_'),
  cpuAffinity('checker', '_WITH_LVS_'),
  rlimit('checker', '_WITH_LVS_', false),
  rlimit('checker', '_WITH_LVS_', true),
  nicePriority('bfd', '_WITH_BFD_'),
  noSwap('bfd', '_WITH_BFD_'),
  rtPriority('bfd', '_WITH_BFD_'),
  cpuAffinity('bfd', '_WITH_BFD_'),
  rlimit('bfd', '_WITH_BFD_', false),
  rlimit('bfd', '_WITH_BFD_', true),

  // ---------------------------------------------------------------- SNMP
  {
    keyword: 'snmp_socket',
    path: GD,
    args: [{ name: 'SOCKET', type: { kind: 'string' } }],
    guard: '_WITH_SNMP_',
    default: 'unix:/var/agentx/master',
    doc: 'AgentX address of the SNMP master agent to connect to.',
    example: 'snmp_socket udp:127.0.0.1:705',
  },
  {
    keyword: 'enable_traps',
    path: GD,
    args: [],
    guard: '_WITH_SNMP_',
    doc: 'Send SNMP traps.',
  },
  {
    keyword: 'enable_snmp_vrrp',
    path: GD,
    args: [],
    guard: '_WITH_SNMP_ && _WITH_SNMP_VRRP_',
    doc: 'Serve the VRRP part of the KEEPALIVED-MIB over SNMP.',
  },
  {
    keyword: 'enable_snmp_keepalived',
    path: GD,
    args: [],
    guard: '_WITH_SNMP_ && _WITH_SNMP_VRRP_',
    deprecated: { replacement: 'enable_snmp_vrrp', note: 'Deprecated since 2.0.0.' },
    doc: 'Older name of enable_snmp_vrrp.',
  },
  {
    keyword: 'enable_snmp_rfc',
    path: GD,
    args: [],
    guard: '_WITH_SNMP_ && _WITH_SNMP_RFC_',
    doc: 'Serve both standard VRRP MIBs (RFC 2787 and RFC 6527).',
  },
  {
    keyword: 'enable_snmp_rfcv2',
    path: GD,
    args: [],
    guard: '_WITH_SNMP_ && _WITH_SNMP_RFCV2_',
    doc: 'Serve the VRRPv2 MIB of RFC 2787.',
  },
  {
    keyword: 'enable_snmp_rfcv3',
    path: GD,
    args: [],
    guard: '_WITH_SNMP_ && _WITH_SNMP_RFCV3_',
    doc: 'Serve the VRRPv3 MIB of RFC 6527.',
  },
  {
    keyword: 'enable_snmp_checker',
    path: GD,
    args: [],
    guard: '_WITH_SNMP_ && _WITH_SNMP_CHECKER_',
    doc: 'Serve the checker (virtual/real server) part of the KEEPALIVED-MIB.',
  },
  {
    keyword: 'snmp_vs_stats_update_interval',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'decimal', min: 0.001, max: 30, unit: 's', digits: 6 } }],
    guard: '_WITH_SNMP_ && _WITH_SNMP_CHECKER_',
    since: '2.3.0',
    default: '5',
    doc: 'Minimum age in seconds (0.001-30) of cached virtual server statistics before an SNMP query re-reads them from the kernel.',
  },
  {
    keyword: 'snmp_rs_stats_update_interval',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'decimal', min: 0.001, max: 30, unit: 's', digits: 6 } }],
    guard: '_WITH_SNMP_ && _WITH_SNMP_CHECKER_',
    since: '2.3.0',
    default: 'snmp_vs_stats_update_interval',
    doc: 'Like snmp_vs_stats_update_interval, for real server statistics (0.001-30 seconds).',
  },

  // ---------------------------------------------------------------- DBus
  {
    keyword: 'enable_dbus',
    path: GD,
    args: [],
    guard: '_WITH_DBUS_',
    doc: 'Enable the DBus interface of the VRRP process.',
  },
  {
    keyword: 'dbus_service_name',
    path: GD,
    args: [{ name: 'NAME', type: { kind: 'string' } }],
    guard: '_WITH_DBUS_',
    default: 'org.keepalived.Vrrp1',
    doc: 'DBus service name; change it to run several keepalived daemons with DBus.',
  },
  {
    keyword: 'dbus_no_interface_name',
    path: GD,
    args: [{ name: 'NAME', type: { kind: 'string' } }],
    guard: '_WITH_DBUS_',
    since: '2.3.0',
    default: 'none',
    doc: 'Word used in the DBus object path of an instance that has no interface.',
  },

  // ---------------------------------------------------------------- script security
  {
    keyword: 'script_user',
    path: GD,
    args: [
      { name: 'USER', type: { kind: 'string' } },
      { name: 'GROUP', type: { kind: 'string' }, optional: true },
    ],
    doc: 'Default user (and optional [:]group) for running scripts. Without it keepalived_script is used if it exists, else the user keepalived runs as.',
    example: 'script_user keepalived_script',
  },
  {
    keyword: 'enable_script_security',
    path: GD,
    args: [],
    doc: 'Refuse to run root scripts whose path is writable by non-root users, and do not fall back to root as the default script user.',
  },

  // ---------------------------------------------------------------- netlink buffers
  ...rcvBufs('vrrp_netlink_cmd', 'VRRP netlink command socket', '_WITH_VRRP_'),
  ...rcvBufs('vrrp_netlink_monitor', 'VRRP netlink monitor socket', '_WITH_VRRP_'),
  ...rcvBufs('process_monitor', 'process-monitor (track_process) netlink socket', '_WITH_VRRP_ && _WITH_TRACK_PROCESS_'),
  ...rcvBufs('lvs_netlink_cmd', 'checker netlink command socket', '_WITH_LVS_'),
  ...rcvBufs('lvs_netlink_monitor', 'checker netlink monitor socket', '_WITH_LVS_'),
  {
    keyword: 'rs_init_notifies',
    path: GD,
    args: OPT_BOOL,
    guard: '_WITH_LVS_',
    doc: 'Send notifications for real servers as they come up at startup. Bare keyword means true.',
  },
  {
    keyword: 'no_checker_emails',
    path: GD,
    args: OPT_BOOL,
    guard: '_WITH_LVS_',
    doc: 'Send checker e-mail only when a real server is added or removed, not on every state change. Bare keyword means true.',
  },

  // ---------------------------------------------------------------- VRRP sockets and startup
  {
    keyword: 'vrrp_rx_bufs_policy',
    path: GD,
    args: [{ name: 'POLICY', type: { kind: 'enum', values: ['MTU', 'ADVERT'], caseInsensitive: true } }],
    forms: [
      { args: [{ name: 'POLICY', type: { kind: 'enum', values: ['MTU', 'ADVERT'], caseInsensitive: true } }] },
      { args: [{ name: 'BYTES', type: { kind: 'integer', min: 0, max: UINT32_MAX, unit: 'bytes' } }] },
    ],
    guard: '_WITH_VRRP_',
    default: 'system default (rmem_default)',
    doc: 'Receive buffer size of VRRP sockets: MTU (interface MTU x multiplier per instance), ADVERT (advert size x multiplier per instance) or a fixed byte count.',
    example: 'vrrp_rx_bufs_policy MTU',
  },
  {
    keyword: 'vrrp_rx_bufs_multiplier',
    path: GD,
    args: [{ name: 'N', type: { kind: 'integer', min: 1, max: UINT32_MAX } }],
    guard: '_WITH_VRRP_',
    default: '3',
    doc: 'Multiplier used by vrrp_rx_bufs_policy MTU or ADVERT.',
  },
  {
    keyword: 'vrrp_startup_delay',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'decimal', min: 0.001, max: 4294.967295, unit: 's', digits: 6 } }],
    guard: '_WITH_VRRP_',
    doc: 'Seconds to wait after keepalived starts before VRRP instances start, e.g. while bonded interfaces settle at boot.',
    example: 'vrrp_startup_delay 5.5',
  },
  {
    keyword: 'vrrp_delay_after_boot',
    path: GD,
    args: [{ name: 'SECS', type: { kind: 'decimal', min: 0.001, max: 4294.967295, unit: 's', digits: 6 } }],
    guard: '_WITH_VRRP_',
    since: '2.4.0',
    doc: 'Delay VRRP instances until at least this many seconds after system boot, so a later restart has no delay. The longer of this and vrrp_startup_delay wins.',
    example: 'vrrp_delay_after_boot 15',
  },
  {
    keyword: 'log_unknown_vrids',
    path: GD,
    args: [],
    guard: '_WITH_VRRP_',
    doc: 'Log adverts received for VRIDs not configured on the receiving interface.',
  },
  {
    keyword: 'vrrp_owner_ignore_adverts',
    path: GD,
    args: OPT_BOOL,
    guard: '_WITH_VRRP_',
    since: '2.3.3',
    doc: 'Default for instances with priority 255 (address owner): ignore adverts received from other routers. Bare keyword means true.',
  },
  {
    keyword: 'vmac_prefix',
    path: GD,
    args: [{ name: 'PREFIX', type: { kind: 'string' } }],
    guard: '_WITH_VRRP_ && _HAVE_VRRP_VMAC_',
    default: 'vrrp',
    doc: 'Prefix of automatically generated VMAC interface names.',
  },
  {
    keyword: 'vmac_addr_prefix',
    path: GD,
    args: [{ name: 'PREFIX', type: { kind: 'string' } }],
    guard: '_WITH_VRRP_ && _HAVE_VRRP_VMAC_',
    default: 'vmac_prefix',
    doc: 'Prefix of generated VMAC names for addresses that use a VMAC on an interface other than the instance\'s own.',
  },

  // ---------------------------------------------------------------- misc
  {
    keyword: 'umask',
    path: GD,
    args: [{ name: 'MASK', type: { kind: 'string' }, repeat: true }],
    default: 'IXUSR|IRWXG|IRWXO',
    doc: 'umask for files keepalived creates: a number (decimal, 0 octal or 0x hex) or I{R,W,X}{USR,GRP,OTH} / IRWX{U,G,O} bits joined by |. The -m command-line option takes precedence.',
    example: 'umask 0077',
  },
  {
    keyword: 'random_seed',
    path: GD,
    args: [{ name: 'SEED', type: { kind: 'integer', min: 0, max: UINT32_MAX } }],
    doc: 'Fixed seed for ${_RANDOM} so generated configurations repeat; by default a time-based seed is used.',
  },
  {
    keyword: 'reload_check_config',
    path: GD,
    args: [{ name: 'LOG_FILE', type: PATH, optional: true }],
    guard: '!_ONE_PROCESS_DEBUG_',
    doc: 'Check a changed configuration before reloading and reload only if it is valid; problems are logged to LOG_FILE (default /dev/null).',
  },
  {
    keyword: 'reload_time_file',
    path: GD,
    args: [{ name: 'FILE', type: PATH }],
    guard: '!_ONE_PROCESS_DEBUG_',
    doc: 'File keepalived watches for a scheduled reload time (HH:MM:SS or [YY]YY-MM-DD HH:MM:SS, optional trailing Z for UTC); the file is deleted once the reload happens unless reload_repeat is set.',
    example: 'reload_time_file /etc/keepalived/reload_at',
  },
  {
    keyword: 'reload_repeat',
    path: GD,
    args: [],
    guard: '!_ONE_PROCESS_DEBUG_',
    doc: 'Keep the reload_time_file after a scheduled reload, so a time-only entry triggers a reload every day.',
  },
  {
    keyword: 'reload_file',
    path: GD,
    args: [{ name: 'FILE', type: PATH, optional: true }],
    guard: '!_ONE_PROCESS_DEBUG_',
    default: 'keepalived.reload in the pid directory',
    doc: 'File keepalived creates (or truncates) while it reads the configuration and removes when done, so update tools can wait for a reload to finish.',
  },
  {
    keyword: 'include_check',
    path: GD,
    args: [{ name: 'CHECK', type: { kind: 'enum', values: INCLUDE_CHECK_VALUES }, optional: true, repeat: true }],
    guard: '!_ONE_PROCESS_DEBUG_',
    doc: 'Treat missing include files as errors: read, match, wildcard_match, brace_match, each optionally prefixed + (add) or - (remove). No argument enables all checks.',
    example: 'include_check +match -wildcard_match',
  },
  {
    keyword: 'config_save_dir',
    path: GD,
    args: [{ name: 'DIRECTORY', type: PATH }],
    guard: '!_ONE_PROCESS_DEBUG_',
    doc: 'Directory (created if missing) where configuration state and files are saved before and after each reload, for debugging reload problems.',
  },
  {
    keyword: 'tmp_config_directory',
    path: GD,
    args: [{ name: 'DIRECTORY', type: PATH }],
    doc: 'Keep the internal copy of the configuration in an anonymous file on this directory\'s filesystem instead of memory. Put it early in the file; it cannot change on reload.',
  },
  {
    keyword: 'data_use_instance',
    path: GD,
    args: OPT_BOOL,
    doc: 'Include the instance name and network namespace in the names of the SIGUSR1/SIGUSR2 dump files. Bare keyword means true.',
  },
  {
    keyword: 'json_version',
    path: GD,
    args: [{ name: 'VERSION', type: { kind: 'integer', min: 1, max: 2 } }],
    guard: '_WITH_JSON_',
    since: '2.2.8',
    default: '1',
    doc: 'Format of the JSON state dump: 2 puts VRRP data in a named array and adds track_process details.',
  },
  {
    keyword: 'iproute_usr_dir',
    path: GD,
    args: [{ name: 'DIRECTORY', type: PATH }],
    guard: '_WITH_VRRP_',
    since: '2.3.2',
    doc: 'Where iproute2 keeps its distribution configuration files (e.g. /usr/share/iproute2), if keepalived could not detect it.',
  },
  {
    keyword: 'iproute_etc_dir',
    path: GD,
    args: [{ name: 'DIRECTORY', type: PATH }],
    guard: '_WITH_VRRP_',
    since: '2.3.2',
    default: '/etc/iproute2',
    doc: 'Where iproute2 keeps its local configuration files (rt_tables etc.), if not the usual place.',
  },
  {
    keyword: 'state_dump_file',
    path: GD,
    args: [{ name: 'PATH', type: PATH }],
    since: '2.3.3',
    doc: 'File (or directory, if it ends in /) for the SIGUSR1 state dump; best placed on tmpfs.',
  },
  {
    keyword: 'stats_dump_file',
    path: GD,
    args: [{ name: 'PATH', type: PATH }],
    since: '2.3.3',
    doc: 'File (or directory, if it ends in /) for the SIGUSR2 statistics dump.',
  },
  {
    keyword: 'json_dump_file',
    path: GD,
    args: [{ name: 'PATH', type: PATH }],
    since: '2.3.3',
    doc: 'File (or directory, if it ends in /) for the JSON state dump.',
  },
];
