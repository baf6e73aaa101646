import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, keepalivedCheck, only, recheckAfterFix } from '../../helpers/analyze';

const RULE = 'unknown-keyword';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const TEXT = conf('global_defs {', '    router_idd lb01', '}');

test('a keyword keepalived does not know is an error with a did-you-mean', () => {
  const f = only(findings(TEXT), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '1:4-1:14');
  assert.match(f[0].message, /Unknown keyword 'router_idd' in 'global_defs'/);
  assert.match(f[0].message, /Did you mean 'router_id'\?/);
  assert.equal(f[0].fixes?.[0].title, "Change to 'router_id'");
  assert.equal(f[0].fixes?.[0].preferred, true);
});

test('the fix renames the keyword and the diagnostic goes away', () => {
  const f = only(findings(TEXT), RULE)[0];
  const after = recheckAfterFix(TEXT, f);
  assert.equal(after.text, conf('global_defs {', '    router_id lb01', '}'));
  assert.deepEqual(after.findings, []);
});

test('a word like nothing known gets no suggestion', () => {
  const f = only(findings(conf('zzzqqq 1')), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '0:0-0:6');
  assert.match(f[0].message, /in the top level/);
  assert.deepEqual(f[0].fixes, []);
});

test('known keywords, values in value blocks and misplaced keywords are not unknown', () => {
  assert.deepEqual(only(findings(conf('global_defs {', '    router_id lb01', '}')), RULE), []);
  assert.deepEqual(only(findings(conf('static_ipaddress {', '    10.0.0.1/24 dev eth0', '}')), RULE), []);
  // A keyword of another block is misplaced-keyword, not unknown.
  assert.deepEqual(only(findings(conf('global_defs {', '    priority 100', '}')), RULE), []);
});

test('keepalived reports the unknown keyword', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(TEXT)!.lines.includes("Line 2: Unknown keyword 'router_idd'"));
});

test('a non-breaking space or a byte order mark: one unknown word for keepalived, named, with a fix that clears it', () => {
  const nbsp = conf('global_defs {', '    router_id\u00a0lb01', '}');
  const f = only(findings(nbsp), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '1:4-1:18');
  assert.match(f[0].message, /Unknown keyword 'router_id lb01' in 'global_defs': it contains U\+00A0, an invisible character/);
  const after = recheckAfterFix(nbsp, f[0]);
  assert.equal(after.text, conf('global_defs {', '    router_id lb01', '}'));
  assert.deepEqual(after.findings, []);

  const bom = '\ufeff' + conf('global_defs {', '    router_id lb01', '}');
  const b = only(findings(bom), RULE);
  assert.equal(b.length, 1);
  assert.match(b[0].message, /contains U\+FEFF/);
  assert.deepEqual(recheckAfterFix(bom, b[0]).findings, []);
});

test('keepalived reads a non-breaking space as part of a word', { skip: NO_KEEPALIVED }, () => {
  const lines = keepalivedCheck(conf('global_defs {', '    router_id\u00a0lb01', '}'))!.lines;
  assert.ok(lines.some((l) => l.startsWith('Line 2: Unknown keyword')), lines.join('\n'));
});
