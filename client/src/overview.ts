// The "Keepalived Clusters" view in the explorer: clusters → instances → nodes, with the peer
// mismatches the server found. Refreshed when the server says the clusters changed.
import * as vscode from 'vscode';
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

/** Mismatches of the clusters that `uri` is a member of. */
export function mismatchesOf(clusters: ClusterView[], uri: vscode.Uri): ClusterInstance['mismatches'] {
  return clusters.flatMap((c) => c.instances.filter((i) => i.members.some((m) => sameUri(m.uri, uri))).flatMap((i) => i.mismatches));
}

export type OverviewNode =
  | { kind: 'cluster'; cluster: ClusterView }
  | { kind: 'instance'; cluster: ClusterView; instance: ClusterInstance }
  | { kind: 'member'; cluster: ClusterView; instance: ClusterInstance; member: ClusterMember; uri: string }
  /** Who holds the VIP in each failover scenario, as the server computed it. */
  | { kind: 'failover'; cluster: ClusterView; instance: ClusterInstance }
  | { kind: 'scenario'; cluster: ClusterView; instance: ClusterInstance; row: FailoverRow };

function mismatchTooltip(title: string, mismatches: ClusterInstance['mismatches']): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${title}**\n\n`);
  if (!mismatches.length) md.appendMarkdown('No mismatches between the peers.');
  for (const m of mismatches) {
    md.appendMarkdown(`- \`${m.code}\` `);
    md.appendText(m.message.replace(/\n/g, ' '));
    md.appendMarkdown('\n');
  }
  return md;
}

const byName = (a: string, b: string): number => a.localeCompare(b, undefined, { numeric: true });

const errorIcon = new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
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
    ];
    this.updateMessage();
  }

  private updateMessage(): void {
    void this.store.get().then((clusters) => {
      const problems = clusters.reduce((n, c) => n + c.problems, 0);
      this.view.badge = problems ? { value: problems, tooltip: `${problems} peer mismatch${problems === 1 ? '' : 'es'}` } : undefined;
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
      item.description = `${c.instances.length} instance${c.instances.length === 1 ? '' : 's'}${c.problems ? ` · ${c.problems} mismatch${c.problems === 1 ? '' : 'es'}` : ''}`;
      item.iconPath = c.problems ? errorIcon : new vscode.ThemeIcon('server-environment');
      item.tooltip = mismatchTooltip(`Cluster of ${c.nodes.map((n) => `${n.label} (${vscode.workspace.asRelativePath(vscode.Uri.parse(n.uri))})`).join(', ')}`, c.instances.flatMap((i) => i.mismatches));
      item.contextValue = 'keepalivedCluster';
      return item;
    }
    if (node.kind === 'instance') {
      const i = node.instance;
      const item = new vscode.TreeItem(i.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `instance:${node.cluster.id}:${i.name}`;
      const vrid = i.members.find((m) => m.vrid !== undefined)?.vrid;
      item.description = [vrid !== undefined ? `VRID ${vrid}` : undefined, i.mismatches.length ? `${i.mismatches.length} mismatch${i.mismatches.length === 1 ? '' : 'es'}` : undefined].filter(Boolean).join(' · ');
      item.iconPath = i.mismatches.length ? errorIcon : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
      item.tooltip = mismatchTooltip(`VRRP instance ${i.name}`, i.mismatches);
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
    item.iconPath = own.length ? errorIcon : new vscode.ThemeIcon(m.state === 'MASTER' ? 'star-full' : 'server');
    item.tooltip = mismatchTooltip(`${m.node}: ${vscode.workspace.asRelativePath(uri)}, line ${m.line + 1}`, own);
    item.contextValue = 'keepalivedNode';
    const at = new vscode.Position(m.line, m.character);
    item.command = { title: 'Go to Instance', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(at, at), preview: true }] };
    return item;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
