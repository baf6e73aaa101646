import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'unmatched-quote';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const TEXT = conf('global_defs {', '    router_id "lb01 x', '}');

test('an opening quote without its closing one on the line is an error on the quoted text', () => {
  const f = only(findings(TEXT), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '1:14-1:21');
  assert.match(f[0].message, /Unterminated quote/);
});

test('closed quotes, quotes in comments and escaped words are fine', () => {
  assert.deepEqual(only(findings(conf('global_defs {', '    router_id "lb01 x"', '}')), RULE), []);
  assert.deepEqual(only(findings(conf('global_defs {', '    router_id lb01 # "open', '}')), RULE), []);
  assert.deepEqual(only(findings(conf('vrrp_script chk {', '    script "/bin/sh -c \'exit 0\'"', '}')), RULE), []);
});

test('the closing quote must be on the same line', () => {
  const f = only(findings(conf('vrrp_script chk {', '    script "/bin/true', '"', '}')), RULE);
  assert.deepEqual(
    f.map((x) => at(x.range)),
    ['1:11-1:21', '2:0-2:1'],
  );
});

test('keepalived reports it too', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(TEXT)!.lines.some((l) => l.startsWith('Line 2: Unterminated quote')));
});
