import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyFix, check, goodPair, instance, node, only } from './pair';

test('the example pair reports its prefix drift as a warning on both nodes', () => {
  const nodes = {
    lb01: readFileSync('examples/nginx-ha/lb01/keepalived.conf', 'utf8'),
    lb02: readFileSync('examples/nginx-ha/lb02/keepalived.conf', 'utf8'),
  };
  const f = check(nodes).filter((x) => x.code.startsWith('peer-'));
  assert.equal(f.length, 2);
  assert.ok(f.every((x) => x.code === 'peer-vip-mismatch' && x.severity === 'warning'));
  assert.match(f[0].message, /VIP 192\.168\.31\.5 has prefix \/24 here but \/32 \(none written\) on lb02/);
  assert.deepEqual(f[0].range.start, { line: 18, character: 8 });
  // Taking the MASTER's /24 on the BACKUP is the preferred fix there.
  const onBackup = f.find((x) => x.message.includes('none written) here'))!;
  const fix = onBackup.fixes!.find((x) => x.preferred)!;
  assert.equal(fix.title, "Use lb01's 192.168.31.5/24 here");
  const fixed = applyFix(nodes, fix);
  assert.match(fixed.lb02, /192\.168\.31\.5\/24 dev eth1 label eth1:1/);
  assert.deepEqual(check(fixed).filter((x) => x.code.startsWith('peer-')), []);
});

test('a VIP missing on a peer is an error', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, vips: ['10.0.0.1/24', '10.0.0.2/24'] })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, vips: ['10.0.0.1/24'] })),
  };
  const f = only(check(nodes), 'peer-vip-mismatch');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.match(f[0].message, /VIP 10\.0\.0\.2 \(virtual_ipaddress\) is not among lb02's addresses/);
});

test('the same addresses in another order and spelling are equal', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, vips: ['10.0.0.1/32', 'fe80::1/128'] })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, vips: ['FE80:0::1', '10.0.0.1'] })),
  };
  assert.deepEqual(only(check(nodes), 'peer-vip-mismatch'), []);
  assert.deepEqual(only(check(goodPair()), 'peer-vip-mismatch'), []);
});

test('virtual_ipaddress_excluded counts: an excluded VIP missing on the peer is reported, one excluded on both is not', () => {
  const excluded = (addrs: string[]) => ['virtual_ipaddress_excluded {', ...addrs.map((a) => '    ' + a), '}'];
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, extra: excluded(['10.0.9.1/24', '10.0.9.2/24']) })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, extra: excluded(['10.0.9.1/24']) })),
  };
  const f = only(check(nodes), 'peer-vip-mismatch');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /VIP 10\.0\.9\.2 \(virtual_ipaddress_excluded\) is not among lb02's addresses/);
  nodes.lb02 = node('lb02', instance({ state: 'BACKUP', priority: 100, extra: excluded(['10.0.9.1/24', '10.0.9.2/24']) }));
  assert.deepEqual(only(check(nodes), 'peer-vip-mismatch'), []);
});
