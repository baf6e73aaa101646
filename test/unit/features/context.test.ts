import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursorContext } from '../../../server/src/features/context';
import { at, URI } from './helpers';

function ctx(marked: string, files?: Record<string, string>, uri = URI) {
  const { m, pos } = at(marked, files);
  return cursorContext(m, uri, pos);
}

test('context: top level keyword position', () => {
  const c = ctx('glob|');
  assert.equal(c.path, '');
  assert.equal(c.block, undefined);
  assert.equal(c.place, 'keyword');
  assert.equal(c.prefix, 'glob');
  assert.equal(c.index, 0);
});

test('context: keyword inside vrrp_instance, argument after it', () => {
  let c = ctx('vrrp_instance VI_1 {\n  state MASTER\n  pri|\n}\n');
  assert.equal(c.path, 'vrrp_instance');
  assert.equal(c.block?.keyword.value, 'vrrp_instance');
  assert.equal(c.place, 'keyword');
  c = ctx('vrrp_instance VI_1 {\n  state M|\n}\n');
  assert.equal(c.place, 'argument');
  assert.equal(c.index, 1);
  assert.equal(c.prefix, 'M');
  assert.equal(c.statement?.keyword.value, 'state');
  assert.deepEqual(c.prefixRange, { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } });
  c = ctx('vrrp_instance VI_1 {\n  state |\n}\n');
  assert.equal(c.place, 'argument');
  assert.equal(c.prefix, '');
});

test('context: on the keyword line of a block, before its brace, the block is not entered', () => {
  const c = ctx('vrrp_instance VI|_1 {\n}\n');
  assert.equal(c.path, '');
  assert.equal(c.place, 'argument');
});

test('context: nested blocks and value blocks', () => {
  let c = ctx('vrrp_instance VI_1 {\n  authentication {\n    auth|\n  }\n}\n');
  assert.equal(c.path, 'vrrp_instance/authentication');
  c = ctx('vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24 |\n  }\n}\n');
  assert.equal(c.inValueBlock, true);
  assert.equal(c.place, 'value');
  assert.equal(c.index, 1);
  assert.equal(c.block?.keyword.value, 'virtual_ipaddress');
  assert.equal(c.valueLine?.words[0].value, '10.0.0.1/24');
  c = ctx('vrrp_instance VI_1 {\n  virtual_ipaddress { 10.0.0.1| }\n}\n');
  assert.equal(c.place, 'value');
  assert.equal(c.prefix, '10.0.0.1');
});

test('context: an unknown keyword\'s braces do not open a block (as in keepalived)', () => {
  const c = ctx('vrrp_instance VI_1 {\n  bogus {\n    sta|\n  }\n}\n');
  assert.equal(c.path, 'vrrp_instance');
});

test('context: @ID condition, comments, definitions', () => {
  let c = ctx('vrrp_instance VI_1 {\n@lb01 prio|\n}\n');
  assert.equal(c.condition?.value, '@lb01');
  assert.equal(c.place, 'keyword');
  assert.equal(c.prefix, 'prio');
  c = ctx('vrrp_instance VI_1 { # a comm|ent\n}\n');
  assert.equal(c.place, 'comment');
  c = ctx('$IF=eth|0\n');
  assert.equal(c.place, 'definition');
});

test('context: an included file read inside a block uses that block', () => {
  const files = { 'inst.conf': 'state MASTER\npriority 100\n' };
  const { m } = at('vrrp_instance VI_1 {\n  include inst.conf\n|}\n', files);
  const c = cursorContext(m, 'file:///etc/keepalived/inst.conf', { line: 1, character: 3 });
  assert.equal(c.path, 'vrrp_instance');
  assert.equal(c.block?.keyword.value, 'vrrp_instance');
});
