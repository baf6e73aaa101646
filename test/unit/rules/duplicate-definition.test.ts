import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, instance, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'duplicate-definition';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const script = (name: string): string => conf(`vrrp_script ${name} {`, '    script /bin/true', '}');

test('two vrrp_instances with one name: an error on the second name', () => {
  const text = instance() + instance([], { vrid: 52, vip: '10.0.0.2' });
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '7:14-7:18');
  assert.match(f[0].message, /vrrp_instance 'VI_1' is already defined on line 1: keepalived reports "vrrp instance VI_1 already defined" and skips this whole block/);
  assert.equal(at(f[0].related![0].range), '0:14-0:18');
});

test('two vrrp_scripts with one name: a warning, keepalived uses the first', () => {
  const f = only(findings(script('chk') + script('chk')), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '3:12-3:15');
  assert.match(f[0].message, /vrrp_script 'chk' is already defined on line 1: keepalived keeps it without a word, but every reference to the name finds the first definition/);
});

test('two track_files or virtual_server_groups with one name are warnings; two sync groups an error', () => {
  const file = (n: string) => conf(`vrrp_track_file ${n} {`, '    file /run/flag', '}');
  assert.deepEqual(only(findings(file('f') + file('f')), RULE).map((x) => x.severity), ['warning']);
  const vsg = (ip: string) => conf('virtual_server_group web {', `    ${ip} 80`, '}');
  assert.deepEqual(only(findings(vsg('10.1.1.1') + vsg('10.1.1.2')), RULE).map((x) => x.severity), ['warning']);
  const group = conf('vrrp_sync_group G {', '    group {', '        VI_1', '    }', '}');
  assert.deepEqual(only(findings(instance() + group + group), RULE).map((x) => x.severity), ['error']);
});

test('one name for objects of different kinds, and distinct names, are fine', () => {
  assert.deepEqual(only(findings(script('VI_1') + instance()), RULE), []);
  assert.deepEqual(only(findings(script('a') + script('b')), RULE), []);
});

test('definitions under @a and @b never meet on one node', () => {
  const text = conf('@a vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 1', '}', '@b vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 1', '}');
  assert.deepEqual(only(findings(text), RULE), []);
  assert.equal(only(findings(text.replace('@b', '  ')), RULE).length, 1);
});

test('keepalived is silent on a second vrrp_script of the same name', { skip: NO_KEEPALIVED }, () => {
  const ka = keepalivedCheck(script('chk') + script('chk') + instance(['    track_script {', '        chk', '    }']))!.lines;
  assert.ok(!ka.some((l) => /^Line \d+:/.test(l)), ka.join('\n'));
});

test('keepalived refuses the second vrrp_instance', { skip: NO_KEEPALIVED }, () => {
  const ka = keepalivedCheck(instance() + instance([], { vrid: 52, vip: '10.0.0.2' }))!.lines;
  assert.ok(ka.includes('Line 8: vrrp instance VI_1 already defined'), ka.join('\n'));
});
