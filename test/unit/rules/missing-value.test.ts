import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, instance, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'missing-value';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const TEXT = instance(['    priority']);

test('a keyword without its value is an error on the keyword', () => {
  const f = only(findings(TEXT), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '6:4-6:12');
  assert.match(f[0].message, /'priority' \(PRIORITY\) needs a value: an integer 1\.\.255/);
});

test('an option without its value is an error on the option', () => {
  const f = only(findings(instance([], { vip: '10.0.0.1/24 dev' })), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '4:20-4:23');
  assert.match(f[0].message, /option 'dev' of 'virtual_ipaddress' needs a value: an interface name/);
});

test('values present, and flags that take none, are fine', () => {
  assert.deepEqual(only(findings(instance(['    priority 100', '    nopreempt', '    state BACKUP'])), RULE), []);
  assert.deepEqual(only(findings(instance([], { vip: '10.0.0.1/24 dev eth0' })), RULE), []);
});

test('keepalived rejects the line', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(TEXT)!.lines.some((l) => l.startsWith('Line 7:') && /missing a parameter/.test(l)));
  assert.ok(keepalivedCheck(instance([], { vip: '10.0.0.2 dev' }))!.lines.some((l) => /No dev parameter specified/.test(l)));
});

test('a global value keyword without value', () => {
  const f = only(findings(conf('global_defs {', '    router_id', '}')), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '1:4-1:13');
});
