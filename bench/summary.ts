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

/** The targets of issue 14 ("Interactive at any size"). */
export const TARGETS = {
  cliRatio: 1.5,
  cliRssMiB: 120,
  rssKbPerLine: 0.3,
  completionP95Ms: 20,
  editDiagnosticsP95Ms: 50,
  workspaceFirstDiagnosticsMs: 300,
  workspacePeerP95Ms: 50,
  workspaceRssMiB: 150,
} as const;

interface Percentiles {
  p50: number;
  p95: number;
}

/** What the sections measured; a section that did not run is absent, one that failed is null. */
export interface Results {
  large?: { lines: number; ratio?: number; oursMs: number; kaMs?: number; rssMiB?: number; kaRssMiB?: number } | null;
  sizes?: { rows: { lines: number }[]; kbPerLine: number; usPerLine: number; kaUsPerLine?: number } | null;
  lsp?: { lines: number; completion: Percentiles; diagnostics: Percentiles; rssMiB?: number } | null;
  workspace?: { nodes: number; firstDiagnosticsMs: number; peer: Percentiles; rssMiB?: number } | null;
}

const p50 = (l: Percentiles | undefined) => (l ? `p50 ${l.p50.toFixed(1)}` : undefined);
const k = (lines: number) => `${Math.round(lines / 1000)}k`;

/** The summary's rows, in the order of the issue's table, for the sections that ran. */
export function figuresOf(r: Results): Figure[] {
  const out: Figure[] = [];
  if (r.large !== undefined) {
    const l = r.large ?? undefined;
    out.push(
      { label: `CLI on the ${l ? `${k(l.lines)}-line` : 'large'} config vs \`keepalived -t -f\` (medians of interleaved runs)`, value: l?.ratio, unit: 'x', target: TARGETS.cliRatio, detail: l?.kaMs ? `${l.oursMs.toFixed(0)} vs ${l.kaMs.toFixed(0)} ms` : undefined },
      { label: 'CLI peak RSS on it', value: l?.rssMiB, unit: 'MiB', target: TARGETS.cliRssMiB, detail: l?.kaRssMiB ? `keepalived: ${l.kaRssMiB.toFixed(0)} MiB` : undefined },
    );
  }
  if (r.sizes !== undefined) {
    const s = r.sizes ?? undefined;
    const span = s ? `${k(s.rows[0].lines)} → ${k(s.rows[s.rows.length - 1].lines)} lines` : 'by size';
    out.push(
      { label: `CLI peak RSS growth per line (${span})`, value: s?.kbPerLine, unit: 'KB/line', target: TARGETS.rssKbPerLine },
      { label: `CLI time growth per line (${span})`, value: s?.usPerLine, unit: 'µs/line', detail: s?.kaUsPerLine !== undefined ? `keepalived: ${s.kaUsPerLine.toFixed(2)}` : undefined },
    );
  }
  if (r.lsp !== undefined) {
    const l = r.lsp ?? undefined;
    const f = l ? `${(l.lines / 1000).toFixed(1)}k-line file` : '~5k-line file';
    out.push(
      { label: `completion right after a keystroke, ${f}, p95`, value: l?.completion.p95, unit: 'ms', target: TARGETS.completionP95Ms, detail: p50(l?.completion) },
      { label: 'keystroke → fresh diagnostics, without the debounce, p95', value: l?.diagnostics.p95, unit: 'ms', target: TARGETS.editDiagnosticsP95Ms, detail: p50(l?.diagnostics) },
      { label: `server peak RSS, ${f}`, value: l?.rssMiB, unit: 'MiB' },
    );
  }
  if (r.workspace !== undefined) {
    const w = r.workspace ?? undefined;
    const n = `${w ? w.nodes : 500}-node workspace`;
    out.push(
      { label: `${n}: initialize → first diagnostics of the opened file`, value: w?.firstDiagnosticsMs, unit: 'ms', target: TARGETS.workspaceFirstDiagnosticsMs },
      { label: `${n}: edit → peer's diagnostics, without the debounce, p95`, value: w?.peer.p95, unit: 'ms', target: TARGETS.workspacePeerP95Ms, detail: p50(w?.peer) },
      { label: `${n}: server peak RSS`, value: w?.rssMiB, unit: 'MiB', target: TARGETS.workspaceRssMiB },
    );
  }
  return out;
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
