import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkModel } from '../../../server/src/analysis/analyze';
import { readText } from '../../../server/src/model/read';
import { MAX_EXPANSION_CHARS, MAX_INCLUDED_FILES, MAX_INCLUDE_DEPTH } from '../../../server/src/limits';
import { analyze, at, conf, findings, MEMORY_URI, only } from '../../helpers/analyze';

const RULE = 'limit-reached';

test('an expansion over the budget: one warning on the line where it stopped, the line read as written', () => {
  const text = conf(`$A=${'x'.repeat(1000)}`, 'global_defs {', `    router_id ${'${A}'.repeat(MAX_EXPANSION_CHARS / 1000 + 1)}`, '}');
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range).split('-')[0], '2:4');
  assert.match(f[0].message, /expansion stopped here: it would produce more than 1,000,000 characters/);
});

test('a self-doubling definition stops at the budget, without a string longer than it', () => {
  const m = readText(conf('$X=$X $X $X $X', '$X'), MEMORY_URI);
  const longest = Math.max(0, ...m.interp.all.map((s) => s.args.length));
  assert.ok(longest * 2 < MAX_EXPANSION_CHARS);
});

test('includes nested deeper than the limit: the include where it stopped says so', () => {
  const files: Record<string, string> = {};
  for (let i = 1; i <= MAX_INCLUDE_DEPTH + 2; i++) files[`d${i}.conf`] = `include d${i + 1}.conf\n`;
  const r = analyze(conf('include d1.conf'), { files });
  const f = only(r.findings, RULE);
  assert.equal(f.length, 1);
  assert.match(f[0].message, new RegExp(`Includes nest deeper than ${MAX_INCLUDE_DEPTH} files here`));
  assert.ok(f[0].uri.endsWith(`d${MAX_INCLUDE_DEPTH}.conf`), f[0].uri);
  assert.deepEqual(only(r.findings, 'include-not-found'), [], 'a truncated include is not reported as matching nothing');
});

test('more distinct included files than the limit: the files past it are not read', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < MAX_INCLUDED_FILES + 5; i++) files[`conf.d/f${String(i).padStart(4, '0')}.conf`] = `vrrp_script s${i} {\n    script "x"\n}\n`;
  const r = analyze(conf('include conf.d/*.conf'), { files });
  assert.equal(r.model.interp.files.length, MAX_INCLUDED_FILES);
  const f = only(r.findings, RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '0:0-0:7');
  assert.match(f[0].message, new RegExp(`already includes ${MAX_INCLUDED_FILES} files`));
});

test('the time budget: past the deadline the reading stops and the skipped checks are named', () => {
  const text = conf(...Array.from({ length: 20000 }, (_, i) => `vrrp_script s${i} {\n    script "x"\n}`));
  const model = readText(text, MEMORY_URI, { deadline: Date.now() - 1 });
  assert.ok(model.interp.all.length < 20000, 'the reading stopped early');
  const f = checkModel(model, { deadline: Date.now() - 1 });
  const hits = only(f, RULE);
  assert.ok(hits.some((x) => /The analysis time budget ran out here: this line and the rest/.test(x.message)));
  assert.ok(hits.some((x) => /these checks did not run on this file: .*unknown-keyword/.test(x.message)));
});
