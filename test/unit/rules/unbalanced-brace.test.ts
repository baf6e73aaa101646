import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, conf, findings, hasKeepalived, instance, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'unbalanced-brace';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const EXTRA = conf('global_defs {', '    router_id lb01', '}', '}');
const UNCLOSED = conf('global_defs {', '    router_id lb01');

test("an extra '}' at top level is an error on that brace", () => {
  const f = only(findings(EXTRA), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '3:0-3:1');
  assert.match(f[0].message, /Extra '\}': no block is open here/);
});

test("a '}' that keepalived reads at top level because of an unknown block is an error naming the cause", () => {
  const f = only(findings(conf('global_defs {', '    bogus_block {', '        x', '    }', '}')), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '4:0-4:1');
  assert.match(f[0].message, /because the '\{' after 'bogus_block' \(line 2\) did not open a block/);
  assert.equal(f[0].related?.[0].range.start.line, 1);
});

test('a block never closed is an error on its { (keepalived: "There are 1 missing \'}\'s or extra \'{\'s", -t exits 5)', () => {
  const f = only(findings(UNCLOSED), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '0:12-0:13');
  assert.match(f[0].message, /The block of 'global_defs' is never closed/);
});

test('balanced braces, one-line blocks and braces in quotes or comments are fine', () => {
  assert.deepEqual(only(findings(instance()), RULE), []);
  assert.deepEqual(only(findings(conf('global_defs { router_id lb01 }')), RULE), []);
  assert.deepEqual(only(findings(conf('vrrp_script chk {', '    script "/bin/echo }"  # }', '}')), RULE), []);
  assert.deepEqual(only(findings(conf('vrrp_instance VI_1', '{', '    interface eth0', '    virtual_router_id 1', '}')), RULE), []);
});

test('keepalived reports the same braces', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(EXTRA)!.lines.includes("Line 4: Extra '}' found"));
  const unclosed = keepalivedCheck(UNCLOSED)!;
  assert.ok(unclosed.lines.some((l) => /There are 1 missing '\}'s or extra '\{'s/.test(l)));
  assert.equal(unclosed.status, 5);
});

test("a block whose '}' is missing before the next top-level block: the misplaced keyword's fix adds it there", () => {
  const text = conf(
    'vrrp_instance VI_1 {',
    '    interface eth0',
    '    virtual_router_id 51',
    '    virtual_ipaddress {',
    '        10.0.0.1',
    '    }',
    '',
    '# the second instance',
    'vrrp_instance VI_2 {',
    '    interface eth0',
    '    virtual_router_id 52',
    '    virtual_ipaddress {',
    '        10.0.0.2',
    '    }',
    '}',
  );
  // keepalived ignores VI_2's '{', so VI_2's '}' ends VI_1: the brace count balances
  const f = only(findings(text), 'misplaced-keyword');
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].fixes?.map((x) => [x.title, x.preferred]), [["Add '}' before line 7 (to end 'vrrp_instance VI_1' before 'vrrp_instance')", true]]);
  const fixed = applyFix(text, f[0]);
  assert.equal(fixed, text.replace('    }\n\n# the second', '    }\n}\n\n# the second'));
  assert.deepEqual(findings(fixed), []);
});

test('an unclosed block at the end of the file: the fix appends the brace, indented like the block', () => {
  const text = 'global_defs {\n    router_id lb01';
  const f = only(findings(text), RULE);
  assert.equal(f[0].fixes?.length, 1);
  assert.equal(applyFix(text, f[0]), 'global_defs {\n    router_id lb01\n}\n');
  assert.deepEqual(only(findings(applyFix(text, f[0])), RULE), []);
});
