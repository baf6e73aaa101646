// What keepalived makes of an instance's left-out settings: one place (model/effective.ts) for the
// priority defaults and the MASTER test that the rules, hover, code lens and peer config share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveNopreempt, effectivePriority, isMaster } from '../../../server/src/model/effective';
import { makePeerConfig } from '../../../server/src/features/peer-config';
import { model, URI } from '../features/helpers';

const inst = (body: string) => model(`vrrp_instance VI_1 {\n${body}\n}\n`).instances[0];

test('priority left out: 255 for state MASTER, 100 otherwise; as written when written', () => {
  assert.equal(effectivePriority(inst('  state MASTER')), 255);
  assert.equal(effectivePriority(inst('  state BACKUP')), 100);
  assert.equal(effectivePriority(inst('  interface eth0')), 100);
  assert.equal(effectivePriority(inst('  state MASTER\n  priority 150')), 150);
});

test('the MASTER test is keepalived\'s strcmp: "master" is an unknown state, read as BACKUP', () => {
  assert.equal(isMaster(inst('  state MASTER')), true);
  assert.equal(isMaster(inst('  state master')), false);
  assert.equal(effectivePriority(inst('  state master')), 100);
  assert.equal(effectiveNopreempt(inst('  state master\n  nopreempt')), true);
  assert.equal(effectiveNopreempt(inst('  state MASTER\n  nopreempt')), false);
  // the peer config follows the same test: only MASTER becomes BACKUP
  const text = 'vrrp_instance VI_1 {\n  state master\n  priority 150\n}\n';
  assert.doesNotMatch(makePeerConfig(model(text), URI, { routerId: 'b' }).text, /state BACKUP/);
});
