import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, instance, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'auth-ignored';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const AUTH = ['    authentication {', '        auth_type PASS', '        auth_pass abc', '    }'];
const V3 = instance(['    version 3', ...AUTH]);
const STRICT = conf('global_defs {', '    vrrp_strict', '}') + instance(AUTH);

test('authentication with VRRP version 3 is a warning on the authentication keyword', () => {
  const f = only(findings(V3), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '7:4-7:18');
  assert.match(f[0].message, /VI_1: VRRP version 3 has no authentication; keepalived ignores this authentication block/);
  assert.deepEqual(f[0].tags, ['unnecessary']);
});

test('global vrrp_version 3 and vrrp_strict count too', () => {
  assert.equal(only(findings(conf('global_defs {', '    vrrp_version 3', '}') + instance(AUTH)), RULE).length, 1);
  const f = only(findings(STRICT), RULE);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /vrrp_strict mode does not allow authentication/);
});

test('authentication with VRRP version 2 is fine, also when the instance overrides a global version 3', () => {
  assert.deepEqual(only(findings(instance(AUTH)), RULE), []);
  assert.deepEqual(only(findings(conf('global_defs {', '    vrrp_version 3', '}') + instance(['    version 2', ...AUTH])), RULE), []);
});

test('keepalived ignores it', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(V3)!.lines.includes('(VI_1) VRRP version 3 does not support authentication. Ignoring.'));
  assert.ok(keepalivedCheck(STRICT)!.lines.includes('(VI_1) Strict mode does not support authentication. Ignoring.'));
});
