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

test('a peer file read for two config ids is named once', () => {
  const shared = (state: string, prio: number) =>
    `global_defs {\n    router_id LVS_DEVEL\n}\n@a vrrp_instance VI_1 {\n@b vrrp_instance VI_1 {\n    state ${state}\n    interface eth1\n    virtual_router_id 55\n    priority ${prio}\n    virtual_ipaddress {\n        192.168.31.5/24\n    }\n}\n`;
  const f = only(check({ lb01: shared('MASTER', 150), lb02: shared('BACKUP', 100) }), 'peer-router-id-duplicate', 'lb01');
  assert.equal(f.length, 1);
  for (const x of f) {
    assert.match(x.message, /router_id LVS_DEVEL is also the router_id of lb02\/keepalived\.conf: /, x.message);
    assert.equal(x.related?.length, 1);
  }
});
