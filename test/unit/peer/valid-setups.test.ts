// Valid clusters must stay silent: no peer finding at all.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { check, goodPair, instance, node } from './pair';

function peerFindings(nodes: Record<string, string>) {
  return check(nodes).filter((f) => f.code.startsWith('peer-'));
}

test('a classic MASTER/BACKUP pair is silent', () => {
  assert.deepEqual(peerFindings(goodPair()), []);
});

test('active/active: VI_1 MASTER on lb01, VI_2 MASTER on lb02', () => {
  const nodes = {
    lb01: node(
      'lb01',
      instance({ name: 'VI_1', state: 'MASTER', priority: 150, vrid: 51, vips: ['10.0.0.1/24'] }),
      instance({ name: 'VI_2', state: 'BACKUP', priority: 100, vrid: 52, vips: ['10.0.0.2/24'] }),
    ),
    lb02: node(
      'lb02',
      instance({ name: 'VI_1', state: 'BACKUP', priority: 100, vrid: 51, vips: ['10.0.0.1/24'] }),
      instance({ name: 'VI_2', state: 'MASTER', priority: 150, vrid: 52, vips: ['10.0.0.2/24'] }),
    ),
  };
  assert.deepEqual(peerFindings(nodes), []);
});

test('three nodes with descending priorities', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150 })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 })),
    lb03: node('lb03', instance({ state: 'BACKUP', priority: 50 })),
  };
  assert.deepEqual(peerFindings(nodes), []);
});

test('nopreempt on all nodes with state BACKUP, even with equal priorities', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'BACKUP', priority: 100, extra: ['nopreempt'] })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, extra: ['nopreempt'] })),
  };
  assert.deepEqual(peerFindings(nodes), []);
});

test('unicast pairs that list each other', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, extra: ['unicast_src_ip 10.1.1.1', 'unicast_peer {', '    10.1.1.2', '}'] })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, extra: ['unicast_src_ip 10.1.1.2', 'unicast_peer {', '    10.1.1.1', '}'] })),
  };
  assert.deepEqual(peerFindings(nodes), []);
});

test('one file with @ID lines describes both nodes', () => {
  const text = [
    'vrrp_instance VI_1 {',
    '@lb01    state MASTER',
    '@lb02    state BACKUP',
    '    interface eth1',
    '    virtual_router_id 55',
    '@lb01    priority 150',
    '@lb02    priority 100',
    '    virtual_ipaddress {',
    '        192.168.31.5/24',
    '    }',
    '}',
    '',
  ].join('\n');
  const other = node('lb03', instance({ state: 'BACKUP', priority: 50, auth: null }));
  assert.deepEqual(peerFindings({ shared: text, lb03: other }), []);
});
