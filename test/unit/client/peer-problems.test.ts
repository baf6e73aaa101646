// The client's presentation of peer findings: each problem counted once per cluster, seen from the
// file at hand; severity drawn as such; markdown that keeps words whole; diff notes that fit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCleanExitLine } from '../../../client/src/log-lines';
import { type Mismatch, countable, diffNotes, escapeMarkdown, problemLine, problemsOfFile, severityIcon, uniqueProblems, worstSeverity } from '../../../client/src/peer-problems';
import type { ClusterView } from '../../../server/src/protocol';

const LB01 = 'file:///w/lb01/keepalived.conf';
const LB02 = 'file:///w/lb02/keepalived.conf';

const mismatch = (uri: string, node: string, problem: string, severity: Mismatch['severity'] = 'error', message = `${problem} here`): Mismatch => ({
  code: `peer-${problem}`,
  message,
  uri,
  line: 3,
  severity,
  node,
  problem,
});

// Four problems, each reported on both nodes: what the server sends for a drifted pair.
const both = ['vrid', 'vip', 'auth', 'advert'].flatMap((p) => [mismatch(LB01, 'lb01', p, p === 'advert' ? 'warning' : 'error'), mismatch(LB02, 'lb02', p, p === 'advert' ? 'warning' : 'error')]);
const cluster: ClusterView = {
  id: 'c1',
  nodes: [{ uri: LB01, label: 'lb01' }, { uri: LB02, label: 'lb02' }],
  problems: 4,
  instances: [{ name: 'VI_1', members: [LB01, LB02].map((uri, i) => ({ uri, node: `lb0${i + 1}`, summary: '', priority: 150 - 50 * i, vips: [], advertInt: 1, line: 0, character: 0 })), failover: [], mismatches: both, problems: 4 }],
};

test('four mismatches reported on both nodes count as four, each seen from the file at hand', () => {
  const fromLb01 = countable(problemsOfFile([cluster], (u) => u === LB01));
  assert.equal(fromLb01.length, 4);
  assert.ok(fromLb01.every((m) => m.uri === LB01 && m.node === 'lb01'), 'lb01 sees its own side of each');
  const fromLb02 = problemsOfFile([cluster], (u) => u === LB02);
  assert.ok(fromLb02.every((m) => m.node === 'lb02'));
  // without a file of its own (the cluster's tooltip) the first report of each problem stands
  assert.deepEqual(uniqueProblems(both).map((m) => m.problem), ['vrid', 'vip', 'auth', 'advert']);
  // a file outside the cluster has none
  assert.deepEqual(problemsOfFile([cluster], (u) => u === 'file:///w/other.conf'), []);
  // information findings are listed but not counted
  assert.equal(countable([mismatch(LB01, 'lb01', 'x', 'information')]).length, 0);
});

test('severity: the worst one colours the status bar; warnings get the warning icon, not the error one', () => {
  assert.equal(worstSeverity(both), 'error');
  assert.equal(worstSeverity(both.filter((m) => m.severity === 'warning')), 'warning');
  assert.equal(worstSeverity([]), undefined);
  assert.deepEqual(severityIcon('warning'), { id: 'warning', color: 'problemsWarningIcon.foreground' });
  assert.deepEqual(severityIcon('error'), { id: 'error', color: 'problemsErrorIcon.foreground' });
  assert.equal(severityIcon('information').id, 'info');
});

test('tooltips: spaces stay spaces (no &nbsp;), markdown characters are escaped, the node says whose "here" it is', () => {
  const m = mismatch(LB01, 'lb01', 'vip', 'error', "VI_1: VIP 10.0.0.1 (virtual_ipaddress) is not among lb02's addresses: keepalived ignore it *here*");
  const line = problemLine(m);
  assert.doesNotMatch(line, /&nbsp;|\u00a0/);
  assert.match(line, /^- \*\*lb01\*\*: `peer-vip` VI\\_1: VIP 10\\\.0\\\.0\\\.1 \\\(virtual\\_ipaddress\\\) is not among lb02's addresses: keepalived ignore it \\\*here\\\*$/);
  assert.equal(escapeMarkdown('a  b\nc'), 'a  b c');
});

test('diff notes: one per line, short enough for a half-width pane, each message once, severity kept', () => {
  const long = 'VI_1: VIP 192.168.31.5 has prefix /24 here but /32 on lb02: the subnet route changes when the VIP moves.';
  const notes = diffNotes([
    { uri: LB01, line: 4, kind: 'expected', message: 'state is expected to differ between peers' },
    { uri: LB01, line: 9, kind: 'mismatch', message: `${long} [peer-vip-mismatch]`, severity: 'warning' },
    { uri: LB01, line: 9, kind: 'mismatch', message: `${long} [peer-vip-mismatch]`, severity: 'warning' },
    { uri: LB01, line: 9, kind: 'expected', message: 'unicast_peer is expected to differ' },
  ]);
  assert.equal(notes.length, 2);
  const vip = notes.find((n) => n.line === 9)!;
  assert.equal(vip.kind, 'mismatch');
  assert.equal(vip.severity, 'warning');
  assert.ok(vip.after.length <= 30, vip.after);
  assert.match(vip.after, /^⚠ mismatch: VI_1: VIP .*…$/);
  assert.equal(vip.hover.split('VI\\_1: VIP').length - 1, 1, 'the message once');
  assert.match(vip.hover, /^\*\*Mismatch\*\* between peers \(warning\)/);
  const state = notes.find((n) => n.line === 4)!;
  assert.equal(state.after, '✓ expected: state is expected…');
  // an error mismatch is drawn as one; a message the diagnostic shows already is not repeated
  const [err] = diffNotes([{ uri: LB02, line: 1, kind: 'mismatch', message: 'VRID differs [peer-vrid-mismatch]', severity: 'error' }], { shownByDiagnostic: () => true });
  assert.match(err.after, /^✗ mismatch/);
  assert.doesNotMatch(err.hover, /VRID differs/);
  assert.match(err.hover, /The problem on this line says why/);
});

test('a clean exit of the server is not logged as an error', () => {
  assert.ok(isCleanExitLine('[Error - 10:00:01 AM] Server process exited with code 0.'));
  assert.ok(!isCleanExitLine('[Error - 10:00:01 AM] Server process exited with code 1.'));
  assert.ok(!isCleanExitLine('[Error - 10:00:01 AM] Server process exited with signal SIGKILL.'));
});
