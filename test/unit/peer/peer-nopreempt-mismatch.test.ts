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

test('a nopreempt keepalived clears (state MASTER) is left to nopreempt-master, not compared', () => {
  const masterOnly = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, extra: ['nopreempt'] })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 })),
  };
  assert.deepEqual(only(check(masterOnly), 'peer-nopreempt-mismatch'), []);
  const both = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, extra: ['nopreempt'] })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, extra: ['nopreempt'] })),
  };
  const f = check(both);
  assert.deepEqual(only(f, 'peer-nopreempt-mismatch'), []);
  assert.equal(only(f, 'nopreempt-master', 'lb01').length, 1);
});

test('peers that share a router_id are called by their folders (one label rule)', () => {
  const nodes = {
    lb01: node('LVS_DEVEL', instance({ state: 'BACKUP', priority: 150, extra: ['nopreempt'] })),
    lb02: node('LVS_DEVEL', instance({ state: 'BACKUP', priority: 100 })),
  };
  const f = only(check(nodes), 'peer-nopreempt-mismatch', 'lb01');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /nopreempt is set here but not on lb02:/);
});
