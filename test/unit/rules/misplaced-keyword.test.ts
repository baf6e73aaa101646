import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, instance, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'misplaced-keyword';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const TEXT = conf('global_defs {', '    router_id lb01', '    priority 100', '}');

test('a keyword of another block is an error naming where it belongs', () => {
  const f = only(findings(TEXT), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '2:4-2:12');
  assert.match(f[0].message, /'priority' is not valid in 'global_defs'; it belongs in 'vrrp_instance'/);
  assert.match(f[0].message, /keepalived rejects it as an unknown keyword/);
});

test('a sub-keyword written at top level', () => {
  const f = only(findings(conf('state MASTER')), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '0:0-0:5');
  assert.match(f[0].message, /'state' is not valid in the top level/);
});

test('the same keyword in its own block is fine', () => {
  assert.deepEqual(only(findings(instance(['    priority 100'])), RULE), []);
  // A keyword valid in several blocks (interface: vrrp_instance and garp_group).
  assert.deepEqual(only(findings(conf('garp_group {', '    garp_interval 1', '    interface eth0', '}')), RULE), []);
});

test('keepalived rejects it as unknown', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(TEXT)!.lines.includes("Line 3: Unknown keyword 'priority'"));
});
