// The "Keepalived Clusters" view in the explorer: clusters → instances → nodes, with the peer
// mismatches the server found. Refreshed when the server says the clusters changed.
import * as vscode from 'vscode';
import { type Mismatch, countable, plural, problemLine, severityIcon, uniqueProblems, worstSeverity } from './peer-problems';
import { type ClusterInstance, type ClusterMember, type ClusterView, type FailoverRow, type ServerApi, sameUri } from './server-api';

export const VIEW_ID = 'keepalivedClusters';

/** The server's clusters, fetched once per change and shared by the view and the status bar. */
export class ClusterStore implements vscode.Disposable {
  private current: Promise<ClusterView[]> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly server: ServerApi) {
    this.subscription = server.onClustersChanged(() => this.refresh());
  }

  /** The clusters; an empty list when the server cannot tell. */
  get(): Promise<ClusterView[]> {
    this.current ??= this.server.clusters().catch(() => []);
    return this.current;
  }

  refresh(): void {
    this.current = undefined;
    this.changed.fire();
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

export type OverviewNode =
  | { kind: 'cluster'; cluster: ClusterView }
  | { kind: 'instance'; cluster: ClusterView; instance: ClusterInstance }
  | { kind: 'member'; cluster: ClusterView; instance: ClusterInstance; member: ClusterMember; uri: string }
  /** Who holds the VIP in each failover scenario, as the server computed it. */
  | { kind: 'failover'; cluster: ClusterView; instance: ClusterInstance }
  | { kind: 'scenario'; cluster: ClusterView; instance: ClusterInstance; row: FailoverRow };

function mismatchTooltip(title: string, mismatches: readonly Mismatch[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${title}**\n\n`);
  if (!mismatches.length) md.appendMarkdown('No mismatches between the peers.');
  for (const m of mismatches) md.appendMarkdown(`${problemLine(m)}\n`);
  return md;
}

/** The problem icon of the worst severity among `mismatches`, or `otherwise` when there is none. */
function problemIcon(mismatches: readonly Mismatch[], otherwise: vscode.ThemeIcon): vscode.ThemeIcon {
  const worst = worstSeverity(countable(mismatches));
  if (!worst) return otherwise;
  const { id, color } = severityIcon(worst);
  return new vscode.ThemeIcon(id, new vscode.ThemeColor(color));
}

const byName = (a: string, b: string): number => a.localeCompare(b, undefined, { numeric: true });

const warningIcon = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));

/** `→ lb01 · lb01 130, lb02 100` */
export function scenarioDescription(row: FailoverRow): string {
  return `→ ${row.holder} · ${row.priorities.map((p) => `${p.node} ${p.value}`).join(', ')}`;
}

function failoverItem(node: { cluster: ClusterView; instance: ClusterInstance }): vscode.TreeItem {
  const rows = node.instance.failover;
  const weak = rows.filter((r) => r.ineffective).length;
  const item = new vscode.TreeItem('Failover', vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `failover:${node.cluster.id}:${node.instance.name}`;
  item.description = `${rows.length} scenario${rows.length === 1 ? '' : 's'}${weak ? ` · ${weak} where the VIP does not move` : ''}`;
  item.iconPath = weak ? warningIcon : new vscode.ThemeIcon('arrow-swap');
  item.tooltip = 'Who holds the VIP in normal operation, with each node stopped and with each tracked item failing on each node.';
  item.contextValue = 'keepalivedFailover';
  return item;
}

function scenarioItem(node: { cluster: ClusterView; instance: ClusterInstance; row: FailoverRow }): vscode.TreeItem {
  const r = node.row;
  const item = new vscode.TreeItem(r.scenario, vscode.TreeItemCollapsibleState.None);
  item.id = `scenario:${node.cluster.id}:${node.instance.name}:${r.scenario}`;
  item.description = scenarioDescription(r);
  item.iconPath = r.ineffective ? warningIcon : new vscode.ThemeIcon(r.scenario === 'normal' ? 'pass' : 'debug-step-over');
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${node.instance.name}: ${r.scenario}**\n\n`);
  md.appendText(`Holder: ${r.holder}. Priorities: ${r.priorities.map((p) => `${p.node} ${p.value}`).join(', ')}.`);
  for (const n of r.notes) {
    md.appendMarkdown('\n- ');
    md.appendText(n);
  }
  item.tooltip = md;
  item.contextValue = r.ineffective ? 'keepalivedScenarioIneffective' : 'keepalivedScenario';
  if (r.at) {
    const at = new vscode.Position(r.at.line, r.at.character);
    item.command = { title: 'Go to Tracked Item', command: 'vscode.open', arguments: [vscode.Uri.parse(r.at.uri), { selection: new vscode.Range(at, at), preview: true }] };
  }
  return item;
}

export class ClusterOverview implements vscode.TreeDataProvider<OverviewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<OverviewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<OverviewNode>;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: ClusterStore) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions = [
      this.view,
      this.changed,
      store.onDidChange(() => this.changed.fire(undefined)),
      vscode.commands.registerCommand('keepalived.refreshClusters', () => store.refresh()),
      vscode.commands.registerCommand('keepalived.showClusters', () => vscode.commands.executeCommand(`${VIEW_ID}.focus`)),
      vscode.commands.registerCommand('keepalived.revealInClusters', (uri?: vscode.Uri) => this.reveal(uri ?? vscode.window.activeTextEditor?.document.uri)),
    ];
    this.updateMessage();
  }

  private updateMessage(): void {
    void this.store.get().then((clusters) => {
      const problems = clusters.reduce((n, c) => n + c.problems, 0);
      this.view.badge = problems ? { value: problems, tooltip: `${plural(problems, 'peer mismatch', 'es')} (each counted once)` } : undefined;
    });
  }

  async getChildren(node?: OverviewNode): Promise<OverviewNode[]> {
    if (!node) {
      this.updateMessage();
      return (await this.store.get()).map((cluster) => ({ kind: 'cluster', cluster }));
    }
    if (node.kind === 'cluster') return node.cluster.instances.map((instance) => ({ kind: 'instance', cluster: node.cluster, instance }));
    if (node.kind === 'instance') {
      // the MASTER (highest priority) first
      const members = [...node.instance.members].sort((a, b) => b.priority - a.priority || byName(a.node, b.node));
      const out: OverviewNode[] = members.map((member) => ({ kind: 'member', cluster: node.cluster, instance: node.instance, member, uri: member.uri }));
      if (node.instance.failover?.length) out.push({ kind: 'failover', cluster: node.cluster, instance: node.instance });
      return out;
    }
    if (node.kind === 'failover') return node.instance.failover.map((row) => ({ kind: 'scenario', cluster: node.cluster, instance: node.instance, row }));
    return [];
  }

  getParent(node: OverviewNode): OverviewNode | undefined {
    if (node.kind === 'member' || node.kind === 'failover') return { kind: 'instance', cluster: node.cluster, instance: node.instance };
    if (node.kind === 'scenario') return { kind: 'failover', cluster: node.cluster, instance: node.instance };
    if (node.kind === 'instance') return { kind: 'cluster', cluster: node.cluster };
    return undefined;
  }

  getTreeItem(node: OverviewNode): vscode.TreeItem {
    if (node.kind === 'cluster') {
      const c = node.cluster;
      const item = new vscode.TreeItem(c.nodes.map((n) => n.label).sort(byName).join(' ↔ ') || c.id, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `cluster:${c.id}`;
      const problems = uniqueProblems(c.instances.flatMap((i) => i.mismatches));
      item.description = `${plural(c.instances.length, 'instance')}${c.problems ? ` · ${plural(c.problems, 'mismatch', 'es')}` : ''}`;
      item.iconPath = problemIcon(problems, new vscode.ThemeIcon('server-environment'));
      item.tooltip = mismatchTooltip(`Cluster of ${c.nodes.map((n) => `${n.label} (${vscode.workspace.asRelativePath(vscode.Uri.parse(n.uri))})`).join(', ')}`, problems);
      item.contextValue = 'keepalivedCluster';
      return item;
    }
    if (node.kind === 'instance') {
      const i = node.instance;
      const item = new vscode.TreeItem(i.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `instance:${node.cluster.id}:${i.name}`;
      const vrid = i.members.find((m) => m.vrid !== undefined)?.vrid;
      item.description = [vrid !== undefined ? `VRID ${vrid}` : undefined, i.problems ? plural(i.problems, 'mismatch', 'es') : undefined].filter(Boolean).join(' · ');
      item.iconPath = problemIcon(i.mismatches, new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')));
      item.tooltip = mismatchTooltip(`${i.name} (vrrp instance)`, uniqueProblems(i.mismatches));
      item.contextValue = 'keepalivedInstance';
      return item;
    }
    if (node.kind === 'failover') return failoverItem(node);
    if (node.kind === 'scenario') return scenarioItem(node);
    const m = node.member;
    const uri = vscode.Uri.parse(m.uri);
    const own = node.instance.mismatches.filter((x) => sameUri(x.uri, uri));
    const item = new vscode.TreeItem(m.node, vscode.TreeItemCollapsibleState.None);
    item.id = `member:${node.cluster.id}:${node.instance.name}:${m.uri}`;
    item.description = m.summary;
    item.iconPath = problemIcon(own, new vscode.ThemeIcon(m.state === 'MASTER' ? 'star-full' : 'server'));
    item.tooltip = mismatchTooltip(`${m.node}: ${vscode.workspace.asRelativePath(uri)}, line ${m.line + 1}`, own);
    item.contextValue = 'keepalivedNode';
    const at = new vscode.Position(m.line, m.character);
    item.command = { title: 'Go to Instance', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(at, at), preview: true }] };
    return item;
  }

  /** Shows, selects and focuses the node of `uri` (its first instance) in the view. */
  async reveal(uri: vscode.Uri | undefined): Promise<OverviewNode | undefined> {
    if (!uri) return vscode.commands.executeCommand(`${VIEW_ID}.focus`).then(() => undefined);
    for (const cluster of await this.store.get()) {
      for (const instance of cluster.instances) {
        const member = instance.members.find((m) => sameUri(m.uri, uri));
        if (!member) continue;
        const node: OverviewNode = { kind: 'member', cluster, instance, member, uri: member.uri };
        await this.view.reveal(node, { select: true, focus: true, expand: true });
        return node;
      }
    }
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    return undefined;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
