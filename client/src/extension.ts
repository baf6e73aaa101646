// The extension's entry point: starts the language client and registers the client-side
// features, each in its own module.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PeerCompare } from './compare';
import { registerCreatePeer } from './create-peer';
import { createLanguageClient } from './language-client';
import { ClusterOverview, ClusterStore } from './overview';
import { ServerApi } from './server-api';
import { PeerStatus } from './status';

/** What activate() returns: the parts the end-to-end tests look into. */
export interface KeepalivedExtensionApi {
  readonly client: LanguageClient;
  readonly server: ServerApi;
  readonly compare: PeerCompare;
  readonly overview: ClusterOverview;
  readonly status: PeerStatus;
}

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): KeepalivedExtensionApi {
  const output = vscode.window.createOutputChannel('Keepalived', { log: true });
  client = createLanguageClient(context, output);
  const server = new ServerApi(client);
  const store = new ClusterStore(server);
  const compare = new PeerCompare(server);
  const overview = new ClusterOverview(store);
  const status = new PeerStatus(server, store);
  const languageClient = client;
  context.subscriptions.push(
    output,
    server,
    store,
    compare,
    overview,
    status,
    ...compare.register(),
    registerCreatePeer(compare, server),
    vscode.commands.registerCommand('keepalived.restartServer', async () => {
      // restart() throws while the client is still starting (or stopped): then starting is the restart
      if (!languageClient.isRunning()) await languageClient.start();
      else await languageClient.restart();
    }),
    vscode.commands.registerCommand('keepalived.showOutput', () => output.show()),
  );
  void vscode.commands.executeCommand('setContext', 'keepalived.active', true);
  // Not awaited: the commands are there at once and say so while the server starts or if it fails.
  client.start().catch((e: unknown) => output.error(`the keepalived language server did not start: ${e instanceof Error ? e.message : String(e)}`));
  return { client, server, compare, overview, status };
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  // stop() rejects when the server never started; there is nothing left to stop then
  await running?.stop().catch(() => undefined);
}
