import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, goodPair, instance, node, only } from './pair';

test('VRRPv3 on one node, v2 on the other', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, auth: null, extra: ['version 3'] })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, auth: null })),
  };
  const f = only(check(nodes), 'peer-version-mismatch');
  assert.equal(f.length, 2);
  assert.match(f.find((x) => x.message.includes('version 3 here'))!.message, /VRRP version 3 here but 2 on lb02/);
});

test('global vrrp_version 3 on one node equals version 3 in the instance on the other', () => {
  const nodes = {
    lb01: `global_defs {\n    router_id lb01\n    vrrp_version 3\n}\n${instance({ state: 'MASTER', priority: 150, auth: null })}`,
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, auth: null, extra: ['version 3'] })),
  };
  assert.deepEqual(only(check(nodes), 'peer-version-mismatch'), []);
  assert.deepEqual(only(check(goodPair()), 'peer-version-mismatch'), []);
});
