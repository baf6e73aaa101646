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

const uni = (src: string, ...peers: string[]) => ['    unicast_src_ip ' + src, '    unicast_peer {', ...peers.map((p) => '        ' + p), '    }'];
const second = (body: string[], vip = '10.0.0.2') => instance(body, { name: 'VI_2', vip });

test('unicast and multicast are separate VRID spaces; multicast groups and unicast peers keep instances apart', () => {
  const none = (text: string) => assert.deepEqual(only(findings(text), RULE), [], text);
  // One unicast, one multicast.
  none(instance(uni('10.0.0.5', '10.0.0.6')) + second([]));
  // Two multicast groups.
  none(instance() + second(['    mcast_dst_ip 224.0.0.19']));
  // Unicast from two source addresses, or to no common peer.
  none(instance(uni('10.0.0.5', '10.0.0.6')) + second(uni('10.0.0.7', '10.0.0.6')));
  none(instance(uni('10.0.0.5', '10.0.0.6')) + second(uni('10.0.0.5', '10.0.0.8')));
  // Same source, a common peer: the clash keepalived reports.
  assert.equal(only(findings(instance(uni('10.0.0.5', '10.0.0.6')) + second(uni('10.0.0.5', '10.0.0.9', '10.0.0.6'))), RULE).length, 1);
  // The same multicast group written out, or set in global_defs for both.
  assert.equal(only(findings(instance(['    mcast_dst_ip 224.0.0.18']) + second([])), RULE).length, 1);
  assert.equal(only(findings('global_defs {\n    vrrp_mcast_group4 224.0.0.19\n}\n' + instance(['    mcast_dst_ip 224.0.0.19']) + second([])), RULE).length, 1);
});

test('keepalived accepts one VRID for a multicast and a unicast instance, and for two multicast groups', { skip: NO_KEEPALIVED }, () => {
  const clash = (l: string[]) => l.filter((x) => /both use VRID|duplicate VRID/.test(x));
  assert.deepEqual(clash(keepalivedCheck(instance(uni('10.0.0.5', '10.0.0.6')) + second([]))!.lines), []);
  assert.deepEqual(clash(keepalivedCheck(instance() + second(['    mcast_dst_ip 224.0.0.19']))!.lines), []);
  assert.equal(clash(keepalivedCheck(instance(uni('10.0.0.5', '10.0.0.6')) + second(uni('10.0.0.5', '10.0.0.6')))!.lines).length, 1);
});
