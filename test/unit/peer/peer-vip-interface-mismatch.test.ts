import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, goodPair, instance, node, only } from './pair';

test('a VIP on another interface (instance interface or dev)', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, iface: 'eth1' })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, iface: 'eth1', vips: ['192.168.31.5/24 dev eth2'] })),
  };
  const f = only(check(nodes), 'peer-vip-interface-mismatch');
  assert.equal(f.length, 2);
  assert.match(f[0].message, /VIP 192\.168\.31\.5 is on eth\d here but on eth\d on lb0\d/);
});

test('dev equal to the peer instance interface is the same interface', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, iface: 'eth1', vips: ['192.168.31.5/24 dev eth1'] })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, iface: 'eth1' })),
  };
  assert.deepEqual(only(check(nodes), 'peer-vip-interface-mismatch'), []);
  assert.deepEqual(only(check(goodPair()), 'peer-vip-interface-mismatch'), []);
});
