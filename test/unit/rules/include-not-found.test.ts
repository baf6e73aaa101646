import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, at, conf, findings, hasKeepalived, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'include-not-found';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';

test('an include that matches no file is a warning on its pattern', () => {
  const f = only(findings(conf('# x', 'include conf.d/*.conf'), { files: {} }), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '1:8-1:21');
  assert.equal(f[0].message, "No file matches 'conf.d/*.conf': keepalived includes nothing here.");
});

test('an include without a pattern is an error (keepalived does not know the keyword then)', () => {
  const f = only(findings(conf('include')), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '0:0-0:7');
  assert.match(f[0].message, /'include' needs a file name or pattern/);
});

test('an include that matches, or whose pattern holds an unresolved $NAME, is fine', () => {
  assert.deepEqual(only(analyze(conf('include conf.d/*.conf'), { files: { 'conf.d/a.conf': '' } }).findings, RULE), []);
  assert.deepEqual(only(findings(conf('include $DIR/a.conf')), RULE), []);
});

test('keepalived reports the missing files', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(conf('include /nonexistent/a.conf'))!.lines.includes("Line 1: Config files missing '/nonexistent/a.conf'."));
  assert.ok(keepalivedCheck(conf('include'))!.lines.includes("Line 1: Unknown keyword 'include'"));
});
