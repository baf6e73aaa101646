// Value validation of a sample of keywords from every kind of block: one value keepalived takes and
// one it rejects, each checked by our rules and, where installed, by `keepalived -t`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conf, findings, hasKeepalived, keepalivedCheck } from '../../helpers/analyze';
import { checkValue } from '../../../server/src/schema/values';
import type { Finding } from '../../../server/src/rules/finding';

const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const VALUE_CODES = new Set(['missing-value', 'invalid-value', 'value-out-of-range']);

/** A config with `line` inside the block at `where`; returns the text and the 0-based line of `line`. */
type Wrap = (line: string) => string[];
const VS = ['virtual_server 10.0.0.1 80 {', '    protocol TCP'];
const RS = [...VS, '    real_server 10.0.0.2 80 {'];
const checker =
  (name: string, ...post: string[]): Wrap =>
  (l) => [...RS, `        ${name} {`, `            ${l}`, ...post, '        }', '    }', '}'];
const URL = ['            url {', '                path /', '                status_code 200', '            }'];
const INSTANCE = ['vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    virtual_ipaddress {', '        10.0.0.1', '    }'];
const WRAP: Record<string, Wrap> = {
  top: (l) => [l],
  global_defs: (l) => ['global_defs {', `    ${l}`, '}'],
  vrrp_instance: (l) => [...INSTANCE, `    ${l}`, '}'],
  authentication: (l) => [...INSTANCE, '    authentication {', `        ${l}`, '    }', '}'],
  vrrp_script: (l) => ['vrrp_script chk {', '    script "/bin/true"', `    ${l}`, '}'],
  vrrp_sync_group: (l) => [...INSTANCE, '}', 'vrrp_sync_group G {', '    group {', '        VI_1', '    }', `    ${l}`, '}'],
  virtual_server: (l) => [...VS, `    ${l}`, '}'],
  real_server: (l) => [...RS, `        ${l}`, '    }', '}'],
  HTTP_GET: checker('HTTP_GET', ...URL),
  url: (l) => [...RS, '        HTTP_GET {', '            url {', '                path /', `                ${l}`, '            }', '        }', '    }', '}'],
  SSL_GET: checker('SSL_GET', ...URL),
  TCP_CHECK: checker('TCP_CHECK'),
  MISC_CHECK: checker('MISC_CHECK', '            misc_path "/bin/true"'),
  SMTP_CHECK: checker('SMTP_CHECK'),
  DNS_CHECK: checker('DNS_CHECK'),
  UDP_CHECK: checker('UDP_CHECK'),
  PING_CHECK: checker('PING_CHECK'),
  bfd_instance: (l) => ['bfd_instance b1 {', '    neighbor_ip 10.0.0.9', `    ${l}`, '}'],
  garp_group: (l) => ['garp_group {', '    interface eth0', `    ${l}`, '}'],
  static_ipaddress: (l) => ['static_ipaddress {', `    ${l}`, '}'],
  static_routes: (l) => ['static_routes {', `    ${l}`, '}'],
  SSL: (l) => ['SSL {', `    ${l}`, '}'],
  vrrp_track_process: (l) => ['vrrp_track_process p {', '    process nginx', `    ${l}`, '}'],
  track_file: (l) => ['track_file f {', '    file /tmp/keepalived-test-track', `    ${l}`, '}'],
  virtual_server_group: (l) => ['virtual_server_group G {', `    ${l}`, '}'],
  linkbeat_interfaces: (l) => ['linkbeat_interfaces {', `    ${l}`, '}'],
};

interface Case {
  block: keyof typeof WRAP;
  valid: string;
  invalid: string;
  /** keepalived (2.2.7) takes the invalid value silently: only our check reports it. */
  silent?: boolean;
  /** keepalived 2.2.7 does not know the keyword yet. */
  newer?: boolean;
}

const CASES: Case[] = [
  { block: 'top', valid: 'child_wait_time 5', invalid: 'child_wait_time -1' },
  { block: 'global_defs', valid: 'smtp_connect_timeout 30', invalid: 'smtp_connect_timeout 0' },
  { block: 'global_defs', valid: 'vrrp_garp_master_delay 5', invalid: 'vrrp_garp_master_delay x' },
  { block: 'global_defs', valid: 'vrrp_version 3', invalid: 'vrrp_version 4' },
  { block: 'global_defs', valid: 'smtp_server 192.168.1.1 25', invalid: 'smtp_server 192.168.1.300' },
  // A placeholder left in a sample config: no host has that name.
  { block: 'global_defs', valid: 'smtp_server localhost 25', invalid: 'smtp_server <smtp-host> 25' },
  { block: 'global_defs', valid: 'checker_process_name ka_checker', invalid: 'checker_process_name a_name_longer_than_15' },
  { block: 'vrrp_instance', valid: 'priority 150', invalid: 'priority 256' },
  { block: 'vrrp_instance', valid: 'state BACKUP', invalid: 'state SLAVE' },
  { block: 'vrrp_instance', valid: 'advert_int 0.5', invalid: 'advert_int fast' },
  { block: 'vrrp_instance', valid: 'unicast_src_ip 10.0.0.5', invalid: 'unicast_src_ip 10.0.0' },
  { block: 'vrrp_instance', valid: 'preempt_delay 300', invalid: 'preempt_delay 1001' },
  { block: 'vrrp_instance', valid: 'garp_master_refresh 60', invalid: 'garp_master_refresh soon' },
  { block: 'authentication', valid: 'auth_type PASS', invalid: 'auth_type MD5' },
  { block: 'vrrp_script', valid: 'interval 2', invalid: 'interval 0' },
  { block: 'vrrp_script', valid: 'weight -20', invalid: 'weight 300' },
  { block: 'vrrp_script', valid: 'rise 3', invalid: 'rise three' },
  { block: 'vrrp_sync_group', valid: 'smtp_alert', invalid: 'smtp_alert maybe' },
  { block: 'virtual_server', valid: 'lb_algo wrr', invalid: 'lb_algo fastest' },
  { block: 'virtual_server', valid: 'lb_kind DR', invalid: 'lb_kind BRIDGE' },
  { block: 'virtual_server', valid: 'persistence_timeout 300', invalid: 'persistence_timeout 0' },
  { block: 'virtual_server', valid: 'delay_loop 6', invalid: 'delay_loop now' },
  { block: 'virtual_server', valid: 'sorry_server 10.0.0.9 80', invalid: 'sorry_server 10.0.0.9 99999' },
  { block: 'real_server', valid: 'weight 3', invalid: 'weight -1' },
  { block: 'real_server', valid: 'inhibit_on_failure', invalid: 'inhibit_on_failure sometimes' },
  { block: 'HTTP_GET', valid: 'connect_timeout 3', invalid: 'connect_timeout 0' },
  { block: 'HTTP_GET', valid: 'connect_port 8080', invalid: 'connect_port 70000' },
  { block: 'url', valid: 'status_code 200', invalid: 'status_code 700' },
  { block: 'url', valid: 'digest 9b3a0c85a887a256d6939da88aabd8cd', invalid: 'digest not-hex' },
  { block: 'SSL_GET', valid: 'connect_ip 10.0.0.3', invalid: 'connect_ip 10.0.0.256' },
  { block: 'TCP_CHECK', valid: 'connect_port 80', invalid: 'connect_port 0' },
  { block: 'TCP_CHECK', valid: 'retry 3', invalid: 'retry x' },
  { block: 'MISC_CHECK', valid: 'misc_timeout 10', invalid: 'misc_timeout 5000' },
  { block: 'SMTP_CHECK', valid: 'connect_timeout 10', invalid: 'connect_timeout -5' },
  { block: 'DNS_CHECK', valid: 'type AAAA', invalid: 'type PTR' },
  { block: 'UDP_CHECK', valid: 'payload 0a0b0c', invalid: 'payload xyz' },
  { block: 'PING_CHECK', valid: 'delay_before_retry 2', invalid: 'delay_before_retry -2' },
  { block: 'bfd_instance', valid: 'multiplier 3', invalid: 'multiplier 0' },
  { block: 'bfd_instance', valid: 'min_rx 100', invalid: 'min_rx 0' },
  { block: 'garp_group', valid: 'garp_interval 0.5', invalid: 'garp_interval never' },
  { block: 'static_ipaddress', valid: '192.168.200.16/24 dev eth0', invalid: '192.168.200.16/33 dev eth0' },
  { block: 'static_routes', valid: '10.1.0.0/16 via 192.168.1.1 dev eth0', invalid: '10.1.0.0/40 via 192.168.1.1 dev eth0' },
  { block: 'SSL', valid: 'password secret', invalid: 'password' },
  { block: 'vrrp_track_process', valid: 'quorum 2', invalid: 'quorum 0' },
  { block: 'vrrp_track_process', valid: 'param_match partial', invalid: 'param_match fuzzy' },
  { block: 'track_file', valid: 'weight 10', invalid: 'weight 255' },
  { block: 'virtual_server_group', valid: '10.0.0.1-10 80', invalid: '10.0.0.1-300 80' },
  { block: 'linkbeat_interfaces', valid: 'eth0 MII', invalid: 'eth0 WIRELESS' },
];

function build(c: Case, which: 'valid' | 'invalid'): { text: string; line: number } {
  const marker = '\u0001';
  const lines = WRAP[c.block](marker + c[which]);
  const line = lines.findIndex((l) => l.includes(marker));
  return { text: conf(...lines).replace(marker, ''), line };
}

const onLine = (f: readonly Finding[], line: number) => f.filter((x) => VALUE_CODES.has(x.code) && x.range.start.line === line);
const show = (f: readonly Finding[]) => f.map((x) => `${x.range.start.line}: ${x.code} ${x.message}`).join('\n');

test('every sampled block kind is covered', () => {
  const blocks = new Set(CASES.map((c) => c.block));
  assert.deepEqual(
    Object.keys(WRAP).filter((b) => !blocks.has(b)),
    [],
  );
});

for (const c of CASES) {
  const kw = c.valid.split(' ')[0];
  test(`${c.block}: '${c.valid}' is accepted, '${c.invalid}' is not`, () => {
    const ok = build(c, 'valid');
    const okFindings = findings(ok.text);
    assert.deepEqual(onLine(okFindings, ok.line), [], show(okFindings));
    assert.deepEqual(
      okFindings.filter((x) => x.severity === 'error'),
      [],
      show(okFindings),
    );
    const bad = build(c, 'invalid');
    const badFindings = onLine(findings(bad.text), bad.line).filter((x) => x.severity === 'error');
    assert.ok(badFindings.length > 0, `no value error on '${c.invalid}' (${kw})`);
  });
}

test('keepalived agrees on the sampled values', { skip: NO_KEEPALIVED }, () => {
  const disagreements: string[] = [];
  for (const c of CASES) {
    if (c.newer) continue;
    for (const which of ['valid', 'invalid'] as const) {
      const b = build(c, which);
      const reports = keepalivedCheck(b.text)!.lines.filter((l) => l.startsWith(`Line ${b.line + 1}:`) && !/doesn't exist|SECURITY|script_security/.test(l));
      if (which === 'valid' && reports.length) disagreements.push(`${c.block} '${c.valid}': keepalived says ${reports.join(' / ')}`);
      if (which === 'invalid' && !reports.length && !c.silent) disagreements.push(`${c.block} '${c.invalid}': keepalived says nothing`);
    }
  }
  assert.deepEqual(disagreements, []);
});

test('checkValue: the value types themselves', () => {
  const ok = (t: Parameters<typeof checkValue>[0], v: string) => assert.equal(checkValue(t, v), undefined, `${t.kind} ${v}`);
  const bad = (t: Parameters<typeof checkValue>[0], v: string, kind: 'invalid-value' | 'value-out-of-range') => assert.equal(checkValue(t, v)?.kind, kind, `${t.kind} ${v}`);
  ok({ kind: 'integer', min: 1, max: 255 }, '255');
  ok({ kind: 'integer' }, '0x1f');
  bad({ kind: 'integer', min: 1, max: 255 }, '256', 'value-out-of-range');
  bad({ kind: 'integer' }, '1.5', 'invalid-value');
  ok({ kind: 'decimal', min: 0.01 }, '.5');
  bad({ kind: 'decimal' }, '1e3', 'invalid-value');
  ok({ kind: 'enum', values: ['TCP'], caseInsensitive: true }, 'tcp');
  bad({ kind: 'enum', values: ['MASTER'] }, 'master', 'invalid-value');
  for (const v of ['on', 'off', 'true', 'false', 'yes', 'no']) ok({ kind: 'boolean' }, v);
  bad({ kind: 'boolean' }, 'maybe', 'invalid-value');
  ok({ kind: 'ipv4' }, '10.0.0.1');
  bad({ kind: 'ipv4' }, 'fe80::1', 'invalid-value');
  ok({ kind: 'ip' }, 'fe80::1');
  ok({ kind: 'cidr' }, '2001:db8::/32');
  bad({ kind: 'cidr' }, '2001:db8::/129', 'value-out-of-range');
  bad({ kind: 'cidr' }, '10.0.0.1/x', 'invalid-value');
  ok({ kind: 'cidr', also: ['default'] }, 'default');
  ok({ kind: 'ip-range' }, '10.0.0.1-10');
  bad({ kind: 'ip-range' }, '10.0.0.5-4', 'value-out-of-range');
  ok({ kind: 'interface' }, 'eth0.100');
  bad({ kind: 'interface' }, 'a-very-long-interface', 'value-out-of-range');
  ok({ kind: 'port' }, '0');
  bad({ kind: 'port' }, '65536', 'value-out-of-range');
  bad({ kind: 'string', maxLength: 3 }, 'abcd', 'value-out-of-range');
  ok({ kind: 'hex' }, '0xDEADbeef');
  bad({ kind: 'hex' }, 'g00d', 'invalid-value');
  ok({ kind: 'any' }, 'whatever');
  for (const v of ['mail.example.com', 'smtp-relay_1', 'fe80::25', '10.0.0.25']) ok({ kind: 'host' }, v);
  for (const v of ['**', '<IP>', 'mail.example.com:25', '10.0.0.300']) bad({ kind: 'host' }, v, 'invalid-value');
});
