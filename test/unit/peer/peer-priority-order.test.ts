import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFiles } from '../../../server/src/analysis/check-files';
import { applyFix, check, goodPair, instance, node, only, uriOf } from './pair';

test('a BACKUP with a higher priority than the MASTER is reported on both', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 100 })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 150 })),
  };
  const f = only(check(nodes), 'peer-priority-order');
  assert.equal(f.length, 2);
  const m = f.find((x) => x.uri === uriOf('lb01'))!;
  assert.match(m.message, /MASTER with priority 100, but lb02 \(150\) has a higher priority/);
  assert.equal(m.severity, 'error');
  const fixed = applyFix(nodes, m.fixes!.find((x) => x.preferred)!);
  assert.match(fixed.lb01, /priority 200/);
  assert.deepEqual(only(check(fixed), 'peer-priority-order'), []);
});

test('MASTER without priority counts as 255', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: null })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 254 })),
  };
  assert.deepEqual(only(check(nodes), 'peer-priority-order'), []);
});

test('tied top priorities without a MASTER are a warning', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'BACKUP', priority: 100 })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 })),
  };
  const f = only(check(nodes), 'peer-priority-order');
  assert.equal(f.length, 2);
  assert.equal(f[0].severity, 'warning');
  assert.match(f[0].message, /ties with lb0\d/);
  const fixed = applyFix(nodes, f[0].fixes![0]);
  assert.deepEqual(only(check(fixed), 'peer-priority-order'), []);
});

test('the usual 150/100 pair is silent', () => {
  assert.deepEqual(only(check(goodPair()), 'peer-priority-order'), []);
});

test('two files side by side in one directory are named by their file names', () => {
  const f = checkFiles(
    new Map([
      ['/cluster/site/keepalived-master.conf', instance({ state: 'MASTER', priority: 100 })],
      ['/cluster/site/keepalived-backup.conf', instance({ state: 'BACKUP', priority: 150 })],
    ]),
  ).filter((x) => x.code === 'peer-priority-order');
  assert.equal(f.length, 2);
  assert.ok(f.some((x) => /but site\/keepalived-backup\.conf \(150\) has a higher priority/.test(x.message)), f.map((x) => x.message).join('\n'));
  assert.ok(f.some((x) => /not below the MASTER's 100 on site\/keepalived-master\.conf:/.test(x.message)), f.map((x) => x.message).join('\n'));
});

test('a BACKUP tied with the MASTER is a warning: the IP addresses settle it', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 100 })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 })),
  };
  const f = only(check(nodes), 'peer-priority-order');
  assert.equal(f.length, 2);
  assert.ok(f.every((x) => x.severity === 'warning'));
  assert.match(f.find((x) => x.uri === uriOf('lb01'))!.message, /MASTER with priority 100, but lb02 \(100\) has the same priority: VRRP settles the tie by IP address/);
  assert.match(f.find((x) => x.uri === uriOf('lb02'))!.message, /priority 100 here ties with the MASTER's on lb01/);
});
