// Builds peer fixtures: node files held in memory under /cluster/<node>/keepalived.conf.
import { checkFiles } from '../../../server/src/analysis/check-files';
import type { Finding, Fix } from '../../../server/src/rules/finding';
import { pathToUri } from '../../../server/src/workspace/include-resolver';

export type Nodes = Record<string, string>;

export function pathOf(node: string): string {
  return `/cluster/${node}/keepalived.conf`;
}

export function uriOf(node: string): string {
  return pathToUri(pathOf(node));
}

/** The nodes checked as one cluster (`--one-cluster`): the peer rules' tests do not depend on how files are grouped. */
export function check(nodes: Nodes): Finding[] {
  return checkFiles(new Map(Object.entries(nodes).map(([n, t]) => [pathOf(n), t])), { oneCluster: true });
}

export function only(findings: Finding[], code: string, node?: string): Finding[] {
  return findings.filter((f) => f.code === code && (!node || f.uri === uriOf(node)));
}

/** A vrrp_instance with the usual keywords; `extra` lines are added inside it. */
export function instance(opts: {
  name?: string;
  state?: string;
  priority?: number | null;
  vrid?: number;
  iface?: string;
  vips?: string[];
  auth?: string | null;
  extra?: string[];
}): string {
  const lines = [`vrrp_instance ${opts.name ?? 'VI_1'} {`];
  if (opts.state) lines.push(`    state ${opts.state}`);
  lines.push(`    interface ${opts.iface ?? 'eth1'}`);
  lines.push(`    virtual_router_id ${opts.vrid ?? 55}`);
  if (opts.priority !== null) lines.push(`    priority ${opts.priority ?? 100}`);
  lines.push('    advert_int 1');
  if (opts.auth !== null) lines.push('    authentication {', '        auth_type PASS', `        auth_pass ${opts.auth ?? '1111'}`, '    }');
  for (const e of opts.extra ?? []) lines.push(`    ${e}`);
  lines.push('    virtual_ipaddress {');
  for (const v of opts.vips ?? ['192.168.31.5/24']) lines.push(`        ${v}`);
  lines.push('    }', '}');
  return lines.join('\n') + '\n';
}

export function node(routerId: string, ...instances: string[]): string {
  return `global_defs {\n    router_id ${routerId}\n}\n\n${instances.join('\n')}`;
}

/** Applies a fix to the in-memory nodes and returns the new set. */
export function applyFix(nodes: Nodes, fix: Fix): Nodes {
  const out = { ...nodes };
  for (const [name, text] of Object.entries(nodes)) {
    const edits = fix.edits.filter((e) => e.uri === uriOf(name));
    if (!edits.length) continue;
    const lines = text.split('\n');
    const off = (l: number, c: number) => lines.slice(0, l).reduce((n, s) => n + s.length + 1, 0) + c;
    let t = text;
    for (const e of [...edits].sort((a, b) => off(b.range.start.line, b.range.start.character) - off(a.range.start.line, a.range.start.character))) {
      t = t.slice(0, off(e.range.start.line, e.range.start.character)) + e.newText + t.slice(off(e.range.end.line, e.range.end.character));
    }
    out[name] = t;
  }
  return out;
}

/** The standard valid pair: lb01 MASTER 150, lb02 BACKUP 100. */
export function goodPair(): Nodes {
  return {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150 })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 })),
  };
}
