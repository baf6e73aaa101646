// The benchmark's arithmetic: what the report's medians, percentiles and growth figures mean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { growth, interleave, median, percentile } from '../../../bench/stats';

test('median: the middle sample, or the mean of the two middle ones; order does not matter', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([7]), 7);
  assert.ok(Number.isNaN(median([])));
});

test('percentile: nearest rank, so p95 of 20 samples is the 19th smallest and p100 the largest', () => {
  const xs = Array.from({ length: 20 }, (_, i) => 20 - i); // 20..1, unsorted on purpose
  assert.equal(percentile(xs, 95), 19);
  assert.equal(percentile(xs, 50), 10);
  assert.equal(percentile(xs, 100), 20);
  assert.equal(percentile(xs, 0), 1);
  assert.equal(percentile([3, 1, 2], 95), 3);
  assert.ok(Number.isNaN(percentile([], 95)));
});

test('interleave: an untimed round first, then a, b, a, b...; the samples of each command in order', () => {
  const calls: string[] = [];
  let n = 0;
  const cmd = (name: string) => () => {
    calls.push(name);
    return `${name}${n++}`;
  };
  const [a, b] = interleave([cmd('a'), cmd('b')], 3);
  assert.deepEqual(calls, ['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
  assert.deepEqual(a, ['a2', 'a4', 'a6']);
  assert.deepEqual(b, ['b3', 'b5', 'b7']);
  calls.length = 0;
  interleave([cmd('x')], 2, 0);
  assert.deepEqual(calls, ['x', 'x']);
});

test('growth: the slope between the smallest and the largest x, whatever the order of the points', () => {
  // 40 MiB at 1,000 lines, 140 MiB at 251,000 lines: 100 MiB over 250,000 lines = 0.4096 KB/line.
  const points = [
    { x: 251_000, y: 140 * 1024 },
    { x: 1_000, y: 40 * 1024 },
    { x: 50_000, y: 90 * 1024 },
  ];
  assert.equal(growth(points), (100 * 1024) / 250_000);
  assert.ok(Number.isNaN(growth([{ x: 1, y: 1 }])));
  assert.ok(Number.isNaN(growth([{ x: 1, y: 1 }, { x: 1, y: 2 }])));
});
