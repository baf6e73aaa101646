// The benchmark's closing table: each figure of issue 14's "Must show" against its target, as
// text for the terminal and as Markdown rows for README's Performance section. Pure functions.

export interface Figure {
  /** What was measured, as the table's first column says it. */
  label: string;
  /** undefined when the section did not run or failed. */
  value: number | undefined;
  unit: 'x' | 'MiB' | 'KB/line' | 'µs/line' | 'ms';
  /** At most this much passes; no target: a figure shown for reference. */
  target?: number;
  /** More about the value (another percentile, the reference's own figure). */
  detail?: string;
}

export type Status = 'PASS' | 'MISS' | 'n/a' | '';

export function status(f: Figure): Status {
  if (f.target === undefined) return '';
  if (f.value === undefined || !Number.isFinite(f.value)) return 'n/a';
  return f.value <= f.target ? 'PASS' : 'MISS';
}

/** A value with its unit, rounded as far as the measurement deserves. */
export function formatValue(value: number | undefined, unit: Figure['unit']): string {
  if (value === undefined || !Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'x':
      return `${value.toFixed(2)}×`;
    case 'KB/line':
      return `${value.toFixed(2)} KB/line`;
    case 'µs/line':
      return `${value.toFixed(2)} µs/line`;
    case 'MiB':
      return `${value.toFixed(0)} MiB`;
    case 'ms':
      return `${value < 10 ? value.toFixed(1) : value.toFixed(0)} ms`;
  }
}

/** A target as the issue states it: the number as given, with its unit. */
export function formatTarget(target: number, unit: Figure['unit']): string {
  return unit === 'x' ? `≤ ${target}×` : `≤ ${target} ${unit}`;
}

function cells(f: Figure): [string, string, string, string] {
  const measured = formatValue(f.value, f.unit) + (f.detail && f.value !== undefined ? ` (${f.detail})` : '');
  return [f.label, measured, f.target === undefined ? '' : formatTarget(f.target, f.unit), status(f)];
}

/** The summary as aligned text columns. */
export function formatSummary(figures: readonly Figure[]): string {
  const rows = [['figure', 'measured', 'target', ''], ...figures.map(cells)];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell)).join('  ').trimEnd()).join('\n');
}

/** README's table: a header, then one row per figure (`|` inside a cell is escaped). */
export function formatMarkdown(figures: readonly Figure[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return ['| | measured | target | |', '|---|---|---|---|', ...figures.map((f) => `| ${cells(f).map(esc).join(' | ')} |`)].join('\n');
}
