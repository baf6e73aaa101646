// The benchmark's summary table: PASS/MISS against each target, and README's Markdown rows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figuresOf, formatMarkdown, formatSummary, formatValue, status, TARGETS, type Figure } from '../../../bench/summary';

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

test("the summary holds each figure of the issue against the issue's target, in the issue's order", () => {
  const figs = figuresOf({
    large: { lines: 265_298, ratio: 1.2, oursMs: 360, kaMs: 300, rssMiB: 100, kaRssMiB: 26 },
    sizes: { rows: [{ lines: 1022 }, { lines: 249_995 }], kbPerLine: 0.35, usPerLine: 1.4, kaUsPerLine: 1.1 },
    lsp: { lines: 4956, completion: { p50: 5, p95: 12 }, diagnostics: { p50: 20, p95: 60 }, rssMiB: 90 },
    workspace: { nodes: 500, firstDiagnosticsMs: 250, peer: { p50: 10, p95: 30 }, rssMiB: 140 },
  });
  const targeted = figs.filter((f) => f.target !== undefined);
  assert.deepEqual(
    targeted.map((f) => f.target),
    [1.5, 120, 0.3, 20, 50, 300, 50, 150],
  );
  assert.deepEqual(Object.values(TARGETS), [1.5, 120, 0.3, 20, 50, 300, 50, 150]);
  assert.deepEqual(targeted.map(status), ['PASS', 'PASS', 'MISS', 'PASS', 'MISS', 'PASS', 'PASS', 'PASS']);
  assert.equal(figs[0].label, 'CLI on the 265k-line config vs `keepalived -t -f` (medians of interleaved runs)');
  assert.equal(figs[0].detail, '360 vs 300 ms');
  assert.equal(figs[2].label, 'CLI peak RSS growth per line (1k → 250k lines)');
  assert.equal(figs[4].label, 'completion right after a keystroke, 5.0k-line file, p95');
  assert.equal(figs[4].detail, 'p50 5.0');
});

test('a section that did not run has no rows; one that failed has rows that say n/a', () => {
  const figs = figuresOf({ lsp: null });
  assert.equal(figs.length, 3);
  assert.deepEqual(figs.map(status), ['n/a', 'n/a', '']);
  assert.match(figs[0].label, /~5k-line file/);
  assert.deepEqual(figuresOf({}), []);
});
