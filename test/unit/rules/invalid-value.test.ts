import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, instance, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'invalid-value';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const TEXT = instance(['    state MASTR']);

test('a value of the wrong kind is an error on the value', () => {
  const f = only(findings(TEXT), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '6:10-6:15');
  assert.match(f[0].message, /Invalid value 'MASTR' for 'state' \(STATE\): expected one of MASTER, BACKUP/);
});

test('a word where a number is expected, and a bad address', () => {
  const f = only(findings(instance(['    advert_int abc'], { vip: '10.0.0.300' })), RULE);
  assert.deepEqual(
    f.map((x) => at(x.range)),
    ['4:8-4:18', '6:15-6:18'],
  );
  assert.match(f[1].message, /Invalid value 'abc' for 'advert_int'/);
});

test('an extra word after a complete line is only a warning', () => {
  const f = only(findings(instance(['    priority 100 200'])), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '6:17-6:20');
  assert.match(f[0].message, /Unexpected '200' after 'priority': keepalived does not use it/);
  assert.deepEqual(f[0].tags, ['unnecessary']);
});

test('valid values are fine', () => {
  assert.deepEqual(only(findings(instance(['    state BACKUP', '    advert_int 0.5', '    priority 100'], { vip: 'fe80::1/64' })), RULE), []);
});

test('keepalived rejects the state', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(TEXT)!.lines.includes("Line 7: (VI_1) unknown state 'MASTR', defaulting to BACKUP"));
});

test("'label' on an IPv6 virtual address is a warning: keepalived ignores it", () => {
  const f = only(findings(instance([], { vip: 'fd00::10/64 dev eth0 label eth0:v6' })), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '4:29-4:34');
  assert.match(f[0].message, /keepalived ignores 'label' on the IPv6 address fd00::10/);
  assert.deepEqual(only(findings(instance([], { vip: '10.0.0.10/24 dev eth0 label eth0:v4' })), RULE), []);
});

test('a real server of the other address family is an error, unless it is tunnelled', () => {
  const vs = (kind: string, ...rs: string[]) => conf('virtual_server 10.0.0.1 80 {', `    lb_kind ${kind}`, ...rs.flatMap((ip) => [`    real_server ${ip} 80 {`, '    }']), '}');
  const f = only(findings(vs('NAT', '10.0.0.2', 'fd00::2')), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '4:16-4:23');
  assert.match(f[0].message, /Real server fd00::2 is IPv6 but the virtual server is IPv4: keepalived skips the real server/);
  assert.deepEqual(only(findings(vs('TUN', '10.0.0.2', 'fd00::2')), RULE), []);
  // fwmark: the first real server sets the family.
  const fw = conf('virtual_server fwmark 1 {', '    real_server 10.0.0.2 80 {', '    }', '    real_server fd00::2 80 {', '    }', '}');
  assert.equal(only(findings(fw), RULE).length, 1);
  // ip_family sets the family of a fwmark virtual server.
  const inet = conf('virtual_server fwmark 1 {', '    ip_family inet', '    real_server fd00::2 80 {', '    }', '}');
  assert.equal(only(findings(inet), RULE).length, 1);
});

test('keepalived skips the real server of the other family and ignores an IPv6 label', { skip: NO_KEEPALIVED }, () => {
  const ka = keepalivedCheck(conf('virtual_server 10.0.0.1 80 {', '    lb_kind NAT', '    real_server fd00::2 80 {', '    }', '}'))!.lines;
  assert.ok(ka.some((l) => /Address family of virtual server and real server fd00::2 don't match - skipping real server/.test(l)), ka.join('\n'));
  const v6 = keepalivedCheck(instance([], { vip: 'fd00::10/64 dev eth0 label eth0:v6' }))!.lines;
  assert.ok(v6.some((l) => /Cannot specify label for IPv6 addresses \(fd00::10(\/64)?\) - ignoring label/.test(l)), v6.join('\n'));
});
