// Every single-file rule has its own test file here, and the table is well-formed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { FILE_RULES } from '../../../server/src/rules';

test('every rule in FILE_RULES has test/unit/rules/<rule-id>.test.ts', () => {
  const missing = FILE_RULES.map((r) => r.id).filter((id) => !existsSync(new URL(`./${id}.test.ts`, import.meta.url)));
  assert.deepEqual(missing, []);
});

test('rule ids are unique kebab-case, with a severity and a description', () => {
  const ids = FILE_RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const r of FILE_RULES) {
    assert.match(r.id, /^[a-z]+(?:-[a-z]+)*$/);
    assert.ok(['error', 'warning', 'information', 'hint'].includes(r.severity), r.id);
    assert.ok(r.description.length > 10, r.id);
  }
});
