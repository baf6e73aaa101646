import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, instance, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'unexpected-block';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const TEXT = instance(['    priority 100 {', '    }']);

test("a '{' after a keyword that opens no block is an error on the brace", () => {
  const f = only(findings(TEXT), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '6:17-6:18');
  assert.match(f[0].message, /Unexpected '\{': 'priority' does not open a block/);
  // And its '}' closes the vrrp_instance: the last '}' is then extra.
  assert.deepEqual(
    only(findings(TEXT), 'unbalanced-brace').map((x) => at(x.range)),
    ['8:0-8:1'],
  );
});

test("a '{' with no keyword before it", () => {
  const f = only(findings(conf('{', '}')), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '0:0-0:1');
  assert.match(f[0].message, /no keyword comes before it/);
});

test("a '{' after block keywords is expected, on the same line or the next", () => {
  assert.deepEqual(only(findings(instance()), RULE), []);
  assert.deepEqual(only(findings(conf('global_defs', '{', '    router_id a', '}')), RULE), []);
});

test('keepalived ignores the brace too', { skip: NO_KEEPALIVED }, () => {
  const ka = keepalivedCheck(TEXT)!;
  assert.ok(ka.lines.includes("Line 7: Unexpected '{' - ignoring"), ka.lines.join('\n'));
  assert.ok(ka.lines.includes("Line 9: Unknown keyword '}'"), ka.lines.join('\n'));
});
