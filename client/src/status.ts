// The status bar item of keepalived editors: how many peers the file has, or how many
// mismatches its clusters have. A click shows the cluster overview.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './compare';
import { type ClusterStore, mismatchesOf } from './overview';
import { type ServerApi } from './server-api';

export class PeerStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('keepalived.peers', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];
  private generation = 0;

  constructor(
    private readonly server: ServerApi,
    private readonly store: ClusterStore,
  ) {
    this.item.name = 'Keepalived Peers';
    this.item.command = 'keepalived.showClusters';
    this.subscriptions = [
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      store.onDidChange(() => void this.update()),
    ];
    void this.update();
  }

  /** Recomputes the item for the active editor; resolves once it is shown (or hidden). */
  async update(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const [peers, clusters] = await Promise.all([this.server.peers(doc.uri).catch(() => undefined), this.store.get()]);
    // a newer update started meanwhile (another editor, another change)
    if (generation !== this.generation) return;
    const mismatches = mismatchesOf(clusters, doc.uri);
    const rel = vscode.workspace.asRelativePath(doc.uri);
    if (mismatches.length) {
      this.item.text = `$(warning) ${mismatches.length} mismatch${mismatches.length === 1 ? '' : 'es'}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      const md = new vscode.MarkdownString(`**Keepalived**: ${rel} and its peers disagree:\n\n`);
      for (const m of mismatches.slice(0, 10)) {
        md.appendMarkdown(`- \`${m.code}\` `);
        md.appendText(m.message.replace(/\n/g, ' '));
        md.appendMarkdown('\n');
      }
      if (mismatches.length > 10) md.appendMarkdown(`- … ${mismatches.length - 10} more\n`);
      md.appendMarkdown('\nClick to show the clusters.');
      this.item.tooltip = md;
    } else {
      this.item.backgroundColor = undefined;
      if (peers === undefined) {
        this.item.text = '$(server) keepalived';
        this.item.tooltip = 'Keepalived: the language server has not reported the peers of this file yet. Click to show the clusters.';
      } else {
        this.item.text = `$(server) keepalived: ${peers.length ? `${peers.length} peer${peers.length === 1 ? '' : 's'}` : 'no peers'}`;
        this.item.tooltip = peers.length
          ? `Keepalived: ${rel} has the peer${peers.length === 1 ? '' : 's'} ${peers.map((p) => p.label).join(', ')}. Click to show the clusters.`
          : `Keepalived: no other file shares an instance with ${rel}. Click to show the clusters.`;
      }
    }
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
