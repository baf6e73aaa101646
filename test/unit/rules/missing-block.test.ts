import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, conf, findings, hasKeepalived, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'missing-block';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
// Lines (1-based): 1 global_defs, 4 vrrp_instance without '{', 5..11 its body, 12 its '}'.
const TOP = conf(
  'global_defs {',
  '    router_id lb01',
  '}',
  'vrrp_instance VI_1',
  '    state MASTER',
  '    interface eth0',
  '    virtual_router_id 51',
  '    virtual_ipaddress {',
  '        10.0.0.1',
  '    }',
  '}',
  'vrrp_script chk {',
  '    script "/bin/true"',
  '}',
);
// A nested block without '{': lines 4..6 are authentication's, 7..12 the rest of the instance.
const NESTED = conf(
  'vrrp_instance VI_1 {',
  '    interface eth0',
  '    authentication',
  '        auth_type PASS',
  '        auth_pass 1234',
  '    }',
  '    virtual_router_id 5',
  '    priority 100',
  '    virtual_ipaddress {',
  '        10.0.0.9',
  '    }',
  '}',
);
const VALUES = conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 1', '    virtual_ipaddress', '        10.0.0.1', '    }', '}');

/** 1-based lines of the findings of this rule, in order. */
const lines = (text: string) => only(findings(text), RULE).map((f) => f.range.start.line + 1);

test("a top-level block keyword without '{': keepalived reads every following line at the top level, one finding per line", () => {
  const f = only(findings(TOP), RULE);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '3:0-3:13');
  assert.match(f[0].message, /'vrrp_instance' opens a block but no '\{' follows on its line: keepalived reports "Missing '\{' at beginning of configuration block" on the next line/);
  assert.match(f[0].message, /other processes skip 'vrrp_instance' as a keyword without a block and read the 8 line\(s\) after it at the top level/);
  // keepalived 2.2.7 -t: (Line 5) Unknown keyword 'state' ... (Line 8) Unknown keyword 'virtual_ipaddress',
  // (Line 8) Unexpected '{' - ignoring, (Line 9) Unknown keyword '10.0.0.1', (Line 10) Unknown keyword '}',
  // (Line 11) Extra '}' found, (Line 11) Unknown keyword '}'; the vrrp_script on line 12 is read normally again.
  assert.deepEqual(lines(TOP), [4, 5, 6, 7, 8, 8, 9, 10, 11]);
  assert.match(f[1].message, /^Unknown keyword 'state' at the top level: keepalived's other processes read this line there because 'vrrp_instance' \(line 4\) has no '\{'/);
  assert.match(f[5].message, /^Unexpected '\{' at the top level/);
  assert.match(f[7].message, /^Unknown keyword '\}' at the top level/);
  assert.match(f[8].message, /^Extra '\}' found, and Unknown keyword '\}' at the top level/);
  assert.equal(f[8].related?.[0].range.start.line, 3);
  // The extra '}' is reported once, with its cause, not again as an unbalanced brace.
  assert.deepEqual(only(findings(TOP), 'unbalanced-brace'), []);
  // The owning process still reads the block: the instance keeps its settings.
  assert.deepEqual(only(findings(TOP), 'missing-required'), []);
});

test("a nested block without '{': the rest of the enclosing block is read at the top level", () => {
  // keepalived 2.2.7 -t: (Line 4) Missing '{' at beginning of configuration block, (Line 7) Unknown keyword
  // 'virtual_router_id', (Line 8) ... 'priority', (Line 9) ... 'virtual_ipaddress' and Unexpected '{',
  // (Line 10) ... '10.0.0.9', (Line 11) ... '}', (Line 12) Extra '}' found and Unknown keyword '}'.
  assert.deepEqual(lines(NESTED), [3, 7, 8, 9, 9, 10, 11, 12]);
  assert.match(only(findings(NESTED), RULE)[0].message, /stop at this block's '\}' and read the 7 line\(s\) after it at the top level/);
});

test("a value block without '{' is a warning (keepalived only logs it); the lines its other processes misread are errors", () => {
  const f = only(findings(VALUES), RULE);
  // keepalived 2.2.7 -t: (Line 7) Extra '}' found, (Line 7) Unknown keyword '}'.
  assert.deepEqual(f.map((x) => x.range.start.line + 1), [4, 7]);
  assert.deepEqual(f.map((x) => x.severity), ['warning', 'error']);
  assert.match(f[0].message, /keepalived logs "'\{' missing from beginning of block virtual_ipaddress"/);
  assert.match(f[0].message, /as its values/);
  // keepalived 2.2.7 -t: (Line 2) Unknown keyword '10.0.0.1', (Line 3) Extra '}' found, (Line 3) Unknown keyword '}'.
  assert.deepEqual(lines(conf('static_ipaddress', '    10.0.0.1', '}')), [1, 2, 3]);
});

test("the fix adds the '{' and the cascade is gone", () => {
  const fixed = applyFix(TOP, only(findings(TOP), RULE)[0]);
  assert.match(fixed, /^vrrp_instance VI_1 \{$/m);
  assert.deepEqual(only(findings(fixed), RULE), []);
  assert.deepEqual(only(findings(fixed), 'unbalanced-brace'), []);
});

test("a '{' on the next line, or after a comment line, still opens the block", () => {
  assert.deepEqual(only(findings(conf('vrrp_instance VI_1', '# comment', '{', '    interface eth0', '    virtual_router_id 1', '}')), RULE), []);
  assert.deepEqual(only(findings(conf('vrrp_instance VI_1', '{', '    interface eth0', '    virtual_router_id 1', '    authentication', '    {', '        auth_type PASS', '    }', '}')), RULE), []);
  assert.deepEqual(only(findings(conf('global_defs { router_id a }')), RULE), []);
});

test('keepalived reports the same lines', { skip: NO_KEEPALIVED }, () => {
  const reported = (text: string) =>
    [...new Set(keepalivedCheck(text)!.lines.map((l) => /^Line (\d+): (?:Missing|Unknown keyword|Unexpected|Extra)/.exec(l)?.[1]).filter((n) => n !== undefined).map(Number))].sort((a, b) => a - b);
  // keepalived reports the missing '{' on the line after the keyword; we report the keyword itself.
  assert.deepEqual(reported(TOP), [5, 6, 7, 8, 9, 10, 11]);
  assert.deepEqual(reported(NESTED), [4, 7, 8, 9, 10, 11, 12]);
  assert.deepEqual(reported(conf('vrrp_instance VI_1', '{', '    interface eth0', '    virtual_router_id 1', '}')), []);
});
