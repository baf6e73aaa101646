// Wires the pure feature modules (features/) to LSP requests.
import type { Connection, ServerCapabilities, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceIndex } from '../workspace/workspace-index';

export interface FeatureDeps {
  index: WorkspaceIndex;
  getIndex(): WorkspaceIndex;
  formatSettings(): Record<string, unknown>;
}

function wire(connection: Connection, documents: TextDocuments<TextDocument>, deps: FeatureDeps): void {
  void connection;
  void documents;
  void deps;
}

export const registerFeatures = Object.assign(wire, { capabilities: {} as ServerCapabilities });
