// The benchmark's summary table: PASS/MISS against each target, and README's Markdown rows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatMarkdown, formatSummary, formatValue, status, type Figure } from '../../../bench/summary';

const figures: Figure[] = [
  { label: 'CLI vs `keepalived -t -f`', value: 2.654, unit: 'x', target: 1.5, detail: '1062 vs 400 ms' },
  { label: 'CLI peak RSS', value: 98.4, unit: 'MiB', target: 120 },
  { label: 'completion p95', value: 20, unit: 'ms', target: 20, detail: 'p50 4.2' },
  { label: 'edit → peer p95', value: undefined, unit: 'ms', target: 50 },
  { label: 'time growth a|b', value: 4.567, unit: 'µs/line' },
];

test('status: PASS at or under the target, MISS over it, n/a without a value, blank without a target', () => {
  assert.deepEqual(figures.map(status), ['MISS', 'PASS', 'PASS', 'n/a', '']);
  assert.equal(status({ label: 'x', value: NaN, unit: 'ms', target: 1 }), 'n/a');
});

test('values carry their unit, rounded as far as the measurement deserves', () => {
  assert.equal(formatValue(2.654, 'x'), '2.65×');
  assert.equal(formatValue(98.4, 'MiB'), '98 MiB');
  assert.equal(formatValue(0.3123, 'KB/line'), '0.31 KB/line');
  assert.equal(formatValue(4.25, 'ms'), '4.3 ms');
  assert.equal(formatValue(123.4, 'ms'), '123 ms');
  assert.equal(formatValue(undefined, 'ms'), 'n/a');
});

test('the text summary has a header and one aligned row per figure', () => {
  const lines = formatSummary(figures).split('\n');
  assert.equal(lines.length, figures.length + 1);
  assert.match(lines[0], /^figure\s+measured\s+target$/);
  assert.match(lines[1], /^CLI vs `keepalived -t -f`\s+2\.65× \(1062 vs 400 ms\)\s+≤ 1\.5×\s+MISS$/);
  assert.match(lines[4], /^edit → peer p95\s+n\/a\s+≤ 50 ms\s+n\/a$/);
  // The measured column starts at the same place on every row.
  const col = lines[0].indexOf('measured');
  const measured = ['2.65×', '98 MiB', '20 ms', 'n/a', '4.57 µs/line'];
  measured.forEach((m, i) => assert.equal(lines[i + 1].indexOf(m), col, lines[i + 1]));
});

test('the Markdown rows are a table README can take as is, with | escaped inside cells', () => {
  const md = formatMarkdown(figures).split('\n');
  assert.deepEqual(md.slice(0, 2), ['| | measured | target | |', '|---|---|---|---|']);
  assert.equal(md[2], '| CLI vs `keepalived -t -f` | 2.65× (1062 vs 400 ms) | ≤ 1.5× | MISS |');
  assert.equal(md[4], '| completion p95 | 20 ms (p50 4.2) | ≤ 20 ms | PASS |');
  assert.equal(md[5], '| edit → peer p95 | n/a | ≤ 50 ms | n/a |');
  assert.equal(md[6], '| time growth a\\|b | 4.57 µs/line |  |  |');
});
