// Every rule has its own test file (single-file rules here, peer rules in ../peer), and the
// tables are well-formed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { ALL_RULES, FILE_RULES } from '../../../server/src/rules';
import { PEER_RULES } from '../../../server/src/rules/peer';

test('every rule in FILE_RULES has test/unit/rules/<rule-id>.test.ts', () => {
  const missing = FILE_RULES.map((r) => r.id).filter((id) => !existsSync(new URL(`./${id}.test.ts`, import.meta.url)));
  assert.deepEqual(missing, []);
});

test('every rule in PEER_RULES has test/unit/peer/<rule-id>.test.ts', () => {
  const missing = PEER_RULES.map((r) => r.id).filter((id) => !existsSync(new URL(`../peer/${id}.test.ts`, import.meta.url)));
  assert.deepEqual(missing, []);
});

test('rule ids are unique kebab-case, with a severity and a description; peer rules are named peer-…', () => {
  const ids = ALL_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of PEER_RULES) assert.match(r.id, /^peer-/);
  for (const r of ALL_RULES) {
    assert.match(r.id, /^[a-z]+(?:-[a-z]+)*$/);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(r.severity), r.id);
    assert.ok(r.description.length > 10, r.id);
  }
});
