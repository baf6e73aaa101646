import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, goodPair, instance, node, only } from './pair';

test('the same router_id on both nodes (copy-paste)', () => {
  const nodes = {
    lb01: node('LVS_DEVEL', instance({ state: 'MASTER', priority: 150 })),
    lb02: node('LVS_DEVEL', instance({ state: 'BACKUP', priority: 100 })),
  };
  const f = only(check(nodes), 'peer-router-id-duplicate');
  assert.equal(f.length, 2);
  assert.match(f[0].message, /router_id LVS_DEVEL is also the router_id of lb0\d\/keepalived\.conf/);
  assert.deepEqual(f[0].range.start, { line: 1, character: 14 });
});

test('distinct router_ids are silent', () => {
  assert.deepEqual(only(check(goodPair()), 'peer-router-id-duplicate'), []);
});
