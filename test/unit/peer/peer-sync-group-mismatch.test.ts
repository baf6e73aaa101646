import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, instance, node, only } from './pair';

const group = 'vrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_2\n    }\n}\n';
const two = (state: string, priority: number) => [
  instance({ name: 'VI_1', state, priority, vrid: 51, vips: ['10.0.0.1/24'] }),
  instance({ name: 'VI_2', state, priority, vrid: 52, vips: ['10.0.1.1/24'] }),
];

test('a sync group on one node only', () => {
  const nodes = { lb01: node('lb01', group, ...two('MASTER', 150)), lb02: node('lb02', ...two('BACKUP', 100)) };
  const f = only(check(nodes), 'peer-sync-group-mismatch');
  assert.equal(f.length, 4);
  assert.ok(f.some((x) => /VI_1: in sync group G1 \(VI_1,VI_2\) here, but in none on lb02/.test(x.message)));
});

test('the same sync group on both is silent', () => {
  const nodes = { lb01: node('lb01', group, ...two('MASTER', 150)), lb02: node('lb02', group, ...two('BACKUP', 100)) };
  assert.deepEqual(only(check(nodes), 'peer-sync-group-mismatch'), []);
});
