import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, goodPair, instance, node, only, uriOf } from './pair';

test('an instance that exists on one node only', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150 }), instance({ name: 'VI_2', state: 'MASTER', priority: 150, vrid: 60, vips: ['10.9.9.9/24'] })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 })),
  };
  const f = only(check(nodes), 'peer-missing-instance');
  assert.equal(f.length, 1);
  assert.equal(f[0].uri, uriOf('lb01'));
  assert.match(f[0].message, /VI_2 has no counterpart on lb02/);
});

test('instances matched by VIP despite different names are counterparts', () => {
  const nodes = {
    lb01: node('lb01', instance({ name: 'VI_WEB', state: 'MASTER', priority: 150 })),
    lb02: node('lb02', instance({ name: 'VI_1', state: 'BACKUP', priority: 100 })),
  };
  assert.deepEqual(only(check(nodes), 'peer-missing-instance'), []);
  assert.deepEqual(only(check(goodPair()), 'peer-missing-instance'), []);
});
