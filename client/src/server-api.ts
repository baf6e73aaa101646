// The custom requests of server/src/protocol.ts, with a time limit, so a feature can say so when
// the server is down, starting, or does not know a request.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CLUSTERS_CHANGED,
  CLUSTERS_REQUEST,
  COMPARE_REQUEST,
  CREATE_PEER_REQUEST,
  type ClusterView,
  type CompareParams,
  type CompareResult,
  type CreatePeerParams,
  type CreatePeerResult,
  PEERS_REQUEST,
  type PeerNode,
  type PeersParams,
} from '../../server/src/protocol';

export type { ClusterInstance, ClusterMember, ClusterView, CompareResult, FailoverRow, PeerNode } from '../../server/src/protocol';

const TIMEOUT_MS = 10_000;

export class ServerApi implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** The server's clusters changed (its notification), or the server (re)started. */
  readonly onClustersChanged = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [this.changed];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      client.onNotification(CLUSTERS_CHANGED, () => this.changed.fire()),
      client.onDidChangeState(() => this.changed.fire()),
    );
  }

  peers(uri: vscode.Uri): Promise<PeerNode[]> {
    return this.request<PeerNode[]>(PEERS_REQUEST, { uri: uri.toString() } satisfies PeersParams);
  }

  clusters(): Promise<ClusterView[]> {
    return this.request<ClusterView[]>(CLUSTERS_REQUEST, {});
  }

  /** The two files' lines aligned and classified, with the nodes' labels. */
  compare(left: vscode.Uri, right: vscode.Uri): Promise<CompareResult> {
    return this.request<CompareResult>(COMPARE_REQUEST, { left: left.toString(), right: right.toString() } satisfies CompareParams);
  }

  /** The BACKUP node's text made from `source` (a MASTER node's file) by the server. */
  createPeer(source: vscode.Uri, routerId?: string): Promise<CreatePeerResult> {
    return this.request<CreatePeerResult>(CREATE_PEER_REQUEST, { uri: source.toString(), routerId } satisfies CreatePeerParams);
  }

  private async request<R>(method: string, params: object): Promise<R> {
    const source = new vscode.CancellationTokenSource();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        source.cancel();
        reject(new Error(`${method}: no answer from the keepalived server within ${TIMEOUT_MS / 1000} s`));
      }, TIMEOUT_MS);
    });
    try {
      const result = await Promise.race([this.client.sendRequest<R>(method, params, source.token), timeout]);
      if (result === null || result === undefined) throw new Error(`${method}: empty answer`);
      return result;
    } finally {
      clearTimeout(timer);
      source.dispose();
    }
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}

/** URIs as VS Code spells them, so the server's and the editor's compare equal. */
export function sameUri(a: string | vscode.Uri, b: string | vscode.Uri): boolean {
  const s = (u: string | vscode.Uri) => (typeof u === 'string' ? vscode.Uri.parse(u) : u).toString();
  return s(a) === s(b);
}
