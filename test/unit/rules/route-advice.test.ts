import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, keepalivedCheck, only, recheckAfterFix } from '../../helpers/analyze';

const RULE = 'route-advice';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const routes = (...lines: string[]): string => conf('static_routes {', ...lines.map((l) => `    ${l}`), '}');
const rules = (...lines: string[]): string => conf('static_rules {', ...lines.map((l) => `    ${l}`), '}');

test('a route without dev is a warning on its destination', () => {
  const f = only(findings(routes('10.1.0.0/16 via 10.0.0.1')), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '1:4-1:15');
  assert.match(f[0].message, /keepalived cannot track this route without 'dev'/);
});

test("'gw' is deprecated and its fix writes 'via'", () => {
  const text = routes('10.1.0.0/16 gw 10.0.0.1 dev eth0');
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '1:16-1:18');
  assert.deepEqual(f[0].tags, ['deprecated']);
  const after = recheckAfterFix(text, f[0]);
  assert.equal(after.text, routes('10.1.0.0/16 via 10.0.0.1 dev eth0'));
  assert.deepEqual(after.findings, []);
});

test('a rule without preference is a warning', () => {
  const f = only(findings(rules('from 10.0.0.1 table 100')), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '1:4-1:8');
  assert.match(f[0].message, /This rule has no 'preference'/);
});

test('routes with dev or no_track, and rules with a preference, are fine', () => {
  assert.deepEqual(only(findings(routes('10.1.0.0/16 via 10.0.0.1 dev eth0', '10.2.0.0/16 via 10.0.0.1 no_track')), RULE), []);
  assert.deepEqual(only(findings(rules('from 10.0.0.1 table 100 preference 100')), RULE), []);
});

test('keepalived warns about the same lines', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(routes('10.1.0.0/16 via 10.0.0.1'))!.lines.includes('Line 2: Warning - cannot track route 10.1.0.0/16 with no interface specified, not tracking'));
  assert.ok(keepalivedCheck(routes('10.1.0.0/16 gw 10.0.0.1 dev eth0'))!.lines.includes('Line 2: "gw" for routes is deprecated. Please use "via"'));
  assert.ok(keepalivedCheck(rules('from 10.0.0.1 table 100'))!.lines.some((l) => l.startsWith('Line 2: Rule has no preference specified')));
});
