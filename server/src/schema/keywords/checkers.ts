// Health checkers of a real_server: the keywords that open them (MISC_CHECK, SMTP_CHECK, TCP_CHECK,
// PING_CHECK, UDP_CHECK, HTTP_GET, SSL_GET, DNS_CHECK, FILE_CHECK, BFD_CHECK) and everything inside.
// Facts from keepalived's check_api.c (shared options) and check_*.c (2.4.x), and keepalived.conf(5).
import type { KeywordSpec, ValueType } from '../types';
import { CONNECT_TIMEOUT, INT32_MAX, OPT_BOOL,  UINT32_MAX, CHECK_DELAY_POSITIVE, CHECK_DELAY_ZERO_OK } from './common';

const G = '_WITH_LVS_';
const RS = 'virtual_server/real_server';

const PORT_NONZERO: ValueType = { kind: 'integer', min: 1, max: 65535 };

/** The connection options every connecting checker (all but MISC, FILE and BFD) accepts. */
function connectionKeywords(path: string, guard: string): KeywordSpec[] {
  return [
    {
      keyword: 'connect_ip',
      path,
      args: [{ name: 'IP', type: { kind: 'ip' } }],
      guard,
      doc: 'Address the checker connects to instead of the real server\'s address. Must be the same family as bindto.',
      example: 'connect_ip 192.168.1.21',
    },
    {
      keyword: 'connect_port',
      path,
      args: [{ name: 'PORT', type: PORT_NONZERO }],
      guard,
      doc: 'Port the checker connects to (1-65535); defaults to the real server\'s port.',
      example: 'connect_port 8080',
    },
    {
      keyword: 'bindto',
      path,
      args: [{ name: 'IP', type: { kind: 'ip' } }],
      guard,
      doc: 'Source address for the checker\'s connections. An IPv6 link-local address also needs bind_if.',
    },
    {
      keyword: 'bind_port',
      path,
      args: [{ name: 'PORT', type: PORT_NONZERO }],
      guard,
      doc: 'Source port for the checker\'s connections (1-65535).',
    },
    {
      keyword: 'bind_if',
      path,
      args: [{ name: 'IFNAME', type: { kind: 'interface' } }],
      guard,
      doc: 'Interface to send the checks from; required when connect_ip or bindto is an IPv6 link-local address.',
    },
    {
      keyword: 'connect_timeout',
      path,
      args: [{ name: 'SECONDS', type: CONNECT_TIMEOUT }],
      guard,
      doc: 'How long in seconds the checker waits for a connection or reply; inherits the real/virtual server value (5 s by default).',
      example: 'connect_timeout 3',
    },
    {
      keyword: 'fwmark',
      path,
      args: [{ name: 'MARK', type: { kind: 'integer', min: 0, max: UINT32_MAX } }],
      guard: `${guard} && _WITH_SO_MARK_`,
      doc: 'Firewall mark (SO_MARK) put on every packet the checker sends.',
    },
  ];
}

/** Options shared by every checker except FILE_CHECK and BFD_CHECK. */
function scheduleKeywords(path: string, guard: string, retryDefault: string): KeywordSpec[] {
  return [
    {
      keyword: 'retry',
      path,
      args: [{ name: 'COUNT', type: { kind: 'integer', min: 0, max: UINT32_MAX } }],
      guard,
      default: retryDefault,
      doc: `Number of extra attempts after a failed check before the real server is declared down (default ${retryDefault}, unless the real/virtual server sets one).`,
    },
    {
      keyword: 'delay_before_retry',
      path,
      args: [{ name: 'SECONDS', type: CHECK_DELAY_ZERO_OK }],
      guard,
      doc: 'Pause in seconds before retrying a failed check. Defaults: 3 s for HTTP_GET/SSL_GET, delay_loop for DNS_CHECK, 1 s otherwise.',
    },
    {
      keyword: 'warmup',
      path,
      args: [{ name: 'SECONDS', type: CHECK_DELAY_ZERO_OK }],
      guard,
      doc: 'Maximum random delay in seconds before this checker\'s first check, to spread checks out; defaults to delay_loop, 0 disables.',
    },
    {
      keyword: 'delay_loop',
      path,
      args: [{ name: 'SECONDS', type: CHECK_DELAY_POSITIVE }],
      guard,
      doc: 'Interval in seconds between two runs of this checker; inherits the real/virtual server value (60 s by default).',
      example: 'delay_loop 5',
    },
    {
      keyword: 'alpha',
      path,
      args: [OPT_BOOL],
      guard,
      doc: 'Start with this checker in the failed state until it first succeeds. No argument means on.',
    },
    {
      keyword: 'log_all_failures',
      path,
      args: [OPT_BOOL],
      guard,
      since: '2.0.11',
      doc: 'Log every failed check, not only those that change the checker\'s state. No argument means on.',
    },
  ];
}

/** Keywords of an HTTP_GET or SSL_GET block and of its url sub-blocks. */
function httpKeywords(checker: 'HTTP_GET' | 'SSL_GET'): KeywordSpec[] {
  const path = `${RS}/${checker}`;
  const url = `${path}/url`;
  const GR = '_WITH_LVS_ && _WITH_REGEX_CHECK_';
  const GSNI = '_WITH_LVS_ && _HAVE_SSL_SET_TLSEXT_HOST_NAME_';
  const out: KeywordSpec[] = [
    ...connectionKeywords(path, G),
    ...scheduleKeywords(path, G, '1'),
    {
      keyword: 'nb_get_retry',
      path,
      args: [{ name: 'COUNT', type: { kind: 'integer', min: 0, max: UINT32_MAX } }],
      guard: G,
      deprecated: { replacement: 'retry', note: 'keepalived reports nb_get_retry as deprecated.' },
      doc: 'Old name of retry: extra attempts before declaring the server down.',
    },
    {
      keyword: 'virtualhost',
      path,
      args: [{ name: 'HOST', type: { kind: 'string' } }],
      guard: G,
      doc: 'Host header sent with the requests of this checker; overrides the real/virtual server setting and is overridden per url.',
      example: 'virtualhost www.example.com',
    },
    {
      keyword: 'http_protocol',
      path,
      args: [{ name: 'VERSION', type: { kind: 'enum', values: ['1.0', '1.1', '1.0C', '1.0c'] } }],
      guard: G,
      default: '1.0',
      since: '2.0.17',
      doc: 'HTTP version of the request: 1.0, 1.1, or 1.0C (1.0 plus a "Connection: close" header).',
      example: 'http_protocol 1.1',
    },
    {
      keyword: 'enable_sni',
      path,
      args: [OPT_BOOL],
      guard: GSNI,
      doc: 'Send the Server Name Indication (the virtualhost) in the TLS handshake. No argument means on.',
    },
    {
      keyword: 'sni_name',
      path,
      args: [{ name: 'NAME', type: { kind: 'string' }, optional: true }],
      guard: GSNI,
      since: '2.4.4',
      doc: 'Name to send as SNI in the TLS handshake (enables SNI); without a name the virtualhost is used. Newer than 2.4.3.',
    },
    {
      keyword: 'fast_recovery',
      path,
      args: [OPT_BOOL],
      guard: G,
      since: '2.0.17',
      doc: 'At startup or after a failure, check all urls back to back instead of waiting delay_loop between them, so the server comes up sooner. No argument means on.',
    },
  ];
  if (checker === 'SSL_GET') {
    out.push({
      keyword: 'tls_compliant',
      path,
      args: [OPT_BOOL],
      guard: G,
      since: '2.2.8',
      doc: 'Close TLS connections properly by sending a close_notify alert. No argument means on.',
    });
  }
  out.push(
    {
      keyword: 'url',
      path,
      block: 'subkeywords',
      args: [],
      repeatable: true,
      guard: G,
      doc: 'One URL to fetch and verify; a checker may list several, and needs at least one with a path.',
      example: 'url { path /health status_code 200 }',
    },
    {
      keyword: 'path',
      path: url,
      args: [{ name: 'URL_PATH', type: { kind: 'string' } }],
      guard: G,
      doc: 'Path (with any query string) requested from the server; required.',
      example: 'path /healthz',
    },
    {
      keyword: 'digest',
      path: url,
      args: [{ name: 'MD5', type: { kind: 'hex' } }],
      guard: G,
      doc: 'Expected MD5 digest of the response body: exactly 32 hex digits, as computed by genhash.',
      example: 'digest 9b3a0c85a887a256d6939da88aabd8cd',
    },
    {
      keyword: 'status_code',
      path: url,
      args: [{ name: 'CODE|FROM-TO', type: { kind: 'integer', min: 100, max: 599, range: true }, repeat: true }],
      guard: G,
      default: '200-299',
      doc: 'Accepted HTTP status codes, each a code or a range, all within 100-599.',
      example: 'status_code 200-299 301 302',
    },
    {
      keyword: 'virtualhost',
      path: url,
      args: [{ name: 'HOST', type: { kind: 'string' } }],
      guard: G,
      doc: 'Host header for this url only; otherwise the checker, real server or virtual server value is used.',
    },
    {
      keyword: 'regex',
      path: url,
      args: [{ name: 'PATTERN', type: { kind: 'string' } }],
      guard: GR,
      since: '2.0.7',
      doc: 'PCRE2 pattern the response body must match (one quoted word); no match fails the check.',
      example: 'regex "status: *ok"',
    },
    {
      keyword: 'regex_no_match',
      path: url,
      args: [],
      guard: GR,
      since: '2.0.7',
      doc: 'Invert regex: the check fails when the pattern does match.',
    },
    {
      keyword: 'regex_options',
      path: url,
      args: [{ name: 'OPTION', type: { kind: 'string' }, repeat: true }],
      guard: GR,
      since: '2.0.7',
      doc: 'PCRE2 compile options for regex: allow_empty_class alt_bsux auto_callout caseless dollar_endonly dotall dupnames extended firstline match_unset_backref multiline never_ucp never_utf no_auto_capture no_auto_possess no_dotstar_anchor no_start_optimize ucp ungreedy utf never_backslash_c alt_circumflex alt_verbnames use_offset_limit. Other words are silently ignored.',
      example: 'regex_options caseless multiline',
    },
    {
      keyword: 'regex_min_offset',
      path: url,
      args: [{ name: 'OFFSET', type: { kind: 'integer', min: 0, unit: 'bytes' } }],
      guard: GR,
      since: '2.0.7',
      doc: 'Byte offset in the response where regex matching may start, saving work on large bodies.',
    },
    {
      keyword: 'regex_max_offset',
      path: url,
      args: [{ name: 'OFFSET', type: { kind: 'integer', min: 0, unit: 'bytes' } }],
      guard: GR,
      since: '2.0.7',
      doc: 'Last byte offset in the response at which a regex match may begin; must exceed regex_min_offset.',
    },
    {
      keyword: 'regex_stack',
      path: url,
      args: [
        { name: 'START', type: { kind: 'integer', min: 0, unit: 'bytes' } },
        { name: 'MAX', type: { kind: 'integer', min: 0, unit: 'bytes' } },
      ],
      guard: '_WITH_LVS_ && _WITH_REGEX_CHECK_ && !PCRE2_DONT_USE_JIT',
      since: '2.0.7',
      doc: 'Initial and maximum size in bytes of the PCRE2 JIT stack, for complex patterns; START must not exceed MAX.',
      example: 'regex_stack 32768 524288',
    },
  );
  if (checker === 'SSL_GET') {
    out.push({
      keyword: 'tls_compliant',
      path: url,
      args: [OPT_BOOL],
      guard: G,
      since: '2.2.8',
      doc: 'For this url, close the TLS connection with a close_notify alert. No argument means on.',
    });
  }
  return out;
}

const SMTP = `${RS}/SMTP_CHECK`;
const SMTP_HOST = `${SMTP}/host`;
const G_HOST = '_WITH_LVS_ && WITH_HOST_ENTRIES';

export const CHECKER_KEYWORDS: KeywordSpec[] = [
  // ───────────── checker blocks inside real_server ─────────────
  {
    keyword: 'MISC_CHECK',
    path: RS,
    block: 'subkeywords',
    args: [],
    repeatable: true,
    guard: G,
    doc: 'Health check by running a program: exit status 0 means up, 1 down; with misc_dynamic, 2-255 also set the weight.',
    example: 'MISC_CHECK {',
  },
  {
    keyword: 'SMTP_CHECK',
    path: RS,
    block: 'subkeywords',
    args: [],
    repeatable: true,
    guard: G,
    doc: 'Health check by opening an SMTP session and sending HELO.',
  },
  {
    keyword: 'TCP_CHECK',
    path: RS,
    block: 'subkeywords',
    args: [],
    repeatable: true,
    guard: G,
    doc: 'Health check that only opens a TCP connection to the server.',
    example: 'TCP_CHECK { connect_timeout 3 }',
  },
  {
    keyword: 'PING_CHECK',
    path: RS,
    block: 'subkeywords',
    args: [],
    repeatable: true,
    guard: G,
    since: '2.0.20',
    doc: 'Health check by ICMP/ICMPv6 echo. keepalived may widen net.ipv4.ping_group_range so it can use an unprivileged ICMP socket.',
  },
  {
    keyword: 'UDP_CHECK',
    path: RS,
    block: 'subkeywords',
    args: [],
    repeatable: true,
    guard: G,
    since: '2.0.20',
    doc: 'Health check by sending a UDP datagram; fails on ICMP unreachable errors and, with require_reply, when no suitable reply arrives.',
  },
  {
    keyword: 'HTTP_GET',
    path: RS,
    block: 'subkeywords',
    args: [],
    repeatable: true,
    guard: G,
    doc: 'Health check by fetching one or more urls over HTTP and checking status code, digest or regex.',
    example: 'HTTP_GET {',
  },
  {
    keyword: 'SSL_GET',
    path: RS,
    block: 'subkeywords',
    args: [],
    repeatable: true,
    guard: G,
    doc: 'Like HTTP_GET but over TLS, using the top-level SSL block for certificates.',
  },
  {
    keyword: 'DNS_CHECK',
    path: RS,
    block: 'subkeywords',
    args: [],
    repeatable: true,
    guard: G,
    doc: 'Health check by sending a DNS query over UDP and expecting an answer.',
  },
  {
    keyword: 'FILE_CHECK',
    path: RS,
    block: 'subkeywords',
    args: [],
    repeatable: true,
    guard: G,
    since: '2.1.0',
    doc: 'Set the real server\'s state/weight from a number read from a file declared in a track_file block.',
  },
  {
    keyword: 'BFD_CHECK',
    path: RS,
    block: 'subkeywords',
    args: [],
    repeatable: true,
    guard: '_WITH_LVS_ && _WITH_BFD_',
    since: '2.0.0',
    doc: 'Take the real server\'s state from a BFD session defined by a bfd_instance.',
  },

  // ───────────── MISC_CHECK ─────────────
  ...scheduleKeywords(`${RS}/MISC_CHECK`, G, '0'),
  {
    keyword: 'misc_path',
    path: `${RS}/MISC_CHECK`,
    args: [{ name: 'COMMAND', type: { kind: 'command' } }],
    guard: G,
    quoted: true,
    doc: 'Program (with its arguments, usually quoted) run as the check; required.',
    example: 'misc_path "/usr/local/bin/check_app.sh 192.168.1.21"',
  },
  {
    keyword: 'misc_timeout',
    path: `${RS}/MISC_CHECK`,
    args: [{ name: 'SECONDS', type: { kind: 'integer', min: 0, max: 4294, unit: 's' } }],
    guard: G,
    doc: 'Whole seconds the program may run before it is killed and the check fails; defaults to the virtual server\'s delay_loop.',
  },
  {
    keyword: 'misc_dynamic',
    path: `${RS}/MISC_CHECK`,
    args: [],
    guard: G,
    doc: 'Use the exit status to adjust the weight: 0 up, 1 down, 2-255 up with weight set to status minus 2.',
  },
  {
    keyword: 'user',
    path: `${RS}/MISC_CHECK`,
    args: [
      { name: 'USER', type: { kind: 'string' } },
      { name: 'GROUP', type: { kind: 'string' }, optional: true },
    ],
    guard: G,
    doc: 'User (and optionally group; default the user\'s group) the program runs as.',
    example: 'user nobody',
  },

  // ───────────── SMTP_CHECK (and its deprecated host sub-blocks) ─────────────
  {
    keyword: 'helo_name',
    path: SMTP,
    args: [{ name: 'NAME', type: { kind: 'string' } }],
    guard: G,
    default: 'smtpchecker.keepalived.org',
    doc: 'Name sent in the SMTP HELO command.',
  },
  ...connectionKeywords(SMTP, G),
  ...scheduleKeywords(SMTP, G, '1'),
  {
    keyword: 'host',
    path: SMTP,
    block: 'subkeywords',
    args: [],
    repeatable: true,
    guard: G_HOST,
    deprecated: { replacement: 'SMTP_CHECK', note: 'Define one SMTP_CHECK per host instead of host sub-blocks.' },
    doc: 'Legacy sub-block giving one more host to check with its own connection options; keepalived logs that it is deprecated.',
  },
  ...connectionKeywords(SMTP_HOST, G_HOST),
  ...scheduleKeywords(SMTP_HOST, G_HOST, '1'),

  // ───────────── TCP_CHECK, PING_CHECK ─────────────
  ...connectionKeywords(`${RS}/TCP_CHECK`, G),
  ...scheduleKeywords(`${RS}/TCP_CHECK`, G, '1'),
  ...connectionKeywords(`${RS}/PING_CHECK`, G),
  ...scheduleKeywords(`${RS}/PING_CHECK`, G, '1'),

  // ───────────── UDP_CHECK ─────────────
  ...connectionKeywords(`${RS}/UDP_CHECK`, G),
  ...scheduleKeywords(`${RS}/UDP_CHECK`, G, '1'),
  {
    keyword: 'payload',
    path: `${RS}/UDP_CHECK`,
    args: [{ name: 'HEX', type: { kind: 'hex' }, repeat: true }],
    guard: G,
    since: '2.0.20',
    doc: 'Bytes to send, as hex digits that may be split into groups by spaces (a lone digit is one byte); random data is sent when absent.',
    example: 'payload 01 02 0a ff',
  },
  {
    keyword: 'require_reply',
    path: `${RS}/UDP_CHECK`,
    args: [{ name: 'HEX', type: { kind: 'string' }, optional: true, repeat: true }],
    guard: G,
    since: '2.0.20',
    doc: 'Require a reply datagram; if hex data is given the reply must start with it, where an X/x digit matches anything.',
    example: 'require_reply 00 01 xx',
  },
  {
    keyword: 'min_reply_length',
    path: `${RS}/UDP_CHECK`,
    args: [{ name: 'BYTES', type: { kind: 'integer', min: 0, max: 65535, unit: 'bytes' } }],
    guard: G,
    default: '0',
    since: '2.2.0',
    doc: 'Shortest acceptable reply when require_reply is set.',
  },
  {
    keyword: 'max_reply_length',
    path: `${RS}/UDP_CHECK`,
    args: [{ name: 'BYTES', type: { kind: 'integer', min: 0, max: 65535, unit: 'bytes' } }],
    guard: G,
    default: '255',
    since: '2.2.0',
    doc: 'Longest acceptable reply when require_reply is set.',
  },

  // ───────────── HTTP_GET, SSL_GET ─────────────
  ...httpKeywords('HTTP_GET'),
  ...httpKeywords('SSL_GET'),

  // ───────────── DNS_CHECK ─────────────
  ...connectionKeywords(`${RS}/DNS_CHECK`, G),
  ...scheduleKeywords(`${RS}/DNS_CHECK`, G, '3'),
  {
    keyword: 'type',
    path: `${RS}/DNS_CHECK`,
    args: [
      {
        name: 'QTYPE',
        type: { kind: 'enum', values: ['A', 'NS', 'CNAME', 'SOA', 'MX', 'TXT', 'AAAA', 'RRSIG', 'DNSKEY'], caseInsensitive: true },
      },
    ],
    guard: G,
    default: 'SOA',
    doc: 'Record type queried: A, NS, CNAME, SOA, MX, TXT, AAAA, RRSIG or DNSKEY (any case).',
    example: 'type A',
  },
  {
    keyword: 'name',
    path: `${RS}/DNS_CHECK`,
    args: [{ name: 'DOMAIN', type: { kind: 'string' } }],
    guard: G,
    default: '. (the root)',
    doc: 'Domain name queried; must not contain empty labels.',
    example: 'name www.example.com',
  },

  // ───────────── FILE_CHECK ─────────────
  {
    keyword: 'track_file',
    path: `${RS}/FILE_CHECK`,
    args: [{ name: 'NAME', type: { kind: 'ref', target: 'track_file' } }],
    guard: G,
    doc: 'Name of the track_file block whose value drives this checker; required.',
    example: 'track_file web_weight',
  },
  {
    keyword: 'weight',
    path: `${RS}/FILE_CHECK`,
    args: [
      { name: 'WEIGHT', type: { kind: 'integer', min: -INT32_MAX, max: INT32_MAX } },
      { name: 'reverse', type: { kind: 'enum', values: ['reverse', 'noreverse'] }, optional: true },
    ],
    guard: G,
    doc: 'Multiplier applied to the number read from the file before it is added to the server weight; `reverse` inverts the sign. Defaults to the track_file block\'s weight.',
    example: 'weight 10 reverse',
  },

  // ───────────── BFD_CHECK ─────────────
  {
    keyword: 'name',
    path: `${RS}/BFD_CHECK`,
    args: [{ name: 'BFD', type: { kind: 'ref', target: 'bfd_instance' } }],
    guard: '_WITH_LVS_ && _WITH_BFD_',
    doc: 'The bfd_instance whose session state decides whether the real server is up; required, one per checker.',
    example: 'name bfd_rs1',
  },
  {
    keyword: 'alpha',
    path: `${RS}/BFD_CHECK`,
    args: [OPT_BOOL],
    guard: '_WITH_LVS_ && _WITH_BFD_',
    doc: 'Treat the server as down until the BFD session is first seen up. No argument means on.',
  },
];
