import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, findings, hasKeepalived, instance, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'duplicate-vrid';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const TEXT = instance() + instance([], { name: 'VI_2', vip: '10.0.0.2' });

test('two instances with one VRID on one interface and family: an error on the second VRID', () => {
  const f = only(findings(TEXT), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '9:22-9:24');
  assert.match(f[0].message, /VI_1 and VI_2 both use VRID 51 with IPv4 on interface eth0: keepalived refuses the configuration/);
  assert.equal(at(f[0].related![0].range), '2:22-2:24');
});

test('one VRID on different interfaces, or IPv4 and IPv6, or different VRIDs, is fine', () => {
  assert.deepEqual(only(findings(instance() + instance([], { name: 'VI_2', iface: 'eth1', vip: '10.0.0.2' })), RULE), []);
  assert.deepEqual(only(findings(instance() + instance([], { name: 'VI_2', vip: 'fe80::2' })), RULE), []);
  assert.deepEqual(only(findings(instance() + instance([], { name: 'VI_2', vrid: 52, vip: '10.0.0.2' })), RULE), []);
});

test('instances under @a and @b never run on one node', () => {
  const text = instance([], { name: 'VI_1', vrid: '51' }) + instance([], { name: 'VI_2', vip: '10.0.0.2' }).replace('    virtual_router_id 51', '@b  virtual_router_id 51');
  assert.equal(only(findings(text), RULE).length, 1);
  const both = text.replace('    virtual_router_id 51', '@a  virtual_router_id 51');
  assert.deepEqual(only(findings(both), RULE), []);
});

test('keepalived refuses it', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(TEXT)!.lines.includes('VI_1 and VI_2 both use VRID 51 with IPv4 on interface eth0'));
  assert.deepEqual(keepalivedCheck(instance() + instance([], { name: 'VI_2', vip: 'fe80::2' }))!.lines, []);
});
