// The failover tables as an operator reads them: markdown for the hover, plain text and JSON for
// the CLI, rows for the Clusters view. Pure functions of the failover model.
import { holderName } from '../failover/election';
import type { InstanceFailover, NodeOutcome, Scenario } from '../failover/model';
import type { FailoverRow } from '../protocol';

/** A node's cell: its priority, or why it cannot hold the VIP. */
export function cell(o: NodeOutcome): string {
  return o.state === 'stopped' ? 'down' : o.state === 'fault' ? 'FAULT' : String(o.priority);
}

/** "lb01", "tie (lb01, lb02)" or "none". */
export function holderText(s: Scenario): string {
  const h = s.holder;
  return h.kind === 'node' ? h.node : h.kind === 'tie' ? `tie (${h.nodes.join(', ')})` : 'none';
}

const STAYS = 'the VIP does not move';

/** One row per scenario, for the Clusters view. */
export function failoverRows(f: InstanceFailover): FailoverRow[] {
  return f.scenarios.map((s) => ({
    scenario: s.text,
    priorities: s.outcomes.map((o) => ({ node: o.node, value: cell(o) })),
    holder: holderText(s),
    ineffective: s.ineffective,
    notes: s.ineffective ? [STAYS, ...s.notes] : s.notes,
    at: s.tracker && !s.tracker.entry.origin ? { uri: s.tracker.entry.uri, ...s.tracker.entry.range.start } : undefined,
  }));
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The hover's table: one line per scenario, ineffective ones marked. */
export function failoverMarkdown(f: InstanceFailover): string {
  const nodes = f.scenarios[0]?.outcomes.map((o) => o.node) ?? [];
  const head = `**Failover of ${f.name}**${f.vrid !== undefined ? ` (VRID ${f.vrid})` : ''}: priority after each event, and who holds the VIP`;
  const lines = [head, '', `| scenario | ${nodes.map(escapeCell).join(' | ')} | holder |`, `|---|${nodes.map(() => '---:').join('|')}|---|`];
  for (const s of f.scenarios) {
    const mark = s.ineffective ? ` ⚠ ${STAYS}` : '';
    const notes = s.notes.length ? ` (${s.notes.join('; ')})` : '';
    lines.push(`| ${escapeCell(s.text)} | ${s.outcomes.map(cell).join(' | ')} | **${escapeCell(holderText(s))}**${escapeCell(mark + notes)} |`);
  }
  return lines.join('\n');
}

/** `keepalived-lint --failover` text: a table per instance. */
export function failoverText(list: readonly InstanceFailover[]): string {
  const blocks: string[] = [];
  for (const f of list) {
    const nodes = f.scenarios[0]?.outcomes.map((o) => o.node) ?? [];
    const rows = f.scenarios.map((s) => [s.text, ...s.outcomes.map(cell), holderText(s), [s.ineffective ? `! ${STAYS}` : '', ...s.notes].filter(Boolean).join('; ')]);
    const header = ['scenario', ...nodes, 'holder', ''];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const fmt = (r: string[]) => `  ${r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')}`.trimEnd();
    blocks.push([`${f.name}${f.vrid !== undefined ? ` (VRID ${f.vrid})` : ''}`, fmt(header), ...rows.map(fmt)].join('\n'));
  }
  return blocks.join('\n\n');
}

/** `keepalived-lint --failover --format json`: priority 0 for a node that is stopped or in FAULT (VRRP's "not taking part"). */
export function failoverJson(list: readonly InstanceFailover[]): object {
  return {
    failover: list.map((f) => ({
      instance: f.name,
      vrid: f.vrid ?? null,
      scenarios: f.scenarios.map((s) => ({
        what: s.what,
        node: s.node ?? null,
        track: s.track ?? null,
        priorities: Object.fromEntries(s.outcomes.map((o) => [o.node, o.state === 'up' ? o.priority : 0])),
        holder: holderName(s.holder),
      })),
    })),
  };
}
