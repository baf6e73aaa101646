// The measurement behind completion's ranking (tools/keyword-usage.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keywordUsage } from '../../../tools/keyword-usage';

test('a keyword counts once per block that writes it, keyed by its block path', () => {
  const a = 'vrrp_instance A {\n  priority 100\n  priority 150\n  state MASTER\n}\nvrrp_instance B {\n  priority 90\n}\n';
  const b = 'global_defs {\n  router_id x\n}\nvrrp_instance C {\n  state BACKUP\n  bogus 1\n}\n';
  const counts = keywordUsage([a, b]);
  assert.equal(counts.get('vrrp_instance/priority'), 2, 'A (twice) and B');
  assert.equal(counts.get('vrrp_instance/state'), 2);
  assert.equal(counts.get('vrrp_instance'), 2, 'one per file at top level');
  assert.equal(counts.get('global_defs/router_id'), 1);
  assert.equal(counts.has('vrrp_instance/bogus'), false, 'unknown keywords are not counted');
});
