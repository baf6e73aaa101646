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

test('hosts that name their NICs differently: a VIP on each node\'s own VRRP interface is in the same place', () => {
  const nodes = {
    r5: node('r5', instance({ state: 'MASTER', priority: 150, iface: 'gi0-0' })),
    r6: node('r6', instance({ state: 'BACKUP', priority: 100, iface: 'enp9s0', vips: ['192.168.31.5/24 dev enp9s0'] })),
  };
  assert.deepEqual(only(check(nodes), 'peer-vip-interface-mismatch'), []);
  // Other interfaces named differently on hosts whose NIC names differ anyway: not comparable.
  const both = {
    r5: node('r5', instance({ state: 'MASTER', priority: 150, iface: 'gi0-0', vips: ['192.168.31.5/24 dev gi0-2'] })),
    r6: node('r6', instance({ state: 'BACKUP', priority: 100, iface: 'enp9s0', vips: ['192.168.31.5/24 dev enp10s0'] })),
  };
  assert.deepEqual(only(check(both), 'peer-vip-interface-mismatch'), []);
  // On its VRRP interface on one node, on another interface on the other: reported.
  const moved = {
    r5: node('r5', instance({ state: 'MASTER', priority: 150, iface: 'gi0-0' })),
    r6: node('r6', instance({ state: 'BACKUP', priority: 100, iface: 'enp9s0', vips: ['192.168.31.5/24 dev enp10s0'] })),
  };
  const f = only(check(moved), 'peer-vip-interface-mismatch');
  assert.equal(f.length, 2);
  assert.ok(f.some((x) => /is on gi0-0 \(its VRRP interface\) here but on enp10s0 on r6/.test(x.message)), f.map((x) => x.message).join('\n'));
});
