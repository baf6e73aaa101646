// The server's comparison of two nodes' files for the diff view (features/compare.ts): lines
// aligned, each classified, from the models.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareNodes } from '../../../server/src/features/compare';
import type { CompareResult } from '../../../server/src/protocol';
import type { Finding } from '../../../server/src/rules/finding';
import { model } from './helpers';

const A = 'file:///n/lb01/keepalived.conf';
const B = 'file:///n/lb02/keepalived.conf';
const fixture = (node: string) => readFileSync(join(import.meta.dirname, '../../e2e/workspace', node, 'keepalived.conf'), 'utf8');

function compare(a: string, b: string, findings: { left?: Finding[]; right?: Finding[] } = {}): CompareResult {
  return compareNodes(
    { model: model(a, undefined, A), uri: A, label: 'lb01', findings: findings.left ?? [] },
    { model: model(b, undefined, B), uri: B, label: 'lb02', findings: findings.right ?? [] },
  );
}

/** Every mark but `same`, one line each: `left:5 expected …` (1-based lines). */
function brief(r: CompareResult): string[] {
  const out: string[] = [];
  for (const side of ['left', 'right'] as const) {
    for (const row of r.rows) {
      const m = row[side];
      if (m && m.kind !== 'same') out.push(`${side}:${m.line + 1} ${m.kind} ${m.message}${m.code ? ` [${m.code}]` : ''}`);
    }
  }
  return out;
}

const vipFinding = (uri: string, line: number): Finding => ({
  uri,
  range: { start: { line, character: 8 }, end: { line, character: 20 } },
  severity: 'error',
  code: 'peer-vip-mismatch',
  message: 'VI_1: the VIPs differ from the peer',
});

test('the fixture pair: node differences are expected, the VIP line carries the peer finding, labels come back', () => {
  const r = compare(fixture('lb01'), fixture('lb02'), { left: [vipFinding(A, 18)], right: [vipFinding(B, 18)] });
  assert.deepEqual(r.left, { uri: A, label: 'lb01' });
  assert.deepEqual(r.right, { uri: B, label: 'lb02' });
  assert.deepEqual(brief(r), [
    'left:5 expected router_id differs between peers (lb01 here, lb02 on the peer)',
    'left:9 expected state differs between peers (MASTER here, BACKUP on the peer)',
    'left:12 expected priority differs between peers (150 here, 100 on the peer)',
    'left:19 mismatch VI_1: the VIPs differ from the peer [peer-vip-mismatch]',
    'right:5 expected router_id differs between peers (lb02 here, lb01 on the peer)',
    'right:9 expected state differs between peers (BACKUP here, MASTER on the peer)',
    'right:12 expected priority differs between peers (100 here, 150 on the peer)',
    'right:19 mismatch VI_1: the VIPs differ from the peer [peer-vip-mismatch]',
  ]);
  // aligned: the state lines are one row, and the instance's line is the same on both
  const state = r.rows.find((x) => x.left?.line === 8);
  assert.equal(state?.right?.line, 8);
  const inst = r.rows.find((x) => x.left?.line === 7);
  assert.deepEqual(inst, { left: { line: 7, kind: 'same', message: '' }, right: { line: 7, kind: 'same', message: '' } });
});

test('without a finding, a differing line no rule judges is a difference, not a mismatch', () => {
  const r = compare(fixture('lb01'), fixture('lb02'));
  assert.ok(brief(r).includes("left:19 differs '192.168.31.5/24' here, '192.168.31.5' on the peer (in VI_1 › virtual_ipaddress)"), brief(r).join('\n'));
});

test('comments, blank lines and indentation are not differences', () => {
  const a = 'vrrp_instance V {\n  interface eth0  # main\n}\n';
  const b = '! other comment\nvrrp_instance V {\n\n\tinterface   eth0\n}\n';
  assert.deepEqual(brief(compare(a, b)), []);
});

test('unicast peers swap (expected); a keyword only one side has and a changed value are differences', () => {
  const a = 'vrrp_instance V {\n  interface eth0\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n  }\n  nopreempt\n}\n';
  const b = 'vrrp_instance V {\n  interface eth1\n  unicast_src_ip 10.0.0.2\n  unicast_peer {\n    10.0.0.1\n  }\n}\n';
  assert.deepEqual(brief(compare(a, b)), [
    'left:2 differs interface in V is eth0 here, eth1 on the peer',
    'left:3 expected unicast_src_ip differs between peers (10.0.0.1 here, 10.0.0.2 on the peer)',
    'left:5 expected unicast_peer differs between peers (10.0.0.2 here, 10.0.0.1 on the peer)',
    "left:7 differs 'nopreempt' in V is only in this file",
    'right:2 differs interface in V is eth1 here, eth0 on the peer',
    'right:3 expected unicast_src_ip differs between peers (10.0.0.2 here, 10.0.0.1 on the peer)',
    'right:5 expected unicast_peer differs between peers (10.0.0.1 here, 10.0.0.2 on the peer)',
  ]);
});

test('the same keyword in another instance is not taken for its counterpart', () => {
  const a = 'vrrp_instance A {\n  priority 150\n}\nvrrp_instance B {\n  priority 100\n}\n';
  const b = 'vrrp_instance A {\n  priority 100\n}\n';
  const marks = brief(compare(a, b));
  assert.ok(marks.includes('left:2 expected priority differs between peers (150 here, 100 on the peer)'), marks.join('\n'));
  assert.ok(marks.includes("left:4 differs 'vrrp_instance B' is only in this file"), marks.join('\n'));
});

test('a peer finding on a line both nodes write alike is a mismatch still; one on a brace line gets a row of its own', () => {
  const a = 'vrrp_instance V {\n  priority 100\n}\n';
  const prio: Finding = { uri: A, range: { start: { line: 1, character: 2 }, end: { line: 1, character: 10 } }, severity: 'error', code: 'peer-priority-order', message: 'equal priorities' };
  const brace: Finding = { ...prio, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, message: 'at the brace' };
  assert.deepEqual(brief(compare(a, a, { left: [prio, brace] })), ['left:2 mismatch equal priorities [peer-priority-order]', 'left:3 mismatch at the brace [peer-priority-order]']);
});

test('an include line is compared like a keyword line', () => {
  const a = 'include a.conf\nglobal_defs {\n  router_id x\n}\n';
  const b = 'include b.conf\nglobal_defs {\n  router_id x\n}\n';
  assert.deepEqual(brief(compare(a, b)), ['left:1 differs include is a.conf here, b.conf on the peer', 'right:1 differs include is b.conf here, a.conf on the peer']);
});

// Two files too different to align (their differing middle is over the 4,000,000-cell bound of
// the alignment) make one hunk of every line; pairing that hunk must stay linear, not search the
// other side for every line.
test('two large files that differ throughout: every line gets a row, paired by keyword within its block, without quadratic work', () => {
  const n = 20_000;
  const side = (name: string) =>
    'vrrp_script chk {\n' + Array.from({ length: n }, (_, i) => `    script "/bin/check-${name}-${i}"`).join('\n') + '\n}\n';
  const started = Date.now();
  const r = compare(side('left'), side('right'));
  const elapsed = Date.now() - started;
  const paired = r.rows.filter((row) => row.left && row.right && row.left.kind !== 'same').length;
  assert.ok(paired >= n, `the ${n} script lines pair with each other (${paired} paired rows)`);
  assert.equal(r.rows.filter((row) => row.left).length, n + 1, "the block line and its n script lines");
  // A guard against a hang, not a speed test: quadratic pairing took 7.4 s at 30,000 lines, linear 1.5 s with the parse.
  assert.ok(elapsed < 15_000, `compare took ${elapsed} ms`);
});
