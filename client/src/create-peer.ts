// "Create Peer Config": writes the BACKUP node's file from the active MASTER node's file and
// opens it. The text is the server's (features/peer-config.ts, from the parsed model).
import * as vscode from 'vscode';
import type { PeerCompare } from './compare';
import { commandTarget } from './compare';
import type { ServerApi } from './server-api';

/** Arguments that skip the prompts (for scripts and tests). */
export interface CreatePeerOptions {
  routerId?: string;
  target?: vscode.Uri;
}

export function registerCreatePeer(compare: PeerCompare, server: ServerApi): vscode.Disposable {
  return vscode.commands.registerCommand('keepalived.createPeerConfig', (arg?: unknown, options?: CreatePeerOptions) =>
    createPeerConfig(compare, server, arg, options),
  );
}

async function createPeerConfig(compare: PeerCompare, server: ServerApi, arg: unknown, options: CreatePeerOptions = {}): Promise<vscode.Uri | undefined> {
  const source = commandTarget(arg);
  if (!source) {
    void vscode.window.showErrorMessage('Keepalived: open the MASTER node\'s keepalived.conf first.');
    return undefined;
  }
  // Opened so that the server reads the editor's text, unsaved changes included.
  await vscode.workspace.openTextDocument(source);
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
  const base = source.path.split('/').pop() ?? 'keepalived.conf';
  const target =
    options.target ??
    (await vscode.window.showSaveDialog({
      title: `Save the configuration of ${routerId}`,
      saveLabel: 'Create Peer Config',
      defaultUri: vscode.Uri.joinPath(source, '..', '..', routerId, base),
      filters: { 'keepalived configuration': ['conf'], 'All files': ['*'] },
    }));
  if (!target) return undefined;

  // writeFile creates missing parent folders.
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  await vscode.window.showTextDocument(target, { preview: false });

  const summary = `Keepalived: created ${vscode.workspace.asRelativePath(target)}: ${result.changes.join('; ') || 'no changes'}.`;
  const warn = result.warnings.length ? ` ${result.warnings.join(' ')}` : '';
  if (options.target === undefined) {
    void (result.warnings.length ? vscode.window.showWarningMessage(summary + warn, 'Compare with Source') : vscode.window.showInformationMessage(summary, 'Compare with Source')).then((choice) => {
      if (choice) void compare.openDiff(source, target);
    });
  }
  return target;
}
