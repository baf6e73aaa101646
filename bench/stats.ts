// The arithmetic of the benchmark report: medians, percentiles, interleaved runs, growth per line.
// Pure functions, unit-tested (test/unit/bench/).

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The nearest-rank percentile (p in 0..100): the smallest sample with at least p% of them at or below it. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * s.length);
  return s[Math.max(0, rank - 1)];
}

/**
 * Runs each of `commands` `runs` times in turn (a, b, a, b, ...), so that the machine's load
 * hits them alike, after `warmup` untimed rounds; returns the samples per command, in order.
 */
export function interleave<T>(commands: readonly (() => T)[], runs: number, warmup = 1): T[][] {
  for (let w = 0; w < warmup; w++) for (const c of commands) c();
  const out: T[][] = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach((c, k) => out[k].push(c()));
  return out;
}

/** The slope between the smallest and the largest of `points` (by x): Δy / Δx. */
export function growth(points: readonly { x: number; y: number }[]): number {
  if (points.length < 2) return NaN;
  const s = [...points].sort((a, b) => a.x - b.x);
  const lo = s[0];
  const hi = s[s.length - 1];
  return hi.x === lo.x ? NaN : (hi.y - lo.y) / (hi.x - lo.x);
}
