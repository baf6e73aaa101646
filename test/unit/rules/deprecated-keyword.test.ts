import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, instance, keepalivedCheck, only, recheckAfterFix } from '../../helpers/analyze';

const RULE = 'deprecated-keyword';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const TEXT = conf('global_defs {', '    lvs_flush_onstop', '}');

test('a deprecated keyword is a warning naming its replacement', () => {
  const f = only(findings(TEXT), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '1:4-1:20');
  assert.match(f[0].message, /'lvs_flush_onstop' is deprecated\. Use 'lvs_flush_on_stop' instead\./);
  assert.deepEqual(f[0].tags, ['deprecated']);
});

test('the fix renames it and the warning goes away', () => {
  const f = only(findings(TEXT), RULE)[0];
  const after = recheckAfterFix(TEXT, f);
  assert.equal(after.text, conf('global_defs {', '    lvs_flush_on_stop', '}'));
  assert.deepEqual(after.findings, []);
});

test('nb_get_retry in HTTP_GET is replaced by retry', () => {
  const text = conf('virtual_server 10.0.0.1 80 {', '    protocol TCP', '    real_server 10.0.0.2 80 {', '        HTTP_GET {', '            nb_get_retry 3', '            url {', '                path /', '                status_code 200', '            }', '        }', '    }', '}');
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '4:12-4:24');
  const after = recheckAfterFix(text, f[0]);
  assert.match(after.text, /^ {12}retry 3$/m);
  assert.deepEqual(only(after.findings, RULE), []);
});

test('no fix when the replacement belongs in another block', () => {
  const f = only(findings(instance(['    lvs_sync_daemon_interface eth0'])), RULE);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /Use 'lvs_sync_daemon' instead/);
  assert.equal(f[0].fixes, undefined);
});

test('current keywords are fine', () => {
  assert.deepEqual(only(findings(conf('global_defs {', '    lvs_flush_on_stop', '}')), RULE), []);
});

test('keepalived calls nb_get_retry deprecated', { skip: NO_KEEPALIVED }, () => {
  const text = conf('virtual_server 10.0.0.1 80 {', '    real_server 10.0.0.2 80 {', '        HTTP_GET {', '            nb_get_retry 3', '        }', '    }', '}');
  assert.ok(keepalivedCheck(text)!.lines.includes("Line 4: nb_get_retry is deprecated - please use 'retry'"));
});
