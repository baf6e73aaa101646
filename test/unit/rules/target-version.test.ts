// keepalived.targetVersion / --target-version: what a release added later is what the target
// release rejects. keepalived 2.2.7's own words are quoted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkModel } from '../../../server/src/analysis/analyze';
import { readText } from '../../../server/src/model/read';
import { DEFAULT_TARGET_VERSION, targetHas } from '../../../server/src/schema/version';
import { at, conf, hasKeepalived, instance, keepalivedCheck, MEMORY_URI } from '../../helpers/analyze';

const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const check = (text: string, targetVersion?: string) => checkModel(readText(text, MEMORY_URI), { targetVersion });
const codes = (text: string, targetVersion?: string) => check(text, targetVersion).map((f) => `${f.range.start.line + 1} ${f.code}`);

const SCRIPTS = conf('vrrp_script chk {', '    script "/bin/true"', '    interval .2', '    timeout 0.5', '}', 'vrrp_script chk2 {', '    script "/bin/true"', '    interval 0.2', '}');
const NEW_KEYWORDS = conf('global_defs {', '    json_version 2', '    use_symlink_paths', '}');

test('the default target is the 2.2 line, which has what every 2.2.x added', () => {
  assert.equal(DEFAULT_TARGET_VERSION, '2.2');
  assert.ok(targetHas('2.2', '2.2.8'));
  assert.ok(!targetHas('2.2.7', '2.2.8'));
  assert.ok(!targetHas('2.2', '2.3.2'));
  assert.ok(targetHas('2.3.2', '2.3.2'));
  assert.ok(targetHas('v2.4', '2.3.2'));
});

test('fractional vrrp_script timers are invalid numbers under 2.2, naming the release that accepts them', () => {
  // keepalived 2.2.7 -t: "(Line 3) invalid number '.2'", "(Line 4) invalid number '0.5'", "(Line 8) invalid number '0.2'".
  const f = check(SCRIPTS);
  assert.deepEqual(codes(SCRIPTS), ['3 invalid-value', '4 invalid-value', '8 invalid-value']);
  assert.equal(at(f[0].range), '2:13-2:15');
  assert.equal(f[0].severity, 'error');
  assert.match(f[0].message, /^Invalid value '\.2' for 'interval': keepalived 2\.2 reads whole seconds only, reports "invalid number '\.2'" and keeps the default \(1\)\. Fractions are accepted from keepalived 2\.3\.2/);
  // From 2.3.2 they are fine; whole seconds always are.
  assert.deepEqual(codes(SCRIPTS, '2.3.2'), []);
  assert.deepEqual(codes(SCRIPTS.replace(/\.2|0\.5|0\.2/g, '2')), []);
});

test('checker delays take fractions from 2.0.13', () => {
  const vs = conf('virtual_server 10.0.0.1 80 {', '    delay_loop 1.5', '    real_server 10.0.0.2 80 {', '        weight 1', '    }', '}');
  assert.deepEqual(codes(vs), []);
  assert.deepEqual(codes(vs, '2.0.12'), ['2 invalid-value']);
});

test('a keyword added after the target release is an unknown keyword there', () => {
  // keepalived 2.2.7 -t: "(Line 2) Unknown keyword 'json_version'" (2.2.8), "(Line 3) Unknown keyword 'use_symlink_paths'" (2.3.0).
  assert.deepEqual(codes(NEW_KEYWORDS), ['3 unknown-keyword']);
  assert.deepEqual(codes(NEW_KEYWORDS, '2.2.7'), ['2 unknown-keyword', '3 unknown-keyword']);
  assert.deepEqual(codes(NEW_KEYWORDS, '2.3'), []);
  assert.match(check(NEW_KEYWORDS)[0].message, /^keepalived 2\.2 does not know 'use_symlink_paths' \(added in keepalived 2\.3\.0\): it reports "Unknown keyword 'use_symlink_paths'"/);
});

test('a deprecated keyword whose replacement the target lacks is not advice: it is an unknown keyword or nothing', () => {
  const text = instance(['    thread_timer_expired']);
  assert.deepEqual(codes(text), ['7 unknown-keyword']);
  assert.deepEqual(codes(text, '2.3.2'), ['7 deprecated-keyword']);
});

test('keepalived 2.2.7 agrees', { skip: NO_KEEPALIVED }, () => {
  const lines = keepalivedCheck(SCRIPTS)!.lines;
  for (const [n, v] of [[3, '.2'], [4, '0.5'], [8, '0.2']] as const) assert.ok(lines.includes(`Line ${n}: invalid number '${v}'`), lines.join('\n'));
  const kw = keepalivedCheck(NEW_KEYWORDS)!.lines;
  assert.ok(kw.includes("Line 2: Unknown keyword 'json_version'") && kw.includes("Line 3: Unknown keyword 'use_symlink_paths'"), kw.join('\n'));
});
