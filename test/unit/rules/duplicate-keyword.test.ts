import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, instance, only } from '../../helpers/analyze';

const RULE = 'duplicate-keyword';

test('a single-valued keyword set twice in one block is a warning on the second', () => {
  const f = only(findings(instance(['    priority 100', '    priority 90'])), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '7:4-7:12');
  assert.match(f[0].message, /'priority' is already set in vrrp_instance VI_1 \(line 7\); keepalived uses this later one/);
  assert.equal(at(f[0].related![0].range), '6:4-6:12');
});

test('in global_defs too', () => {
  const f = only(findings(conf('global_defs {', '    router_id a', '    router_id b', '}')), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '2:4-2:13');
  assert.match(f[0].message, /already set in global_defs/);
});

test('@a priority and @b priority never apply together', () => {
  assert.deepEqual(only(findings(instance(['@a  priority 100', '@b  priority 90'])), RULE), []);
  assert.deepEqual(only(findings(instance(['@a  priority 100', '@^a priority 90'])), RULE), []);
});

test('a conditional line and an unconditional one do clash', () => {
  assert.equal(only(findings(instance(['    priority 100', '@b  priority 90'])), RULE).length, 1);
});

test('repeatable keywords and keywords in different blocks are fine', () => {
  const two = instance(['    priority 100'], { name: 'VI_1' }) + instance(['    priority 100'], { name: 'VI_2', vrid: 52 });
  assert.deepEqual(only(findings(two), RULE), []);
  assert.deepEqual(only(findings(conf('static_ipaddress {', '    10.0.0.1/24 dev eth0', '    10.0.0.2/24 dev eth0', '}')), RULE), []);
});
