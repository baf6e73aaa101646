import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, findings, hasKeepalived, instance, keepalivedCheck, only, recheckAfterFix } from '../../helpers/analyze';

const RULE = 'nopreempt-master';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const TEXT = instance(['    state MASTER', '    priority 150', '    nopreempt']);

test('nopreempt with state MASTER is a warning on nopreempt', () => {
  const f = only(findings(TEXT), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '8:4-8:13');
  assert.match(f[0].message, /VI_1: nopreempt does not work with initial state MASTER; keepalived clears it/);
  assert.equal(at(f[0].related![0].range), '6:10-6:16');
});

test('the fix sets state BACKUP and the warning goes away', () => {
  const after = recheckAfterFix(TEXT, only(findings(TEXT), RULE)[0]);
  assert.equal(after.text, instance(['    state BACKUP', '    priority 150', '    nopreempt']));
  assert.deepEqual(after.findings, []);
});

test('nopreempt with state BACKUP, or MASTER without nopreempt, is fine', () => {
  assert.deepEqual(only(findings(instance(['    state BACKUP', '    nopreempt'])), RULE), []);
  assert.deepEqual(only(findings(instance(['    state MASTER'])), RULE), []);
  assert.deepEqual(only(findings(instance(['    nopreempt'])), RULE), []);
});

test('keepalived clears nopreempt', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(TEXT)!.lines.includes('(VI_1) Warning - nopreempt will not work with initial state MASTER - clearing'));
});
