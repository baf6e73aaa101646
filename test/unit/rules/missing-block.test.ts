import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'missing-block';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const SUB = conf('vrrp_instance VI_1', '    interface eth0', '    virtual_router_id 1', '}');
const VALUES = conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 1', '    virtual_ipaddress', '        10.0.0.1', '    }', '}');

test("a keyword block without '{' is an error on the keyword", () => {
  const f = only(findings(SUB), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '0:0-0:13');
  assert.match(f[0].message, /'vrrp_instance' opens a block but no '\{' follows: keepalived reads the next lines as its keywords/);
});

test("a value block without '{' is a warning", () => {
  const f = only(findings(VALUES), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '3:4-3:21');
  assert.match(f[0].message, /as its values up to the next '\}'/);
});

test("a '{' on the next line, or after a comment line, still opens the block", () => {
  assert.deepEqual(only(findings(conf('vrrp_instance VI_1', '# comment', '{', '    interface eth0', '    virtual_router_id 1', '}')), RULE), []);
  assert.deepEqual(only(findings(conf('global_defs { router_id a }')), RULE), []);
});

test("keepalived says the '{' is missing", { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(SUB)!.lines.some((l) => /Missing '\{' at beginning of configuration block/.test(l)));
});
