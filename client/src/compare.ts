// "Compare with Peer" and "Compare as Keepalived Peers": a diff of two nodes' files, with the
// expected differences and the mismatches marked (diff-decorations.ts).
import * as vscode from 'vscode';
import { instanceKeys } from './conf-lines';
import { PeerDiffDecorations } from './diff-decorations';
import { type PeerNode, type ServerApi, sameUri } from './server-api';

export const LANGUAGE_ID = 'keepalived';
const DEFAULT_FILES = ['**/keepalived.conf', '**/keepalived.conf.*', '**/keepalived/**/*.conf'];

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

async function readText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => sameUri(d.uri, uri));
  if (open) return open.getText();
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/**
 * Peers found without the server: the workspace's keepalived files that share a vrrp_instance
 * name or a virtual_router_id with this one.
 */
async function peersByScan(uri: vscode.Uri): Promise<PeerNode[]> {
  const mine = instanceKeys(await readText(uri));
  const globs = vscode.workspace.getConfiguration('keepalived', uri).get<string[]>('files') ?? DEFAULT_FILES;
  const found = new Map<string, vscode.Uri>();
  for (const glob of globs) {
    for (const u of await vscode.workspace.findFiles(glob, '**/node_modules/**', 500)) found.set(u.toString(), u);
  }
  const peers: PeerNode[] = [];
  for (const u of found.values()) {
    if (sameUri(u, uri)) continue;
    const text = await readText(u).catch(() => '');
    const theirs = instanceKeys(text);
    const shared = mine.names.filter((n) => theirs.names.includes(n));
    if (shared.length || mine.vrids.some((v) => theirs.vrids.includes(v))) peers.push({ uri: u.toString(), label: vscode.workspace.asRelativePath(u), instances: shared });
  }
  return peers;
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
      peers = await peersByScan(uri);
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
        `Keepalived: no peer of ${rel} found (no other file shares a vrrp_instance or virtual_router_id; see the keepalived.clusters setting).`,
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

  /** Opens the diff of two nodes' files and marks its lines; the nodes are named by the server. */
  async openDiff(left: vscode.Uri, right: vscode.Uri): Promise<void> {
    // Without the server there is no label rule here: the files' paths name them.
    const labels = await this.server.nodeLabels([left, right]).catch(() => [left, right].map((u) => vscode.workspace.asRelativePath(u)));
    const title = `${labels[0]} ↔ ${labels[1]} (keepalived peers)`;
    await vscode.commands.executeCommand('vscode.diff', left, right, title, { preview: false });
    await this.decorations.show(left, right);
  }

  dispose(): void {
    this.decorations.dispose();
  }
}
