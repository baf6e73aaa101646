// The status bar item of keepalived editors: how many peers the file has, or how many
// mismatches its clusters have (each problem once, seen from this file). A click shows this
// node in the cluster overview.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './compare';
import type { ClusterStore } from './overview';
import { countable, plural, problemLine, problemPlain, problemsOfFile, worstSeverity } from './peer-problems';
import { type ServerApi, sameUri } from './server-api';

/** Registered by the cluster overview: reveals and selects a file's node. */
export const REVEAL_COMMAND = 'keepalived.revealInClusters';

export class PeerStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('keepalived.peers', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];
  private generation = 0;

  constructor(
    private readonly server: ServerApi,
    private readonly store: ClusterStore,
  ) {
    this.item.name = 'Keepalived Peers';
    this.item.command = REVEAL_COMMAND;
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
    const mismatches = countable(problemsOfFile(clusters, (u) => sameUri(u, doc.uri)));
    const rel = vscode.workspace.asRelativePath(doc.uri);
    this.item.command = { title: 'Show in Keepalived Clusters', command: REVEAL_COMMAND, arguments: [doc.uri] };
    if (mismatches.length) {
      const severity = worstSeverity(mismatches);
      this.item.text = `$(${severity === 'error' ? 'error' : 'warning'}) ${plural(mismatches.length, 'mismatch', 'es')}`;
      this.item.backgroundColor = new vscode.ThemeColor(severity === 'error' ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground');
      const md = new vscode.MarkdownString(`**Keepalived**: ${rel} and its peers disagree (each problem once; "here" in it is the node named before it):\n\n`);
      for (const m of mismatches.slice(0, 10)) md.appendMarkdown(`${problemLine(m)}\n`);
      if (mismatches.length > 10) md.appendMarkdown(`- … ${mismatches.length - 10} more\n`);
      md.appendMarkdown('\nClick to show this node in the clusters view.');
      this.item.tooltip = md;
      this.item.accessibilityInformation = {
        label: `Keepalived: ${plural(mismatches.length, 'mismatch', 'es')} between ${rel} and its peers. ${mismatches.slice(0, 10).map(problemPlain).join('. ')}`,
      };
    } else {
      this.item.backgroundColor = undefined;
      if (peers === undefined) {
        this.item.text = '$(server) keepalived';
        this.item.tooltip = 'Keepalived: the language server has not reported the peers of this file yet. Click to show the clusters.';
      } else {
        this.item.text = `$(server) keepalived: ${peers.length ? plural(peers.length, 'peer') : 'no peers'}`;
        this.item.tooltip = peers.length
          ? `Keepalived: ${rel} has the peer${peers.length === 1 ? '' : 's'} ${peers.map((p) => p.label).join(', ')}. Click to show this node in the clusters view.`
          : `Keepalived: no other file shares an instance with ${rel}. Click to show the clusters.`;
      }
      this.item.accessibilityInformation = { label: this.item.tooltip };
    }
    this.item.show();
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
