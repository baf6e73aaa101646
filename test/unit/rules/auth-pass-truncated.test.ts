import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, findings, hasKeepalived, instance, keepalivedCheck, only, recheckAfterFix } from '../../helpers/analyze';

const RULE = 'auth-pass-truncated';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const auth = (pass: string): string => instance(['    authentication {', '        auth_type PASS', `        auth_pass ${pass}`, '    }']);

test('an auth_pass longer than 8 characters is a warning on the password, which it never quotes', () => {
  const text = auth('s3cr3tPassw0rd');
  const all = findings(text);
  const f = only(all, RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '8:18-8:32');
  assert.match(f[0].message, /auth_pass of VI_1 is 14 characters long; keepalived truncates it to the first 8/);
  // Nothing else complains about the length, and no message shows the password.
  assert.deepEqual(
    all.map((x) => x.code),
    [RULE],
  );
  for (const x of all) assert.ok(!x.message.includes('s3cr3t'), x.message);
});

test('the fix truncates to 8 characters and the warning goes away', () => {
  const text = auth('123456789');
  const after = recheckAfterFix(text, only(findings(text), RULE)[0]);
  assert.equal(after.text, auth('12345678'));
  assert.deepEqual(after.findings, []);
});

test('a quoted password keeps its quotes', () => {
  const text = auth('"abc def gh"');
  const f = only(findings(text), RULE);
  assert.equal(f[0].fixes?.[0].edits[0].newText, '"abc def "');
  assert.deepEqual(only(recheckAfterFix(text, f[0]).findings, RULE), []);
});

test('exactly 8 characters is fine', () => {
  assert.deepEqual(only(findings(auth('12345678')), RULE), []);
  assert.deepEqual(findings(auth('12345678')), []);
});

test('keepalived truncates it too', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(auth('123456789'))!.lines.includes('Line 9: Truncating auth_pass to 8 characters'));
  assert.deepEqual(keepalivedCheck(auth('12345678'))!.lines, []);
});
