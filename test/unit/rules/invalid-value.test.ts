import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, findings, hasKeepalived, instance, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'invalid-value';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const TEXT = instance(['    state MASTR']);

test('a value of the wrong kind is an error on the value', () => {
  const f = only(findings(TEXT), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '6:10-6:15');
  assert.match(f[0].message, /Invalid value 'MASTR' for 'state' \(STATE\): expected one of MASTER, BACKUP/);
});

test('a word where a number is expected, and a bad address', () => {
  const f = only(findings(instance(['    advert_int abc'], { vip: '10.0.0.300' })), RULE);
  assert.deepEqual(
    f.map((x) => at(x.range)),
    ['4:8-4:18', '6:15-6:18'],
  );
  assert.match(f[1].message, /Invalid value 'abc' for 'advert_int'/);
});

test('an extra word after a complete line is only a warning', () => {
  const f = only(findings(instance(['    priority 100 200'])), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '6:17-6:20');
  assert.match(f[0].message, /Unexpected '200' after 'priority': keepalived does not use it/);
  assert.deepEqual(f[0].tags, ['unnecessary']);
});

test('valid values are fine', () => {
  assert.deepEqual(only(findings(instance(['    state BACKUP', '    advert_int 0.5', '    priority 100'], { vip: 'fe80::1/64' })), RULE), []);
});

test('keepalived rejects the state', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(TEXT)!.lines.includes("Line 7: (VI_1) unknown state 'MASTR', defaulting to BACKUP"));
});
