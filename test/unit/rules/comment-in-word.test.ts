import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, findings, hasKeepalived, instance, keepalivedCheck, model, only, recheckAfterFix } from '../../helpers/analyze';

const RULE = 'comment-in-word';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const auth = (pass: string): string => instance(['    authentication {', '        auth_type PASS', `        auth_pass ${pass}`, '    }']);

test("a '!' inside an unquoted password starts a comment: a warning that never quotes the password, and the escape fix", () => {
  const text = auth('ab!cd');
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '8:20-8:21');
  assert.match(f[0].message, /keepalived starts a comment at this '!' and drops the rest of the line/);
  assert.ok(!f[0].message.includes('ab') && !f[0].message.includes('cd'), f[0].message);
  const after = recheckAfterFix(text, f[0]);
  assert.equal(after.text, auth('ab\\!cd'));
  assert.deepEqual(only(after.findings, RULE), []);
  // The escaped password is what keepalived reads: ab!cd.
  assert.equal(model(after.text).instances[0].authentication?.pass?.value, 'ab!cd');
});

test('comments after a blank, at line start, after a brace or inside quotes are fine', () => {
  assert.deepEqual(only(findings(auth('abcd # note')), RULE), []);
  assert.deepEqual(only(findings(auth('"ab!cd"')), RULE), []);
  assert.deepEqual(only(findings('# a comment\n! another\nglobal_defs {# odd but harmless\n}\n'), RULE), []);
});

test('keepalived cuts the password at the "!"', { skip: NO_KEEPALIVED }, () => {
  // With the cut, 'ab' is a valid password: keepalived says nothing, which is why we warn.
  assert.deepEqual(keepalivedCheck(auth('ab!cd'))!.lines.filter((l) => l.startsWith('Line 9')), []);
});
