// The BACKUP node's config made from the MASTER node's (server/src/features/peer-config.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readText } from '../../../server/src/model/read';
import { BACKUP_OF_IMPLICIT_MASTER, makePeerConfig as fromModel, nextRouterId, type PeerConfigOptions } from '../../../server/src/features/peer-config';
import { WorkspaceIndex } from '../../../server/src/analysis/workspace-index';
import { writeTree } from '../../helpers/analyze';

const URI = 'file:///cluster/lb01/keepalived.conf';

function makePeerConfig(text: string, options: PeerConfigOptions) {
  return fromModel(readText(text, URI), URI, options);
}

function routerIdOf(text: string): string | undefined {
  return readText(text, URI).routerId?.value;
}

const MASTER = `! Configuration File for keepalived
! lb01: MASTER of the pair   # comments stay as they are

global_defs {
    router_id lb01   # this node
}

vrrp_instance VI_1 {
    state MASTER        # owner of the VIP
    interface eth1
    virtual_router_id 55
    priority 150
    advert_int 1
    unicast_src_ip 10.0.0.1
    unicast_peer {
        10.0.0.2
    }
    virtual_ipaddress {
        192.168.31.5/24
    }
}
`;

test('nextRouterId: counts up, keeps zero padding, else a letter, else -backup', () => {
  assert.equal(nextRouterId('lb01'), 'lb02');
  assert.equal(nextRouterId('lb1'), 'lb2');
  assert.equal(nextRouterId('node09'), 'node10');
  assert.equal(nextRouterId('lb99'), 'lb100');
  assert.equal(nextRouterId('web-a'), 'web-b');
  assert.equal(nextRouterId('LVS_A'), 'LVS_B');
  assert.equal(nextRouterId('primary'), 'primary-backup');
});

test('MASTER → BACKUP: state, priority, router_id and the unicast pair change; nothing else', () => {
  const r = makePeerConfig(MASTER, { routerId: 'lb02' });
  const expected = MASTER.replace('router_id lb01', 'router_id lb02')
    .replace('state MASTER', 'state BACKUP')
    .replace('priority 150', 'priority 100')
    .replace('unicast_src_ip 10.0.0.1', 'unicast_src_ip 10.0.0.2')
    .replace('        10.0.0.2\n', '        10.0.0.1\n')
    .replace('! lb01: MASTER of the pair', '! lb02: BACKUP of the pair');
  assert.equal(r.text, expected);
  assert.deepEqual(r.changes, [
    'router_id lb01 → lb02',
    'VI_1: state MASTER → BACKUP',
    'VI_1: priority 150 → 100',
    'VI_1: unicast_src_ip 10.0.0.1 ↔ unicast_peer 10.0.0.2',
    'comment naming lb01 mirrored for lb02 (line 2)',
  ]);
  assert.deepEqual(r.warnings, []);
  // comments are kept, including the ones on changed lines
  assert.match(r.text, /state BACKUP {8}# owner of the VIP/);
  assert.match(r.text, /router_id lb02 {3}# this node/);
  // the header names the new node from its own side; every other word of it stays
  assert.match(r.text, /^! lb02: BACKUP of the pair {3}# comments stay as they are$/m);
});

test('comments naming the source node are mirrored: both names and MASTER/BACKUP trade places', () => {
  const text = `! lb01: MASTER of the lb01/lb02 pair
! lb010 and xlb01 are other machines; MASTERS is no state
global_defs {
    router_id lb01
}
vrrp_instance VI_1 {
    state MASTER   # lb01 owns the VIP
    virtual_router_id 5
    priority 150
}
`;
  const r = makePeerConfig(text, { routerId: 'lb02' });
  const lines = r.text.split('\n');
  assert.equal(lines[0], '! lb02: BACKUP of the lb02/lb01 pair');
  assert.equal(lines[1], '! lb010 and xlb01 are other machines; MASTERS is no state');
  assert.equal(lines[6], '    state BACKUP   # lb02 owns the VIP');
  assert.ok(r.changes.includes('comments naming lb01 mirrored for lb02 (lines 1, 7)'), JSON.stringify(r.changes));
});

test('priority: lowered by the delta, never below 1; a MASTER without priority gets 200', () => {
  const text = `vrrp_instance A {
  state MASTER
  virtual_router_id 1
}
vrrp_instance B {
  state MASTER
  priority 30
  virtual_router_id 2
}
vrrp_instance C {
  virtual_router_id 3
}
`;
  const r = makePeerConfig(text, { routerId: 'x2' });
  assert.equal(
    r.text,
    `vrrp_instance A {
  state BACKUP
  priority ${BACKUP_OF_IMPLICIT_MASTER}
  virtual_router_id 1
}
vrrp_instance B {
  state BACKUP
  priority 1
  virtual_router_id 2
}
vrrp_instance C {
  priority 50
  virtual_router_id 3
}
`,
  );
  assert.ok(r.changes.includes('A: priority 200 added (was 255 by default)'));
  assert.ok(r.changes.includes('C: priority 50 added (was 100 by default)'));
  // no global_defs: router_id cannot be set, which the user is told
  assert.ok(r.warnings.some((w) => /router_id x2 was not set/.test(w)));
  assert.equal(makePeerConfig(text, { routerId: 'x2', priorityDelta: 10 }).text.includes('priority 20'), true);
});

test('router_id: added to a global_defs that has none; quoted ids stay quoted', () => {
  const r = makePeerConfig('global_defs {\n\tnotification_email_from a@b\n}\nvrrp_instance V {\n\tstate MASTER\n\tpriority 101\n}\n', { routerId: 'n2' });
  assert.equal(r.text, 'global_defs {\n\trouter_id n2\n\tnotification_email_from a@b\n}\nvrrp_instance V {\n\tstate BACKUP\n\tpriority 51\n}\n');
  const q = makePeerConfig('global_defs {\n  router_id "lb 1"\n}\n', { routerId: 'lb2' });
  assert.equal(q.text, 'global_defs {\n  router_id "lb2"\n}\n');
  assert.equal(routerIdOf('global_defs {\n  router_id "lb 1"\n}\n'), 'lb 1');
});

test('braces on their own line, CRLF line ends and several unicast peers', () => {
  const text = 'global_defs\r\n{\r\n  router_id a1\r\n}\r\nvrrp_instance V\r\n{\r\n  state MASTER\r\n  unicast_src_ip 10.0.0.1\r\n  unicast_peer {\r\n    10.0.0.2\r\n    10.0.0.3\r\n  }\r\n}\r\n';
  const r = makePeerConfig(text, { routerId: 'a2' });
  assert.equal(
    r.text,
    'global_defs\r\n{\r\n  router_id a2\r\n}\r\nvrrp_instance V\r\n{\r\n  state BACKUP\r\n  priority 200\r\n  unicast_src_ip 10.0.0.1\r\n  unicast_peer {\r\n    10.0.0.2\r\n    10.0.0.3\r\n  }\r\n}\r\n',
  );
  assert.ok(r.warnings.some((w) => /2 unicast peers/.test(w)));
});

test('a file without a MASTER instance is reported', () => {
  const r = makePeerConfig('vrrp_instance V {\n  state BACKUP\n  priority 100\n}\n', { routerId: 'b' });
  assert.ok(r.warnings.some((w) => /No instance is in state MASTER/.test(w)));
});

function peerFindings(master: string, other: string): string[] {
  const dir = writeTree({ 'lb01/keepalived.conf': master, 'lb02/keepalived.conf': other });
  const index = new WorkspaceIndex([dir]);
  index.configure({});
  index.scan();
  assert.equal(index.clusters().length, 1, 'the two files form one cluster');
  return [...index.findingsByUri().values()].flat().filter((f) => f.code.startsWith('peer-')).map((f) => `${f.code}: ${f.message}`);
}

test('the generated BACKUP and its MASTER pass the peer checks together', () => {
  const master = readFileSync(join(import.meta.dirname, '../../../examples/nginx-ha/lb01/keepalived.conf'), 'utf8');
  const backup = makePeerConfig(master, { routerId: nextRouterId(routerIdOf(master)!) }).text;
  assert.deepEqual(peerFindings(master, backup), []);
  // while a copy that only renames the node is two MASTERs of one priority
  assert.notDeepEqual(peerFindings(master, master.replace('router_id lb01', 'router_id lb02')), []);
});
