import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { codeLenses } from '../../../server/src/features/code-lens';
import { model, slice, URI } from './helpers';

test('code lens: one per vrrp_instance with its role', () => {
  const text = readFileSync('examples/nginx-ha/lb01/keepalived.conf', 'utf8');
  const lenses = codeLenses(model(text), URI);
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0].command?.title, 'MASTER 150 · VRID 55');
  assert.equal(slice(text, lenses[0].range), 'vrrp_instance VI_1');
});

test('code lens: peer text from the caller, implicit priorities, versions, a command', () => {
  const text = 'global_defs {\n  vrrp_version 3\n}\nvrrp_instance A {\n  state MASTER\n  virtual_router_id 5\n}\nvrrp_instance B {\n  virtual_router_id 6\n}\n';
  const lenses = codeLenses(model(text), URI, {
    peerText: (i) => (i.name === 'A' ? 'peer lb02 BACKUP 100' : undefined),
    command: (i) => ({ command: 'keepalived.showPeers', arguments: [i.name] }),
  });
  assert.deepEqual(
    lenses.map((l) => l.command?.title),
    ['MASTER 255 (implicit) · VRID 5 · VRRPv3 · peer lb02 BACKUP 100', 'BACKUP 100 (implicit) · VRID 6 · VRRPv3'],
  );
  assert.equal(lenses[0].command?.command, 'keepalived.showPeers');
  assert.deepEqual(lenses[0].command?.arguments, ['A']);
});

test('code lens: instances of an included file show in that file only', () => {
  const m = model('include vi.conf\n', { 'vi.conf': 'vrrp_instance V {\n  state BACKUP\n  priority 90\n}\n' });
  assert.equal(codeLenses(m, URI).length, 0);
  assert.deepEqual(codeLenses(m, 'file:///etc/keepalived/vi.conf').map((l) => l.command?.title), ['BACKUP 90']);
});

test('code lens: a priority keepalived rejects is said so, with the one it uses', () => {
  const lenses = codeLenses(model('vrrp_instance A {\n  state MASTER\n  priority 300\n  virtual_router_id 5\n}\n'), URI);
  assert.deepEqual(lenses.map((l) => l.command?.title), ['MASTER 100 (300 written: out of range 1..255) · VRID 5']);
});

test('code lens: a VRID out of range is said so', () => {
  const lenses = codeLenses(model('vrrp_instance A {\n  priority 90\n  virtual_router_id 300\n}\n'), URI);
  assert.deepEqual(lenses.map((l) => l.command?.title), ['BACKUP 90 · VRID 300 (out of range 1..255: keepalived refuses it)']);
});
