import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, instance, keepalivedCheck, only, recheckAfterFix } from '../../helpers/analyze';

const RULE = 'undefined-reference';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const SCRIPT = conf('vrrp_script chk_nginx {', '    script "/bin/true"', '}');
const track = (name: string): string => SCRIPT + instance(['    track_script {', `        ${name}`, '    }']);

test('track_script naming no vrrp_script is an error (keepalived ignores the tracking) with a did-you-mean', () => {
  const f = only(findings(track('chk_ngix')), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '10:8-10:16');
  assert.match(f[0].message, /No vrrp_script named 'chk_ngix' is defined: keepalived ignores the tracking/);
  assert.match(f[0].message, /Did you mean 'chk_nginx'\?/);
});

test('the fix renames the reference and the warning goes away', () => {
  const text = track('chk_ngix');
  const after = recheckAfterFix(text, only(findings(text), RULE)[0]);
  assert.equal(after.text, track('chk_nginx'));
  assert.deepEqual(after.findings, []);
});

test('track_script naming an existing vrrp_script is fine', () => {
  assert.deepEqual(findings(track('chk_nginx')), []);
});

test('a sync group member that is no vrrp_instance', () => {
  const text = instance() + conf('vrrp_sync_group G {', '    group {', '        VI_1', '        VI_2', '    }', '}');
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '10:8-10:12');
  assert.match(f[0].message, /No vrrp_instance named 'VI_2' is defined: keepalived leaves it out of the group/);
});

test('a reference to a vrrp_script keepalived removes (no script)', () => {
  const text = conf('vrrp_script chk {', '    interval 2', '}') + instance(['    track_script {', '        chk', '    }']);
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /vrrp_script 'chk' has no 'script', so keepalived removes it/);
});

test('keepalived ignores the unknown script', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(track('chk_ngix'))!.lines.includes('Line 11: (VI_1) track script chk_ngix not found, ignoring...'));
});
