import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, findings, hasKeepalived, instance, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'value-out-of-range';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const TEXT = instance(['    priority 256']);

test('a number outside its range is an error on the number', () => {
  const f = only(findings(TEXT), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '6:13-6:16');
  assert.match(f[0].message, /'256' is out of range for 'priority' \(PRIORITY\): expected 1\.\.255\. keepalived rejects it and keeps the default/);
  assert.equal(only(findings(instance(['    priority 0'])), RULE).length, 1);
});

test('the bounds themselves are fine', () => {
  assert.deepEqual(only(findings(instance(['    priority 1'])), RULE), []);
  assert.deepEqual(only(findings(instance(['    priority 255'], { vrid: 255 })), RULE), []);
  assert.deepEqual(only(findings(instance([], { vrid: 1 })), RULE), []);
});

test('a virtual_router_id of 0 or 256, and a prefix beyond /32', () => {
  assert.deepEqual(
    only(findings(instance([], { vrid: 0 })), RULE).map((f) => at(f.range)),
    ['2:22-2:23'],
  );
  assert.equal(only(findings(instance([], { vrid: 256 })), RULE).length, 1);
  const f = only(findings(instance([], { vip: '10.0.0.1/33' })), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '4:8-4:19');
  assert.match(f[0].message, /a prefix length 0\.\.32/);
  assert.deepEqual(only(findings(instance([], { vip: '10.0.0.1/32' })), RULE), []);
  assert.deepEqual(only(findings(instance([], { vip: 'fe80::1/128' })), RULE), []);
});

test('keepalived rejects the priority', { skip: NO_KEEPALIVED }, () => {
  const ka = keepalivedCheck(TEXT)!.lines;
  assert.ok(ka.includes("Line 7: number '256' outside range [1, 255]"), ka.join('\n'));
});

test('the fix clamps the number to the nearest bound, and nothing else changes', () => {
  const high = only(findings(TEXT), RULE)[0];
  assert.deepEqual(high.fixes?.map((x) => [x.title, x.preferred]), [['Change to 255 (the maximum)', true]]);
  assert.equal(applyFix(TEXT, high), TEXT.replace('priority 256', 'priority 255'));
  const lowText = instance(['    priority 0']);
  const low = only(findings(lowText), RULE)[0];
  assert.equal(applyFix(lowText, low), lowText.replace('priority 0', 'priority 1'));
  assert.deepEqual(only(findings(applyFix(lowText, low)), RULE), []);
});
