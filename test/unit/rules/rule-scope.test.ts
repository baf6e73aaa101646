// Each single-file rule says whether its findings for a top-level block depend on that block
// alone (scope 'block') or on the whole file ('file'; and a block rule's checkFile part). The
// classification is held here: on every case of the streaming tests, a block rule run on the
// model of each top-level block alone (as the reader leaves it, keepalived's state carried in)
// reports exactly what it reports on the whole file, and the file-wide parts report on the
// compact model what they report on the whole model.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkStream } from '../../../server/src/analysis/stream-check';
import type { ConfigModel } from '../../../server/src/model/types';
import { readText } from '../../../server/src/model/read';
import { textUnits } from '../../../server/src/parser/root-units';
import { FILE_RULES } from '../../../server/src/rules';
import { reporter, type FileRule, type Report } from '../../../server/src/rules/rule';
import { SCHEMA } from '../../../server/src/schema';
import { DEFAULT_TARGET_VERSION } from '../../../server/src/schema/version';
import { FsIncludeResolver, pathToUri } from '../../../server/src/workspace/include-resolver';
import { writeTree } from '../../helpers/analyze';
import { streamCases } from '../analysis/stream-cases';

function reports(rule: FileRule, part: 'check' | 'checkFile', model: ConfigModel): string[] {
  const out: string[] = [];
  const report = reporter((r: Report) => out.push(JSON.stringify([r.uri, r.range, r.severity, r.message, r.related ?? null, r.fixes ?? null, r.tags ?? null])));
  const ctx = { model, schema: SCHEMA, target: DEFAULT_TARGET_VERSION, report };
  if (part === 'check') rule.check(ctx);
  else rule.checkFile?.(ctx);
  return out.sort();
}

test('every single-file rule declares its scope', () => {
  for (const r of FILE_RULES) assert.ok(r.scope === 'block' || r.scope === 'file', r.id);
  // The rules that compare blocks or read names defined anywhere cannot run block by block.
  const file = FILE_RULES.filter((r) => r.scope === 'file').map((r) => r.id);
  for (const id of ['duplicate-vrid', 'duplicate-definition', 'undefined-reference', 'auth-ignored']) assert.ok(file.includes(id), id);
  const split = FILE_RULES.filter((r) => r.checkFile).map((r) => r.id);
  assert.deepEqual(split.sort(), ['duplicate-keyword', 'missing-required']);
});

const cases = streamCases();
const fired = new Set<string>();

for (const c of cases) {
  test(`rule scopes hold: ${c.name}`, () => {
    const dir = writeTree(c.files);
    const path = join(dir, c.main);
    const uri = pathToUri(path);
    const text = c.files[c.main];
    const whole = readText(text, uri, { includes: new FsIncludeResolver() });
    const chunks: ConfigModel[] = [];
    const { model: compact } = checkStream(uri, text, textUnits(text, uri, 0), {
      includes: new FsIncludeResolver(),
      check: false,
      batchWords: 1,
      onChunk: (m) => chunks.push(m),
    });
    for (const rule of FILE_RULES) {
      const expected = reports(rule, 'check', whole);
      if (expected.length) fired.add(rule.id);
      const got = rule.scope === 'block' ? chunks.flatMap((m) => reports(rule, 'check', m)).sort() : reports(rule, 'check', compact);
      assert.deepEqual(got, expected, `${rule.id} (${rule.scope})`);
      if (rule.checkFile) assert.deepEqual(reports(rule, 'checkFile', compact), reports(rule, 'checkFile', whole), `${rule.id} checkFile`);
    }
  });
}

test('the cases make every rule report something, so that each classification is tested', () => {
  const silent = FILE_RULES.map((r) => r.id).filter((id) => !fired.has(id));
  assert.deepEqual(silent, []);
});
