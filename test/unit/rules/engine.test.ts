// The one rule engine: a contract for file and peer rules, one runner (levels, a crashing rule),
// and report.at for reporting at a word or a statement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkModel } from '../../../server/src/analysis/analyze';
import { runRules } from '../../../server/src/analysis/run-rules';
import { lazyReport, type FileRule, type PeerRule } from '../../../server/src/rules/rule';
import { model, URI } from '../features/helpers';

const m = model('vrrp_instance VI_1 {\n  state MASTER\n  priority 150\n}\n');

const atStatement: FileRule = {
  id: 'test-at',
  severity: 'warning',
  scope: 'file',
  description: 'reports at the priority statement and at the state word',
  check({ model, report }) {
    const inst = model.instances[0];
    report.at(inst.priority!.stmt, 'at the statement');
    report.at(inst.state!.word, 'at the word', [{ title: 'fix it', edits: [] }], { severity: 'hint' });
  },
};
const throwing: FileRule = { id: 'test-throws', severity: 'error', scope: 'file', description: 'always throws', check: () => { throw new Error('boom'); } };

test('report.at: a statement reports on its keyword line, a word on itself, with fixes and more', () => {
  const found = checkModel(m, { rules: [atStatement] });
  assert.deepEqual(
    found.map((f) => [f.code, f.severity, f.message, f.range.start.line, f.range.start.character, f.range.end.character, f.fixes?.length ?? 0]),
    [
      ['test-at', 'warning', 'at the statement', 2, 2, 14, 0],
      ['test-at', 'hint', 'at the word', 1, 8, 14, 1],
    ],
  );
});

test('the runner: a level replaces the severity, off skips the rule, a throwing rule is one finding', () => {
  assert.deepEqual(checkModel(m, { rules: [atStatement], levels: { 'test-at': 'error' } }).map((f) => f.severity), ['error', 'error']);
  assert.deepEqual(checkModel(m, { rules: [atStatement], levels: { 'test-at': 'off' } }), []);
  const crash = checkModel(m, { rules: [throwing, atStatement] });
  assert.equal(crash[0].message, 'Internal error in rule test-throws: boom');
  assert.equal(crash[0].uri, URI);
  assert.equal(crash.length, 3, 'the other rules still run');
});

test('peer rules run through the same runner', () => {
  const peer: PeerRule = { id: 'peer-test', severity: 'warning', description: 'throws on a cluster', check: () => { throw new Error('bad cluster'); } };
  const out = runRules([peer], (report) => ({ cluster: { id: 'c', nodes: [], groups: [] } as never, report }), { 'peer-test': 'hint' }, 'file:///x');
  assert.deepEqual(out.map((f) => [f.uri, f.code, f.severity, f.message]), [['file:///x', 'peer-test', 'information', 'Internal error in rule peer-test: bad cluster']]);
});

test('a lazy report makes its message and fixes when first read, once, and the runner does not read them', () => {
  let made = 0;
  const lazy: FileRule = {
    id: 'test-lazy',
    severity: 'warning',
    scope: 'block',
    description: 'reports with a message made on demand',
    check({ model, report }) {
      const w = model.instances[0].state!.word;
      report(lazyReport({ uri: w.uri, range: w.range }, () => ({ message: `made ${++made}`, fixes: [{ title: 'fix', edits: [] }] })));
    },
  };
  const [f] = checkModel(m, { rules: [lazy], levels: { 'test-lazy': 'error' } });
  assert.equal(made, 0, 'nothing read yet');
  assert.deepEqual([f.code, f.severity, f.range.start.line], ['test-lazy', 'error', 1]);
  assert.equal(f.message, 'made 1');
  assert.equal(f.fixes?.[0].title, 'fix');
  assert.equal(f.message, 'made 1');
  assert.equal(made, 1);
});
