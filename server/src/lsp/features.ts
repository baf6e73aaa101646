// Wires the pure feature modules (features/) to LSP requests, and declares every capability the
// server has: a feature registered here is announced here.
import {
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  codeActions,
  codeLenses,
  completions,
  definition,
  documentLinks,
  documentSymbols,
  foldingRanges,
  formatDocument,
  formatRange,
  hover,
  prepareRename,
  references,
  rename,
  RenameError,
  selectionRanges,
  SEMANTIC_TOKENS_LEGEND,
  semanticTokens,
  semanticTokensRange,
  workspaceSymbols,
} from '../features';
import { peerRankText } from '../features/peer-rank';
import { clusterFailover, trackersOfMember } from '../failover/model';
import { failoverMarkdown } from '../features/failover';
import type { VrrpInstance } from '../model/types';
import { LENS_COMMANDS } from '../protocol';
import { effectivePriority } from '../workspace/nodes';
import { isMaster } from '../model/effective';
import type { WorkspaceIndex } from '../analysis/workspace-index';
import { guarded } from './params';
import type { FormatSettings } from './settings';

export interface FeatureDeps {
  getIndex(): WorkspaceIndex;
  formatSettings(): FormatSettings;
  /** Whether requests may read this document (open, or in the workspace folders). */
  readable(uri: string): boolean;
  /**
   * The version of an open document, when the client takes versioned edits (documentChanges):
   * a quick fix then carries the version it was computed for. undefined: unversioned edits.
   */
  documentVersion(uri: string): number | null | undefined;
}

/** The counterparts of an instance on the other nodes, highest priority first. */
function counterparts(index: WorkspaceIndex, uri: string, name: string) {
  for (const { cluster } of index.peersOf(uri)) {
    const g = cluster.groups.find((x) => x.members.some((m) => m.inst.name === name && m.node.model.interp.files.includes(uri)));
    if (g) return [...g.members].sort((a, b) => effectivePriority(b.inst) - effectivePriority(a.inst));
  }
  return undefined;
}

/** "rank 1 of 2 among peers: lb01 150, lb02 100" (peer-rank.ts: ties share a rank). */
function rankAmongPeers(index: WorkspaceIndex, uri: string, name: string): string | undefined {
  const sorted = counterparts(index, uri, name);
  if (!sorted) return undefined;
  const ranked = sorted.map((m) => ({ label: m.node.label, priority: effectivePriority(m.inst), here: m.node.model.interp.files.includes(uri) }));
  const self = ranked.find((m) => m.here);
  return self ? peerRankText(ranked, self) : undefined;
}

/** The failover table of an instance of `uri`'s node, or of each of its instances tracking a vrrp_script. */
function failoverTables(index: WorkspaceIndex, uri: string, of: { instance: string } | { script: string }): string | undefined {
  const tables: string[] = [];
  for (const { cluster } of index.peersOf(uri)) {
    for (const f of clusterFailover(cluster)) {
      const here = f.group.members.find((m) => m.node.model.interp.files.includes(uri));
      if (!here) continue;
      const wanted = 'instance' in of ? here.inst.name === of.instance : trackersOfMember(here).some((t) => t.kind === 'script' && t.name === of.script);
      if (wanted) tables.push(failoverMarkdown(f));
    }
  }
  return tables.length ? tables.join('\n\n') : undefined;
}

/** "peer lb02 BACKUP 100" for the code lens. */
function peerText(index: WorkspaceIndex, uri: string, inst: VrrpInstance): string | undefined {
  const others = counterparts(index, uri, inst.name)?.filter((m) => !m.node.model.interp.files.includes(uri));
  if (!others?.length) return undefined;
  return others.map((m) => `peer ${m.node.label} ${m.inst.state?.value ?? 'BACKUP'} ${effectivePriority(m.inst)}`).join(' · ');
}

export function registerFeatures(connection: Connection, documents: TextDocuments<TextDocument>, deps: FeatureDeps): void {
  const model = (uri: string) => (deps.readable(uri) ? deps.getIndex().modelFor(uri) : undefined);
  const tree = (uri: string) => {
    const text = documents.get(uri)?.getText();
    return text === undefined ? undefined : deps.getIndex().cache.get(uri, text);
  };
  connection.onCompletion(
    guarded('textDocument/completion', ['textDocument', 'position'], (p) => {
      const m = model(p.textDocument.uri);
      return m ? completions(m, p.textDocument.uri, p.position, undefined, p.context?.triggerCharacter) : [];
    }),
  );
  connection.onHover(
    guarded('textDocument/hover', ['textDocument', 'position'], (p) => {
      const m = model(p.textDocument.uri);
      if (!m) return null;
      return hover(m, p.textDocument.uri, p.position, {
        peerInfo: (name) => rankAmongPeers(deps.getIndex(), p.textDocument.uri, name),
        failover: (of) => failoverTables(deps.getIndex(), p.textDocument.uri, of),
      });
    }),
  );
  connection.onDocumentSymbol(
    guarded('textDocument/documentSymbol', ['textDocument'], (p) => {
      const m = model(p.textDocument.uri);
      return m ? documentSymbols(m, p.textDocument.uri) : [];
    }),
  );
  connection.onWorkspaceSymbol(guarded('workspace/symbol', ['query'], (p) => workspaceSymbols(deps.getIndex().allModels(), p.query)));
  connection.onFoldingRanges(
    guarded('textDocument/foldingRange', ['textDocument'], (p) => {
      const t = tree(p.textDocument.uri);
      return t ? foldingRanges(t) : [];
    }),
  );
  connection.onSelectionRanges(
    guarded('textDocument/selectionRange', ['textDocument', 'positions'], (p) => {
      const t = tree(p.textDocument.uri);
      return t ? selectionRanges(t, p.positions) : [];
    }),
  );
  connection.onDefinition(
    guarded('textDocument/definition', ['textDocument', 'position'], (p) => {
      const m = model(p.textDocument.uri);
      return m ? definition(m, p.textDocument.uri, p.position) : [];
    }),
  );
  connection.onReferences(
    guarded('textDocument/references', ['textDocument', 'position'], (p) => {
      const m = model(p.textDocument.uri);
      return m ? references(m, p.textDocument.uri, p.position, p.context?.includeDeclaration === true) : [];
    }),
  );
  connection.onPrepareRename(
    guarded('textDocument/prepareRename', ['textDocument', 'position'], (p) => {
      const m = model(p.textDocument.uri);
      return m ? prepareRename(m, p.textDocument.uri, p.position) : null;
    }),
  );
  connection.onRenameRequest(
    guarded('textDocument/rename', ['textDocument', 'position', 'newName'], (p) => {
      const m = model(p.textDocument.uri);
      if (!m) return null;
      try {
        return rename(m, p.textDocument.uri, p.position, p.newName);
      } catch (e) {
        if (e instanceof RenameError) throw new ResponseError(ErrorCodes.InvalidParams, e.message);
        throw e;
      }
    }),
  );
  connection.onDocumentLinks(
    guarded('textDocument/documentLink', ['textDocument'], (p) => {
      const m = model(p.textDocument.uri);
      return m ? documentLinks(m, p.textDocument.uri) : [];
    }),
  );
  const formatOptions = <T extends { insertFinalNewline?: boolean }>(o: T) => {
    const f = deps.formatSettings();
    return { ...o, splitInlineBlocks: f.splitInlineBlocks, insertFinalNewline: f.insertFinalNewline ?? o.insertFinalNewline ?? true };
  };
  connection.onDocumentFormatting(
    guarded('textDocument/formatting', ['textDocument', 'options'], (p) => {
      if (deps.formatSettings().enable === false) return [];
      const t = tree(p.textDocument.uri);
      return t ? formatDocument(t, formatOptions(p.options)) : [];
    }),
  );
  connection.onDocumentRangeFormatting(
    guarded('textDocument/rangeFormatting', ['textDocument', 'range', 'options'], (p) => {
      if (deps.formatSettings().enable === false) return [];
      const t = tree(p.textDocument.uri);
      return t ? formatRange(t, p.range, formatOptions(p.options)) : [];
    }),
  );
  connection.languages.semanticTokens.on(
    guarded('textDocument/semanticTokens/full', ['textDocument'], (p) => {
      const m = model(p.textDocument.uri);
      return m ? semanticTokens(m, p.textDocument.uri) : { data: [] };
    }),
  );
  connection.languages.semanticTokens.onRange(
    guarded('textDocument/semanticTokens/range', ['textDocument', 'range'], (p) => {
      const m = model(p.textDocument.uri);
      return m ? semanticTokensRange(m, p.textDocument.uri, p.range) : { data: [] };
    }),
  );
  connection.onCodeAction(
    guarded('textDocument/codeAction', ['textDocument', 'context'], (p) => {
      if (!deps.readable(p.textDocument.uri) || !Array.isArray(p.context.diagnostics)) return [];
      const findings = deps.getIndex().findingsOf(p.textDocument.uri);
      // Edits carry the version they were computed for: the client refuses them on newer text.
      return codeActions(findings, p.context.diagnostics, deps.documentVersion);
    }),
  );
  connection.onCodeLens(
    guarded('textDocument/codeLens', ['textDocument'], (p) => {
      const m = model(p.textDocument.uri);
      if (!m) return [];
      const uri = p.textDocument.uri;
      // Each instance's peers are looked up once per request: the text and the command both need them.
      const peersOf = new Map<VrrpInstance, string | undefined>();
      const peers = (inst: VrrpInstance) => {
        if (!peersOf.has(inst)) peersOf.set(inst, peerText(deps.getIndex(), uri, inst));
        return peersOf.get(inst);
      };
      return codeLenses(m, uri, {
        peerText: (inst) => peers(inst) ?? (isMaster(inst) ? 'no peer yet: create its BACKUP' : undefined),
        // A click opens the diff with the peer, or for a lone MASTER writes its BACKUP.
        command: (inst) =>
          peers(inst) !== undefined
            ? { command: LENS_COMMANDS.compareWithPeer, arguments: [{ uri }] }
            : isMaster(inst)
              ? { command: LENS_COMMANDS.createPeerConfig, arguments: [{ uri }] }
              : undefined,
      });
    }),
  );
}

export const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
  workspace: { workspaceFolders: { supported: true } },
  codeActionProvider: { codeActionKinds: ['quickfix'] },
  completionProvider: { triggerCharacters: ['$', '{', ' '] },
  hoverProvider: true,
  documentSymbolProvider: true,
  workspaceSymbolProvider: true,
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentLinkProvider: { resolveProvider: false },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
  codeLensProvider: { resolveProvider: false },
};
