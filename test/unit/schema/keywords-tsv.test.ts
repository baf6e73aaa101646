// The schema knows every keyword keepalived registers (test/fixtures/keepalived-keywords.tsv, a list
// extracted from keepalived's parser source: see its header), each in its block, with an args array
// and documentation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA } from '../../../server/src/schema';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The rows of a fixture table, without its `#` header comment and its column names. */
function rows(name: string): string[][] {
  const [, ...lines] = readFileSync(FIXTURES + name, 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('#') && l.trim() !== '');
  return lines.map((l) => l.split('\t'));
}

test('every (path, keyword) of keepalived-keywords.tsv is in the schema, with args and a doc', () => {
  const table = rows('keepalived-keywords.tsv');
  assert.ok(table.length > 500, `only ${table.length} rows`);
  const problems: string[] = [];
  for (const [path, keyword] of table) {
    const spec = SCHEMA.lookup(path, keyword);
    const where = `${path || '(top level)'} ${keyword}`;
    if (!spec) problems.push(`${where}: missing`);
    else {
      if (!Array.isArray(spec.args)) problems.push(`${where}: no args array`);
      if (typeof spec.doc !== 'string' || spec.doc.trim() === '') problems.push(`${where}: empty doc`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the blocks of keepalived-blocks.tsv open the same kind of block in the schema', () => {
  const table = rows('keepalived-blocks.tsv');
  assert.ok(table.length > 40, `only ${table.length} rows`);
  const problems: string[] = [];
  for (const [path, kind] of table) {
    const spec = SCHEMA.blockAt(path);
    const want = kind === 'value_block' ? 'values' : 'subkeywords';
    if (!spec) problems.push(`${path}: no block`);
    else if (spec.block !== want) problems.push(`${path}: ${spec.block}, keepalived: ${want}`);
  }
  assert.deepEqual(problems, []);
});

test('every schema entry is well-formed', () => {
  const seen = new Set<string>();
  for (const s of SCHEMA.all) {
    const key = `${s.path}\u0000${s.keyword}`;
    assert.ok(!seen.has(key), `duplicate ${s.path} ${s.keyword}`);
    seen.add(key);
    assert.ok(Array.isArray(s.args), s.keyword);
    assert.ok(s.doc.trim().length > 0, s.keyword);
    // Only the last argument may repeat.
    s.args.forEach((a, i) => assert.ok(!a.repeat || i === s.args.length - 1, `${s.keyword} ${a.name}`));
    if (s.block === 'values') assert.ok(s.valueLine || s.valueLineForms?.length, `${s.path} ${s.keyword}: value block without a line grammar`);
    if (s.path) assert.ok(SCHEMA.blockAt(s.path), `${s.keyword}: no block opens ${s.path}`);
  }
});
