import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, instance, node, only } from './pair';

test('nopreempt on one node only', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'BACKUP', priority: 150, extra: ['nopreempt'] })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 })),
  };
  const f = only(check(nodes), 'peer-nopreempt-mismatch');
  assert.equal(f.length, 2);
  assert.ok(f.some((x) => /nopreempt is set here but not on lb02/.test(x.message)));
});

test('nopreempt on both is silent', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'BACKUP', priority: 150, extra: ['nopreempt'] })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, extra: ['nopreempt'] })),
  };
  assert.deepEqual(only(check(nodes), 'peer-nopreempt-mismatch'), []);
});
