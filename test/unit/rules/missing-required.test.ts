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
  const text = conf('vrrp_instance VI_1 {', '  virtual_router_id 51', '  virtual_ipaddress { 10.0.0.1 }', '}');
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.match(f[0].message, /has no 'interface'/);
  const after = recheckAfterFix(text, f[0]);
  assert.equal(after.text, conf('vrrp_instance VI_1 {', '  interface eth0', '  virtual_router_id 51', '  virtual_ipaddress { 10.0.0.1 }', '}'));
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
  const f = only(findings(conf('vrrp_instance VI_1 { interface eth0 }')), RULE).filter((x) => x.message.includes("'virtual_router_id'"));
  assert.equal(f.length, 1);
  assert.equal(f[0].fixes, undefined);
});

test('a vrrp_instance without virtual_ipaddress is a warning, and the fix adds a one-line block', () => {
  const text = conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '}');
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '0:0-0:13');
  assert.match(f[0].message, /vrrp_instance VI_1 has no 'virtual_ipaddress' or 'virtual_ipaddress_excluded': keepalived warns that no VIP is specified/);
  const after = recheckAfterFix(text, f[0]);
  assert.equal(after.text, conf('vrrp_instance VI_1 {', '    virtual_ipaddress { 192.0.2.1/24 }', '    interface eth0', '    virtual_router_id 51', '}'));
  assert.deepEqual(after.findings, []);
  // virtual_ipaddress_excluded alone also gives the instance addresses to move.
  assert.deepEqual(only(findings(conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    virtual_ipaddress_excluded {', '        10.0.0.9/24', '    }', '}')), RULE), []);
});

test('keepalived warns about an instance without VIP', { skip: NO_KEEPALIVED }, () => {
  const lines = keepalivedCheck(conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '}'))!.lines;
  assert.ok(lines.some((l) => l.includes('No VIP specified')), lines.join('\n'));
});

test('keepalived refuses the instance without VRID', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(NO_VRID)!.lines.includes('(VI_1) the virtual router id must be set'));
  assert.ok(keepalivedCheck(conf('vrrp_script chk {', '    interval 2', '}'))!.lines.includes('Line 3: No script set for vrrp_script chk - removing'));
});

test('empty value blocks keepalived warns about: notification_email, sync group and garp_group lists', () => {
  const text = conf(
    'global_defs {',
    '    notification_email {',
    '    }',
    '}',
    'vrrp_sync_group G {',
    '    group {',
    '    }',
    '}',
    'garp_group {',
    '    garp_interval 2',
    '    interfaces {',
    '    }',
    '}',
  );
  const f = only(findings(text), RULE);
  assert.deepEqual(
    f.map((x) => [at(x.range), x.severity]),
    [
      ['1:4-1:22', 'warning'],
      ['5:4-5:9', 'warning'],
      ['10:4-10:14', 'warning'],
    ],
  );
  assert.match(f[0].message, /'notification_email' lists nothing: keepalived warns that the block is empty/);
  assert.match(f[1].message, /removes the sync group/);
  // A listed entry, even one per line with a comment, is enough.
  assert.deepEqual(only(findings(conf('global_defs {', '    notification_email {', '        ops@example.com # on call', '    }', '}')), RULE), []);
});

test('a sync group without group, or with a single instance, is a warning', () => {
  const noGroup = conf('vrrp_sync_group G {', '    notify_master /usr/bin/true', '}');
  const f = only(findings(noGroup), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.match(f[0].message, /vrrp_sync_group G has no 'group': keepalived removes the sync group/);
  const group = (...names: string[]) => conf('vrrp_sync_group G {', '    group {', ...names.map((n) => `        ${n}`), '    }', '}');
  const one = only(findings(instance() + group('VI_1')), RULE);
  assert.equal(one.length, 1);
  assert.match(one[0].message, /vrrp_sync_group G has only one instance \(VI_1\)/);
  const two = instance() + instance([], { name: 'VI_2', vrid: 52, vip: '10.0.0.2' }) + group('VI_1', 'VI_2');
  assert.deepEqual(only(findings(two), RULE), []);
});

test('keepalived warns about the empty blocks at their closing brace', { skip: NO_KEEPALIVED }, () => {
  const ka = keepalivedCheck(conf('global_defs {', '    notification_email {', '    }', '}', 'vrrp_sync_group G {', '    group {', '    }', '}'))!.lines;
  assert.ok(ka.includes('Line 3: Warning - empty notification_email block'), ka.join('\n'));
  assert.ok(ka.includes('Line 7: Warning - sync group G has empty group block'), ka.join('\n'));
  const one = keepalivedCheck(instance() + conf('vrrp_sync_group G {', '    group {', '        VI_1', '    }', '}'))!.lines;
  assert.ok(one.some((l) => /Sync group G has only 1 virtual router/.test(l)), one.join('\n'));
});

test('a track_file without file, a bfd_instance without neighbor_ip, a garp_group without a delay', () => {
  const text = conf('track_file tf {', '    weight 2', '}', 'bfd_instance b1 {', '    min_rx 100', '}', 'garp_group {', '    interface eth0', '}');
  const f = only(findings(text), RULE);
  assert.deepEqual(
    f.map((x) => [at(x.range), x.severity]),
    [
      ['0:0-0:10', 'error'],
      ['3:0-3:12', 'error'],
      ['6:0-6:10', 'error'],
    ],
  );
  assert.match(f[0].message, /track_file tf has no 'file': keepalived ignores the track_file/);
  assert.match(f[1].message, /bfd_instance b1 has no 'neighbor_ip' or 'neighbour_ip': keepalived disables the BFD instance/);
  assert.match(f[2].message, /garp_group has no 'garp_interval' or 'gna_interval': keepalived removes the garp_group/);
  // The other spelling counts.
  assert.deepEqual(only(findings(conf('bfd_instance b1 {', '    neighbour_ip 10.0.0.2', '}', 'garp_group {', '    interface eth0', '    gna_interval 1', '}')), RULE), []);
});

test('a FILE_CHECK whose track_file keepalived dropped has no usable track_file', () => {
  const checker = conf('virtual_server 10.0.0.1 80 {', '    real_server 10.0.0.2 80 {', '        FILE_CHECK {', '            track_file tf', '        }', '    }', '}');
  const f = only(findings(conf('track_file tf {', '    weight 2', '}') + checker), RULE);
  assert.ok(f.some((x) => at(x.range) === '5:8-5:18' && /FILE_CHECK has no usable 'track_file'/.test(x.message)), f.map((x) => x.message).join('\n'));
  assert.deepEqual(only(findings(conf('track_file tf {', '    file /run/weight', '}') + checker), RULE), []);
});

test('keepalived drops the track_file without file and the garp_group without delay', { skip: NO_KEEPALIVED }, () => {
  const ka = keepalivedCheck(conf('track_file tf {', '    weight 2', '}', 'garp_group {', '    interface eth0', '}'))!.lines;
  assert.ok(ka.includes('Line 3: No file set for track_file tf - ignoring'), ka.join('\n'));
  assert.ok(ka.some((l) => /^Line 6: garp group \d+ does not have any delay set - removing/.test(l)), ka.join('\n'));
});

test('a misspelt required keyword: the fix corrects it instead of adding a second line', () => {
  const text = conf('vrrp_instance VI_1 {', '    interfce eth0', '    virtual_router_id 51', '    virtual_ipaddress {', '        10.0.0.1', '    }', '}');
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /has no 'interface'.*Line 2 has 'interfce': did you mean 'interface'\?/);
  assert.deepEqual(f[0].fixes?.map((x) => x.title), ["Change 'interfce' to 'interface'"]);
  const after = recheckAfterFix(text, f[0]);
  assert.equal(after.text, text.replace('interfce', 'interface'));
  assert.deepEqual(after.findings, []);
});
