import assert from 'node:assert/strict';
import { test } from 'node:test';
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
