// Peer checks on setups seen in real MASTER/BACKUP pairs: crosswise instance names, sticky
// nopreempt, a copied unicast_src_ip, a copied router_id, and one name per node everywhere.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readText } from '../../../server/src/model/read';
import { findClusters, groupInstances } from '../../../server/src/workspace/cluster';
import { nodeLabels, type Node } from '../../../server/src/workspace/nodes';
import { check, instance, node, only, pathOf, uriOf } from './pair';

const PEER = /^peer-/;

test('instances pair by VRID, interface and family, not by name: crosswise names raise no alarm', () => {
  // lb01 calls VRID 51 "VI_1" and VRID 61 "VI_2"; lb02 the other way round.
  const nodes = {
    lb01: node('lb01', instance({ name: 'VI_1', state: 'MASTER', priority: 150, vrid: 51, vips: ['10.0.0.51'] }), instance({ name: 'VI_2', state: 'BACKUP', priority: 100, vrid: 61, vips: ['10.0.0.61'] })),
    lb02: node('lb02', instance({ name: 'VI_2', state: 'BACKUP', priority: 100, vrid: 51, vips: ['10.0.0.51'] }), instance({ name: 'VI_1', state: 'MASTER', priority: 150, vrid: 61, vips: ['10.0.0.61'] })),
  };
  assert.deepEqual(check(nodes).filter((f) => PEER.test(f.code)), []);
  // Under the old name pairing this same pair gave VRID, VIP and priority alarms: a real difference still shows.
  const broken = { ...nodes, lb02: nodes.lb02.replace('10.0.0.51', '10.0.0.52') };
  const vip = only(check(broken), 'peer-vip-mismatch').map((f) => f.message);
  assert.equal(vip.length, 2);
  assert.match(vip[0], /^VI_1: VIP 10\.0\.0\.51 \(virtual_ipaddress\) is not among lb02's addresses/);
  assert.match(vip[1], /^VI_2: VIP 10\.0\.0\.52 \(virtual_ipaddress\) is not among lb01's addresses/);
});

test('the pairing function: VRID + interface + family first, then name only for instances with no VRID counterpart', () => {
  const read = (name: string, text: string): Node => ({ id: uriOf(name), uri: uriOf(name), label: name, model: readText(text, uriOf(name)) });
  const a = read('a', instance({ name: 'VI_1', vrid: 51 }) + instance({ name: 'V6', vrid: 51, vips: ['fd00::1'] }));
  const b = read('b', instance({ name: 'X', vrid: 51 }) + instance({ name: 'Y', vrid: 51, vips: ['fd00::1'] }) + instance({ name: 'VI_1', vrid: 52, iface: 'eth2', vips: ['10.9.9.9'] }));
  const groups = groupInstances([a, b]).map((g) => g.members.map((m) => `${m.node.label}:${m.inst.name}`).join(' '));
  // IPv4 and IPv6 VRID 51 are separate routers; b's VI_1 has no VRID match but a's VI_1 has one, so it stays alone.
  assert.deepEqual(groups.sort(), ['a:V6 b:Y', 'a:VI_1 b:X', 'b:VI_1']);
  // A VRID typo on one node of three: the instance joins by name, so the mismatch is reported.
  const c = read('c', instance({ name: 'VI_1', vrid: 56 }));
  const three = groupInstances([read('a', instance({ vrid: 55 })), read('b', instance({ vrid: 55 })), c]);
  assert.equal(three.length, 1);
  // Different interface names on the two hosts: one VRID 55 each still pairs.
  assert.equal(groupInstances([read('a', instance({ vrid: 55, iface: 'eth0' })), read('b', instance({ name: 'Z', vrid: 55, iface: 'ens192' }))]).length, 1);
});

test('sticky nopreempt: a lower-priority MASTER and a nopreempt BACKUP is information describing the design', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 100 })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 150, extra: ['nopreempt'] })),
  };
  const f = only(check(nodes), 'peer-priority-order');
  assert.deepEqual(f.map((x) => x.severity), ['information', 'information']);
  const master = only(check(nodes), 'peer-priority-order', 'lb01')[0];
  assert.match(master.message, /sticky VIP: this MASTER \(priority 100\) keeps the VIP while it runs, because lb02 \(150\) has nopreempt; once this node fails, the VIP stays on lb02, even after this node comes back/);
  assert.doesNotMatch(master.message, /as soon as the peer runs/);
  // Without nopreempt the higher BACKUP does take the VIP: still an error.
  const plain = { ...nodes, lb02: nodes.lb02.replace('    nopreempt\n', '') };
  assert.deepEqual(only(check(plain), 'peer-priority-order').map((x) => x.severity), ['error', 'error']);
  assert.match(only(check(plain), 'peer-priority-order', 'lb01')[0].message, /the VIP moves away from the MASTER as soon as the peer runs/);
});

test('one unicast_src_ip on both nodes is said plainly', () => {
  const uni = (src: string, peer: string) => [`unicast_src_ip ${src}`, 'unicast_peer {', `        ${peer}`, '    }'];
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, extra: uni('10.129.0.34', '10.129.0.35') })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, extra: uni('10.129.0.34', '10.129.0.35') })),
  };
  const f = only(check(nodes), 'peer-unicast-mismatch');
  assert.equal(f.length, 2);
  for (const x of f) assert.match(x.message, /^VI_1: lb01 and lb02 both use unicast_src_ip 10\.129\.0\.34: /);
  assert.ok(!f.some((x) => /does not list/.test(x.message)));
  const fixed = { ...nodes, lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, extra: uni('10.129.0.35', '10.129.0.34') })) };
  assert.deepEqual(only(check(fixed), 'peer-unicast-mismatch'), []);
});

test('a shared router_id is a hint unless the nodes send e-mail or SNMP notifications', () => {
  const pair = (globals: string) => ({
    lb01: node(`LVS_DEVEL\n${globals}`, instance({ state: 'MASTER', priority: 150 })),
    lb02: node(`LVS_DEVEL\n${globals}`, instance({ state: 'BACKUP', priority: 100 })),
  });
  const sev = (g: string) => only(check(pair(g)), 'peer-router-id-duplicate').map((f) => f.severity);
  // The sample's global_defs: an SMTP server, but VRRP sends no mail unless smtp_alert is on.
  assert.deepEqual(sev('    smtp_server 192.168.200.1'), ['hint', 'hint']);
  assert.deepEqual(sev('    smtp_server 192.168.200.1\n    smtp_alert'), ['warning', 'warning']);
  assert.deepEqual(sev('    enable_traps'), ['warning', 'warning']);
  assert.match(only(check(pair('')), 'peer-router-id-duplicate')[0].message, /nothing uses it here \(no e-mail or SNMP notifications\)/);
});

test('one label rule: router_id when unique in the cluster, else the folder, the same in every message', () => {
  const read = (path: string, text: string): Node => ({ id: `file://${path}`, uri: `file://${path}`, label: '?', model: readText(text, `file://${path}`) });
  const labels = (...ns: Node[]) => nodeLabels(ns).map((n) => n.label);
  const g = (id: string) => node(id, instance({}));
  assert.deepEqual(labels(read('/s/node1/keepalived.conf', g('FREESW')), read('/s/node2/keepalived.conf', g('FREESW2'))), ['FREESW', 'FREESW2']);
  // A shared router_id names neither node: both are called by their folders.
  assert.deepEqual(labels(read('/s/node1/keepalived.conf', g('FREESW')), read('/s/node2/keepalived.conf', g('FREESW'))), ['node1', 'node2']);
  // Folders that match too: the shortest distinct path tail.
  assert.deepEqual(labels(read('/a/lb/keepalived.conf', g('X')), read('/b/lb/keepalived.conf', g('X'))), ['a/lb', 'b/lb']);
  assert.deepEqual(labels(read('/s/lb/lb-master.conf', g('X')), read('/s/lb/lb-backup.conf', g('X'))), ['lb/lb-master.conf', 'lb/lb-backup.conf']);
  // A node alone keeps its router_id.
  assert.deepEqual(labels(read('/s/node1/keepalived.conf', g('FREESW'))), ['FREESW']);
  // Every peer message of a cluster names a node the same way.
  const nodes = {
    node1: node('FREESW', instance({ state: 'MASTER', priority: 100, vrid: 55 })),
    node2: node('FREESW', instance({ state: 'BACKUP', priority: 100, vrid: 56 })),
  };
  const msgs = check(nodes).filter((f) => PEER.test(f.code) && f.uri === uriOf('node1')).map((f) => f.message);
  assert.ok(msgs.some((m) => /on node2/.test(m)), msgs.join('\n'));
  assert.ok(!msgs.some((m) => /FREESW \(|on FREESW/.test(m)), msgs.join('\n'));
  const clusters = findClusters(Object.entries(nodes).map(([n, t]) => read(pathOf(n), t)), [[`file://${pathOf('node1')}`, `file://${pathOf('node2')}`]]);
  assert.deepEqual(clusters[0].nodes.map((n) => n.label), ['node1', 'node2']);
});
