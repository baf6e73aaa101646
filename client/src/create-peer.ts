// "Create Peer Config": writes the BACKUP node's file from the active MASTER node's file and
// opens it. The text is the server's (features/peer-config.ts, from the parsed model).
// It never writes over a file without our own confirmation naming it, and when the node has a
// peer already it says so and offers the diff with it instead.
import * as vscode from 'vscode';
import type { PeerCompare } from './compare';
import { commandTarget } from './compare';
import type { PeerNode, ServerApi } from './server-api';

/** Arguments that skip the prompts (for scripts and tests). */
export interface CreatePeerOptions {
  routerId?: string;
  target?: vscode.Uri;
  /** Replace `target` if it exists; without it an existing target is refused. */
  overwrite?: boolean;
}

export function registerCreatePeer(compare: PeerCompare, server: ServerApi): vscode.Disposable {
  return vscode.commands.registerCommand('keepalived.createPeerConfig', (arg?: unknown, options?: CreatePeerOptions) =>
    createPeerConfig(compare, server, arg, options),
  );
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `lb02 (lb02/keepalived.conf)`. */
export function peerNames(peers: readonly PeerNode[]): string {
  return peers.map((p) => `${p.label} (${vscode.workspace.asRelativePath(vscode.Uri.parse(p.uri))})`).join(', ');
}

/** Where the new node's file goes by default: beside the source's folder, in a folder named after it, never onto a file that exists. */
export async function defaultTarget(source: vscode.Uri, routerId: string): Promise<vscode.Uri> {
  const base = source.path.split('/').pop() ?? 'keepalived.conf';
  let target = vscode.Uri.joinPath(source, '..', '..', routerId, base);
  for (let n = 2; (await exists(target)) && n < 100; n++) target = vscode.Uri.joinPath(source, '..', '..', `${routerId}-${n}`, base);
  return target;
}

/** The user's own "yes" to replacing `target`, which names it and what it holds. */
async function confirmReplace(target: vscode.Uri, peers: readonly PeerNode[]): Promise<boolean> {
  const rel = vscode.workspace.asRelativePath(target);
  const peer = peers.find((p) => vscode.Uri.parse(p.uri).toString() === target.toString());
  const detail = peer ? `It is the configuration of ${peer.label}, this node's peer: replacing it loses that node's settings.` : 'Its contents are replaced by the new configuration.';
  const choice = await vscode.window.showWarningMessage(`Keepalived: ${rel} exists. Replace it?`, { modal: true, detail }, 'Replace');
  return choice === 'Replace';
}

async function createPeerConfig(compare: PeerCompare, server: ServerApi, arg: unknown, options: CreatePeerOptions = {}): Promise<vscode.Uri | undefined> {
  const source = commandTarget(arg);
  if (!source) {
    void vscode.window.showErrorMessage('Keepalived: open the MASTER node\'s keepalived.conf first.');
    return undefined;
  }
  const scripted = options.target !== undefined || options.routerId !== undefined;
  // Opened so that the server reads the editor's text, unsaved changes included.
  await vscode.workspace.openTextDocument(source);
  const peers = await server.peers(source).catch((): PeerNode[] => []);
  if (peers.length && !scripted) {
    const rel = vscode.workspace.asRelativePath(source);
    const compareLabel = peers.length === 1 ? `Compare with ${peers[0].label}` : 'Compare with Peer';
    const choice = await vscode.window.showWarningMessage(
      `Keepalived: ${rel} already has ${peers.length === 1 ? 'a peer' : `${peers.length} peers`}: ${peerNames(peers)}. Compare with it instead of creating another node?`,
      compareLabel,
      'Create Another Peer',
    );
    if (choice === compareLabel) {
      if (peers.length === 1) await compare.openDiff(source, vscode.Uri.parse(peers[0].uri));
      else await compare.compareWithPeer(source);
      return undefined;
    }
    if (choice !== 'Create Another Peer') return undefined;
  }

  let draft;
  try {
    draft = await server.createPeer(source, options.routerId);
  } catch (e) {
    void vscode.window.showErrorMessage(`Keepalived: cannot create the peer config: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  const oldId = draft.sourceRouterId ?? draft.sourceLabel;

  const routerId =
    options.routerId ??
    (await vscode.window.showInputBox({
      title: 'Keepalived: Create Peer Config',
      prompt: `Router id of the BACKUP node (this node is ${oldId})`,
      value: draft.routerId,
      validateInput: (v) => (/^\S+$/.test(v) ? (v === oldId ? 'The peer needs a router id of its own.' : undefined) : 'One word, without spaces.'),
    }));
  if (!routerId) return undefined;

  const result = routerId === draft.routerId ? draft : await server.createPeer(source, routerId);
  const target =
    options.target ??
    (await vscode.window.showSaveDialog({
      title: `Save the configuration of ${routerId}`,
      saveLabel: 'Create Peer Config',
      defaultUri: await defaultTarget(source, routerId),
      filters: { 'keepalived configuration': ['conf'], 'All files': ['*'] },
    }));
  if (!target) return undefined;
  if (target.toString() === source.toString()) {
    void vscode.window.showErrorMessage(`Keepalived: the peer config cannot replace its source, ${vscode.workspace.asRelativePath(source)}.`);
    return undefined;
  }
  if (await exists(target)) {
    const allowed = scripted ? options.overwrite === true : await confirmReplace(target, peers);
    if (!allowed) {
      if (scripted) void vscode.window.showErrorMessage(`Keepalived: ${vscode.workspace.asRelativePath(target)} exists; the peer config was not written.`);
      return undefined;
    }
  }

  // writeFile creates missing parent folders.
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  await vscode.window.showTextDocument(target, { preview: false });

  const summary = `Keepalived: created ${vscode.workspace.asRelativePath(target)}: ${result.changes.join('; ') || 'no changes'}.`;
  const warn = result.warnings.length ? ` ${result.warnings.join(' ')}` : '';
  if (!scripted) {
    void (result.warnings.length ? vscode.window.showWarningMessage(summary + warn, 'Compare with Source') : vscode.window.showInformationMessage(summary, 'Compare with Source')).then((choice) => {
      if (choice) void compare.openDiff(source, target);
    });
  }
  return target;
}
