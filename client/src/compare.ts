// "Compare with Peer" and "Compare as Keepalived Peers": a diff of two nodes' files, with the
// expected differences and the mismatches marked (diff-decorations.ts). The server finds the
// peers, aligns and classifies the lines and names the nodes; without it there is nothing to show.
import * as vscode from 'vscode';
import { PeerDiffDecorations } from './diff-decorations';
import { type CompareResult, type PeerNode, type ServerApi } from './server-api';

export const LANGUAGE_ID = 'keepalived';

/** What the user is told when the language server does not answer. */
export const NO_SERVER = 'Keepalived: the language server is not running, so peers cannot be found or compared (Keepalived: Restart Language Server starts it again).';

/** The file a command is about: its argument (explorer, editor title, overview item) or the active editor's. */
export function commandTarget(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (arg && typeof arg === 'object' && 'uri' in arg) {
    const uri = (arg as { uri: unknown }).uri;
    if (uri instanceof vscode.Uri) return uri;
    if (typeof uri === 'string') return vscode.Uri.parse(uri);
  }
  const editor = vscode.window.activeTextEditor;
  if (editor) return editor.document.uri;
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputText) return input.uri;
  if (input instanceof vscode.TabInputTextDiff) return input.original;
  return undefined;
}

export class PeerCompare implements vscode.Disposable {
  readonly decorations: PeerDiffDecorations;

  constructor(private readonly server: ServerApi) {
    this.decorations = new PeerDiffDecorations(server);
  }

  register(): vscode.Disposable[] {
    return [
      vscode.commands.registerCommand('keepalived.compareWithPeer', (arg?: unknown) => this.compareWithPeer(arg)),
      vscode.commands.registerCommand('keepalived.compareAsPeers', (uri?: vscode.Uri, uris?: vscode.Uri[]) => this.compareAsPeers(uri, uris)),
    ];
  }

  async compareWithPeer(arg?: unknown): Promise<void> {
    const uri = commandTarget(arg);
    if (!uri) {
      void vscode.window.showErrorMessage('Keepalived: open a keepalived.conf to compare it with its peer.');
      return;
    }
    let peers: PeerNode[];
    try {
      peers = await this.server.peers(uri);
    } catch {
      this.tell(NO_SERVER);
      return;
    }
    const rel = vscode.workspace.asRelativePath(uri);
    let peer: vscode.Uri | undefined;
    if (peers.length === 1) {
      peer = vscode.Uri.parse(peers[0].uri);
    } else if (peers.length > 1) {
      const pick = await vscode.window.showQuickPick(
        peers.map((p) => ({
          label: p.label,
          description: vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri)),
          detail: p.instances.length ? `shares ${p.instances.join(', ')}` : undefined,
          peer: p,
        })),
        { title: `Compare ${rel} with peer`, placeHolder: 'Peer node' },
      );
      if (pick) peer = vscode.Uri.parse(pick.peer.uri);
      else return;
    } else {
      const choice = await vscode.window.showWarningMessage(
        `Keepalived: no peer of ${rel} found (no other file shares an instance or a router id with it; see the keepalived.clusters setting).`,
        'Choose File…',
      );
      if (choice) peer = (await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Compare', defaultUri: vscode.Uri.joinPath(uri, '..', '..') }))?.[0];
    }
    if (peer) await this.openDiff(uri, peer);
  }

  async compareAsPeers(uri?: vscode.Uri, uris?: vscode.Uri[]): Promise<void> {
    const selected = uris && uris.length ? uris : uri ? [uri] : [];
    if (selected.length === 1) return this.compareWithPeer(selected[0]);
    if (selected.length !== 2) {
      void vscode.window.showErrorMessage(`Keepalived: select two files to compare as peers (${selected.length} selected).`);
      return;
    }
    await this.openDiff(selected[0], selected[1]);
  }

  /** The last message shown about the server not answering (for tests). */
  notice: string | undefined;

  private tell(message: string): void {
    this.notice = message;
    void vscode.window.showWarningMessage(message);
  }

  /** Opens the diff of two nodes' files, titled with the nodes' labels, and marks its lines. */
  async openDiff(left: vscode.Uri, right: vscode.Uri): Promise<void> {
    let result: CompareResult;
    try {
      result = await this.server.compare(left, right);
    } catch {
      this.tell(NO_SERVER);
      return;
    }
    this.notice = undefined;
    const title = `${result.left.label} ↔ ${result.right.label} (keepalived peers)`;
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: false });
    this.decorations.show(left, right, result);
  }

  dispose(): void {
    this.decorations.dispose();
  }
}
