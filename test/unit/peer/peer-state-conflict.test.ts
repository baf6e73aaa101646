import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, check, goodPair, instance, node, only } from './pair';

test('two MASTERs for one instance', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150 })),
    lb02: node('lb02', instance({ state: 'MASTER', priority: 100 })),
  };
  const f = only(check(nodes), 'peer-state-conflict');
  assert.equal(f.length, 2);
  assert.match(f[0].message, /state MASTER here and on lb0\d/);
  const fixed = applyFix(nodes, only(check(nodes), 'peer-state-conflict', 'lb02')[0].fixes![0]);
  assert.match(fixed.lb02, /state BACKUP/);
  assert.deepEqual(only(check(fixed), 'peer-state-conflict'), []);
});

test('one MASTER is fine', () => {
  assert.deepEqual(only(check(goodPair()), 'peer-state-conflict'), []);
});
