// The client's fallback classification of differences between peer files (client/src/peer-diff.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanConf } from '../../../client/src/conf-lines';
import { comparePeerTexts, mergeMarks } from '../../../client/src/peer-diff';

const fixture = (node: string) => readFileSync(join(import.meta.dirname, '../../e2e/workspace', node, 'keepalived.conf'), 'utf8');
const brief = (marks: ReturnType<typeof comparePeerTexts>) => marks.map((m) => `${m.side}:${m.line + 1} ${m.kind} ${m.message}`);

test('scanConf: block paths, names, comments and braces on their own line', () => {
  const lines = scanConf('vrrp_instance VI_1 {   # the one\n  state MASTER ! c\n  virtual_ipaddress\n  {\n    1.2.3.4/24\n  }\n}\n"quoted # not a comment" x\n');
  assert.deepEqual(lines[0].words.map((w) => w.text), ['vrrp_instance', 'VI_1', '{']);
  assert.deepEqual(lines[1].words.map((w) => w.text), ['state', 'MASTER']);
  assert.deepEqual(lines[1].path, [{ keyword: 'vrrp_instance', name: 'VI_1', line: 0 }]);
  assert.deepEqual(lines[4].path.map((b) => b.keyword), ['vrrp_instance', 'virtual_ipaddress']);
  assert.deepEqual(lines[7].words.map((w) => w.text), ['"quoted # not a comment"', 'x']);
  assert.deepEqual(lines[7].path, []);
});

test('the fixture pair: node differences are expected, the VIP prefix is a mismatch', () => {
  assert.deepEqual(brief(comparePeerTexts(fixture('lb01'), fixture('lb02'))), [
    'left:5 expected router_id differs between peers (lb01 here, lb02 on the peer)',
    'left:9 expected state differs between peers (MASTER here, BACKUP on the peer)',
    'left:12 expected priority differs between peers (150 here, 100 on the peer)',
    "left:19 mismatch '192.168.31.5/24' here, '192.168.31.5' on the peer (in VI_1 › virtual_ipaddress)",
    'right:5 expected router_id differs between peers (lb02 here, lb01 on the peer)',
    'right:9 expected state differs between peers (BACKUP here, MASTER on the peer)',
    'right:12 expected priority differs between peers (100 here, 150 on the peer)',
    "right:19 mismatch '192.168.31.5' here, '192.168.31.5/24' on the peer (in VI_1 › virtual_ipaddress)",
  ]);
});

test('comments, blank lines and indentation are not differences', () => {
  const a = 'vrrp_instance V {\n  interface eth0  # main\n}\n';
  const b = '! other comment\nvrrp_instance V {\n\n\tinterface   eth0\n}\n';
  assert.deepEqual(comparePeerTexts(a, b), []);
});

test('unicast peers swap (expected); a keyword only one side has and a changed value are mismatches', () => {
  const a = 'vrrp_instance V {\n  interface eth0\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n  }\n  nopreempt\n}\n';
  const b = 'vrrp_instance V {\n  interface eth1\n  unicast_src_ip 10.0.0.2\n  unicast_peer {\n    10.0.0.1\n  }\n}\n';
  assert.deepEqual(brief(comparePeerTexts(a, b)), [
    'left:2 mismatch interface in V is eth0 here, eth1 on the peer',
    'left:3 expected unicast_src_ip differs between peers (10.0.0.1 here, 10.0.0.2 on the peer)',
    'left:5 expected unicast_peer differs between peers (10.0.0.2 here, 10.0.0.1 on the peer)',
    "left:7 mismatch 'nopreempt' in V is only in this file",
    'right:2 mismatch interface in V is eth1 here, eth0 on the peer',
    'right:3 expected unicast_src_ip differs between peers (10.0.0.2 here, 10.0.0.1 on the peer)',
    'right:5 expected unicast_peer differs between peers (10.0.0.1 here, 10.0.0.2 on the peer)',
  ]);
});

test('the same keyword in another instance is not taken for its counterpart', () => {
  const a = 'vrrp_instance A {\n  priority 150\n}\nvrrp_instance B {\n  priority 100\n}\n';
  const b = 'vrrp_instance A {\n  priority 100\n}\n';
  const marks = brief(comparePeerTexts(a, b));
  assert.ok(marks.includes('left:2 expected priority differs between peers (150 here, 100 on the peer)'), marks.join('\n'));
  assert.ok(marks.some((m) => m.startsWith("left:4 mismatch 'vrrp_instance B {' is only in this file")), marks.join('\n'));
});

test('mergeMarks: server mismatches stay; its expected marks only where the lines differ, with what differs', () => {
  const server = [
    { uri: 'a', line: 4, kind: 'expected' as const, message: 'router_id is expected to differ between peers' },
    { uri: 'a', line: 11, kind: 'expected' as const, message: 'priority is expected to differ between peers' },
    { uri: 'a', line: 18, kind: 'mismatch' as const, message: 'VI_1: VIP differs [peer-vip-mismatch]' },
    { uri: 'a', line: 20, kind: 'mismatch' as const, message: 'on a line the text diff does not see' },
  ];
  const client = [
    { uri: 'a', line: 4, kind: 'expected' as const, message: 'router_id differs between peers (lb01 here, lb02 on the peer)' },
    { uri: 'a', line: 18, kind: 'mismatch' as const, message: "'192.168.31.5/24' here" },
    { uri: 'a', line: 30, kind: 'mismatch' as const, message: 'a difference the server does not mind' },
  ];
  assert.deepEqual(mergeMarks(server, client), [
    { uri: 'a', line: 4, kind: 'expected', message: 'router_id differs between peers (lb01 here, lb02 on the peer)' },
    server[2],
    server[3],
  ]);
});
