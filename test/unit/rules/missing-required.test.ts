import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, instance, keepalivedCheck, only, recheckAfterFix } from '../../helpers/analyze';

const RULE = 'missing-required';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const NO_VRID = conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_ipaddress {', '        10.0.0.1', '    }', '}');

test('a vrrp_instance without virtual_router_id is an error on its keyword', () => {
  const f = only(findings(NO_VRID), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '0:0-0:13');
  assert.match(f[0].message, /vrrp_instance VI_1 has no 'virtual_router_id': keepalived refuses the configuration/);
});

test('the fix adds the keyword as the first line of the block, indented like its siblings', () => {
  const f = only(findings(NO_VRID), RULE)[0];
  assert.equal(f.fixes?.[0].title, "Add 'virtual_router_id 51'");
  const after = recheckAfterFix(NO_VRID, f);
  assert.equal(after.text.split('\n')[1], '    virtual_router_id 51');
  assert.deepEqual(after.findings, []);
});

test('a vrrp_instance without interface is a warning (keepalived uses the default interface)', () => {
  const text = conf('vrrp_instance VI_1 {', '  virtual_router_id 51', '}');
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.match(f[0].message, /has no 'interface'/);
  const after = recheckAfterFix(text, f[0]);
  assert.equal(after.text, conf('vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 51', '}'));
  assert.deepEqual(only(after.findings, RULE), []);
});

test('a vrrp_script without script, and its fix', () => {
  const text = conf('vrrp_script chk {', '    interval 2', '}');
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '0:0-0:11');
  assert.match(f[0].message, /vrrp_script chk has no 'script': keepalived removes the vrrp_script/);
  const after = recheckAfterFix(text, f[0]);
  assert.deepEqual(after.findings, []);
});

test('an authentication block without auth_type', () => {
  const f = only(findings(instance(['    authentication {', '        auth_pass abc', '    }'])), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '6:4-6:18');
  assert.match(f[0].message, /no 'auth_type'/);
});

test('complete blocks are fine, and a one-line block gets no fix', () => {
  assert.deepEqual(only(findings(instance()), RULE), []);
  assert.deepEqual(only(findings(conf('vrrp_script chk {', '    script /bin/true', '}')), RULE), []);
  const f = only(findings(conf('vrrp_instance VI_1 { interface eth0 }')), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].fixes, undefined);
});

test('keepalived refuses the instance without VRID', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(NO_VRID)!.lines.includes('(VI_1) the virtual router id must be set'));
  assert.ok(keepalivedCheck(conf('vrrp_script chk {', '    interval 2', '}'))!.lines.includes('Line 3: No script set for vrrp_script chk - removing'));
});
