// Clusters for the failover tests: nodes in memory (see ../peer/pair.ts), read as the CLI reads them.
import { clustersOfFiles } from '../../../server/src/analysis/check-files';
import { clusterFailover, type InstanceFailover } from '../../../server/src/failover/model';
import { cell, holderText } from '../../../server/src/features/failover';
import { pathOf, type Nodes } from '../peer/pair';

export function failover(nodes: Nodes): InstanceFailover[] {
  return clustersOfFiles(new Map(Object.entries(nodes).map(([n, t]) => [pathOf(n), t]))).flatMap(clusterFailover);
}

/** The table of one instance: scenario → "lb01 130, lb02 100 → lb01" ("!" marks an ineffective failure). */
export function table(nodes: Nodes, instance = 'VI_1'): Record<string, string> {
  const f = failover(nodes).find((x) => x.name === instance);
  if (!f) throw new Error(`no failover for ${instance}`);
  return Object.fromEntries(
    f.scenarios.map((s) => [s.text, `${s.outcomes.map((o) => `${o.node} ${cell(o)}`).join(', ')} → ${holderText(s)}${s.ineffective ? ' !' : ''}`]),
  );
}

/** A vrrp_script definition. */
export function script(name: string, weight?: string): string {
  return [`vrrp_script ${name} {`, `    script "/usr/bin/pgrep ${name}"`, '    interval 2', ...(weight !== undefined ? [`    weight ${weight}`] : []), '}', ''].join('\n');
}

/** `track_script { lines }` as instance extra lines. */
export function tracks(keyword: string, ...lines: string[]): string[] {
  return [`${keyword} {`, ...lines.map((l) => `    ${l}`), '}'];
}
