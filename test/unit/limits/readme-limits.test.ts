// README's "Limits" table states the values of server/src/limits.ts: the two stay in step.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as L from '../../../server/src/limits';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const table = readme.slice(readme.indexOf('## Limits'), readme.indexOf('## Peers'));

const n = (x: number) => x.toLocaleString('en-US');

test('every bound of limits.ts is in README with its value', () => {
  const rows: [string, string][] = [
    ['file size', `${L.MAX_FILE_BYTES / 1048576} MiB`],
    ['distinct included files per node', n(L.MAX_INCLUDED_FILES)],
    ['include expansions per node', n(L.MAX_INCLUDE_EXPANSIONS)],
    ['include nesting', n(L.MAX_INCLUDE_DEPTH)],
    ['expansion per node', `${n(L.MAX_EXPANSION_CHARS)} characters`],
    ['repetitions of one line', n(L.MAX_REPEAT)],
    ['findings kept per node', n(L.MAX_FINDINGS_PER_NODE)],
    ['findings published per file', n(L.MAX_FINDINGS_PER_FILE)],
    ['related locations per peer finding', n(L.MAX_RELATED_PER_FINDING)],
    ['--max-problems', n(L.DEFAULT_MAX_PROBLEMS)],
    ['analysis time per node', `${n(L.ANALYSIS_TIME_BUDGET_MS)} ms`],
    ['formatter indentation', `${L.MAX_INDENT_DEPTH} levels`],
    ['nesting of answers', `${L.MAX_ANSWER_NESTING} levels`],
  ];
  for (const [what, value] of rows) {
    const row = table.split('\n').find((l) => l.startsWith('|') && l.includes(what));
    assert.ok(row, `no README row for ${what}`);
    assert.ok(row.split('|')[2].trim() === value || row.split('|')[2].trim().startsWith(value + ' '), `${what}: README says '${row.split('|')[2].trim()}', limits.ts ${value}`);
  }
  const exported = Object.keys(L).length;
  assert.equal(rows.length, exported, 'a new limit needs a README row');
});
