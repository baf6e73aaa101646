import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, check, goodPair, instance, node, only } from './pair';

test('different advert_int, and the fix', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150 })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 }).replace('advert_int 1', 'advert_int 3')),
  };
  const f = only(check(nodes), 'peer-advert-int-mismatch');
  assert.equal(f.length, 2);
  assert.match(f[0].message, /advert_int \ds here but \d on lb0\d/);
  assert.deepEqual(only(check(applyFix(nodes, f[0].fixes![0])), 'peer-advert-int-mismatch'), []);
});

test('advert_int 1 written on one side and left at its default on the other is equal', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150 })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 }).replace('    advert_int 1\n', '')),
  };
  assert.deepEqual(only(check(nodes), 'peer-advert-int-mismatch'), []);
  assert.deepEqual(only(check(goodPair()), 'peer-advert-int-mismatch'), []);
});
