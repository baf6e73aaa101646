// The language server: wiring only. Analysis lives in analysis/ and workspace/, features in
// features/; this module connects them to LSP requests and notifications.
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from './rules/finding';
import { toDiagnostic } from './lsp/convert';
import { prepareParser } from './parser/lexer';
import { clusterViews, compareFiles, labelsFor } from './lsp/cluster-views';
import { CAPABILITIES, registerFeatures } from './lsp/features';
import { makePeerConfig, nextRouterId } from './features/peer-config';
import {
  CLUSTERS_CHANGED,
  CLUSTERS_REQUEST,
  COMPARE_REQUEST,
  CREATE_PEER_REQUEST,
  NODE_LABELS_REQUEST,
  PEERS_REQUEST,
  type CompareParams,
  type NodeLabelsParams,
  type CreatePeerParams,
  type CreatePeerResult,
  type PeersParams,
  TRUST_NOTIFICATION,
  type TrustParams,
} from './protocol';
import { pathLabel } from './workspace/nodes';
import { diskSource, type FileSource } from './workspace/include-resolver';
import { WorkspaceIndex } from './analysis/workspace-index';
import { DEFAULT_SETTINGS, readSettings, type KeepalivedSettings } from './lsp/settings';
import { guarded } from './lsp/params';
import { DEFAULT_DIAGNOSTICS_DELAY_MS, diagnosticsDelayMs } from './lsp/init-options';
import { LIMIT_RULE_ID } from './analysis/limits-findings';
import { MAX_FILE_BYTES, MAX_FINDINGS_PER_FILE } from './limits';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let index = new WorkspaceIndex([]);
/** The findings last sent per file (as JSON): a file is sent again only when they changed. */
const published = new Map<string, string>();
let watchRegistration = false;
let settings: KeepalivedSettings = DEFAULT_SETTINGS;
let documentChanges = false;
/** The debounce of publishing after an edit (initializationOptions.diagnosticsDelayMs). */
let changeDelayMs = DEFAULT_DIAGNOSTICS_DELAY_MS;

const OPEN_PUBLISH_DELAY_MS = 50;
/** The index works in slices of this length, between which requests and edits are handled. */
const SLICE_MS = 10;
/**
 * While the workspace is still being read, the open files get their diagnostics once this much
 * work was done (their folders, where their peers usually are, are read first), then at most
 * every PROVISIONAL_EVERY_MS, until every file gets them when the whole workspace is read.
 */
const PROVISIONAL_MS = 15;
const PROVISIONAL_EVERY_MS = 50;
let settingsLoaded = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let due = 0;
/** A publish is owed: files changed since the last one, or the settings did. */
let publishWanted = false;
let sliceQueued = false;
let workStarted: number | undefined;
let lastProvisional = 0;

/** Open buffers win over the disk (a buffer whose file was deleted stays in the analysis). */
const source: FileSource = {
  read(uri: string) {
    const doc = documents.get(uri);
    if (!doc) return diskSource.read(uri);
    const text = doc.getText();
    // The size limit holds for buffers too (in UTF-16 units, close enough to bytes for a bound).
    return text.length > MAX_FILE_BYTES ? { refused: 'too-large', size: text.length } : { text };
  },
};

/**
 * Whether a request may read `uri`: an open document, or a file of the workspace folders. An
 * unopened file elsewhere (file:///etc/passwd, /dev/zero) answers nothing.
 */
function readable(uri: unknown): boolean {
  return typeof uri === 'string' && (documents.get(uri) !== undefined || index.inWorkspace(uri));
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const roots = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []))
    .filter((f) => f.uri.startsWith('file:'))
    .map((f) => fileURLToPath(f.uri).replace(/\/$/, ''));
  index = new WorkspaceIndex(roots, source);
  const init = params.initializationOptions as { trusted?: unknown } | null | undefined;
  index.setTrusted(init?.trusted !== false);
  changeDelayMs = diagnosticsDelayMs(init);
  documentChanges = !!params.capabilities.workspace?.workspaceEdit?.documentChanges;
  watchRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  // The first diagnostics need the parser: build it while the client answers this and asks for
  // the settings, instead of after.
  setImmediate(prepareParser);
  return {
    capabilities: CAPABILITIES,
    serverInfo: { name: 'keepalived-language-server', version: '0.1.0' },
  };
});

async function loadSettings(): Promise<void> {
  settings = await readSettings(connection);
  index.configure({ levels: settings.rules, clusters: settings.clusters, files: settings.files, targetVersion: settings.targetVersion });
  index.startScan();
  settingsLoaded = true;
}

connection.onInitialized(async () => {
  const registered = watchRegistration
    ? connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.conf' }, { globPattern: '**/keepalived.conf*' }, { globPattern: '**/keepalived/**' }],
      })
    : undefined;
  await loadSettings();
  schedulePublish(0);
  await registered;
});

connection.onDidChangeConfiguration(async () => {
  await loadSettings();
  // Settings change every finding: publish as soon as they are computed, so that what follows sees the new ones.
  if (timer) clearTimeout(timer);
  timer = undefined;
  publishWanted = true;
  slice();
});

/**
 * Diagnostics are pushed after a short pause in typing, never while a request waits. A publish
 * already due sooner (a file was just opened) is not postponed by the edit that follows it.
 */
function schedulePublish(delay = changeDelayMs): void {
  publishWanted = true;
  const at = Date.now() + delay;
  if (timer && due <= at) return;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    slice();
  }, delay);
  due = at;
}

/**
 * One slice of the index's work, then what is due is published; the next slice comes after the
 * requests and notifications that arrived meanwhile. Diagnostics wait for the pause in typing
 * (the timer): the work itself goes on.
 */
function slice(): void {
  sliceQueued = false;
  if (!settingsLoaded) return;
  workStarted ??= Date.now();
  let more = false;
  try {
    more = index.work(Date.now() + SLICE_MS);
    if (!timer && publishWanted) {
      if (!more) publish();
      else if (Date.now() - workStarted >= PROVISIONAL_MS && Date.now() - lastProvisional >= PROVISIONAL_EVERY_MS) {
        lastProvisional = Date.now();
        publishFiles(index.takeChanged((uri) => documents.get(uri) !== undefined, { regroup: true }));
      }
    }
  } catch (e) {
    connection.console.error(`analysis failed: ${(e as Error).stack ?? e}`);
    more = false;
  }
  if (!more) workStarted = undefined;
  else if (!sliceQueued) {
    sliceQueued = true;
    setImmediate(slice);
  }
}

/** Publishes every file whose findings changed, then tells the client the clusters may have. */
function publish(): void {
  publishWanted = false;
  try {
    for (let uris = index.takeChanged(); uris.length; uris = index.takeChanged()) publishFiles(uris);
  } catch (e) {
    connection.console.error(`analysis failed: ${(e as Error).stack ?? e}`);
    return;
  }
  connection.sendNotification(CLUSTERS_CHANGED, {});
}

function publishFiles(uris: readonly string[]): void {
  for (const uri of uris) {
    const findings = index.currentFindings(uri);
    const before = published.get(uri);
    if (!findings.length) {
      if (before !== undefined) connection.sendDiagnostics({ uri, diagnostics: [] });
      published.delete(uri);
      continue;
    }
    const json = JSON.stringify(findings);
    if (json === before) continue;
    published.set(uri, json);
    connection.sendDiagnostics({ uri, diagnostics: capped(findings).map(toDiagnostic) });
  }
}

/** A file of garbage can yield thousands of findings: the first ones are what a person reads. */
const MAX_PER_FILE = MAX_FINDINGS_PER_FILE;
function capped(findings: Finding[]): Finding[] {
  if (findings.length <= MAX_PER_FILE) return findings;
  const kept = findings.slice(0, MAX_PER_FILE);
  const last = kept[kept.length - 1];
  kept.push({
    uri: last.uri,
    range: last.range,
    severity: 'information',
    code: LIMIT_RULE_ID,
    message: `${findings.length - MAX_PER_FILE} more problems in this file are not shown.`,
  });
  return kept;
}

documents.onDidOpen((e) => {
  index.touch(e.document.uri);
  // Soon, not at once: a client opening hundreds of files gets one publish for the burst instead
  // of one per file (each publish checks the whole cluster).
  schedulePublish(OPEN_PUBLISH_DELAY_MS);
});
documents.onDidChangeContent((e) => {
  index.touch(e.document.uri);
  schedulePublish();
});
documents.onDidClose((e) => {
  // The disk copy takes over again.
  index.close(e.document.uri);
  schedulePublish();
});

connection.onDidChangeWatchedFiles((p) => {
  for (const c of p.changes) {
    // An open buffer outlives its file: it stays in the analysis until it is closed.
    if (c.type === FileChangeType.Deleted) {
      if (documents.get(c.uri)) index.touch(c.uri);
      else index.remove(c.uri);
    } else if (c.type === FileChangeType.Created) {
      // Even for an open buffer: include patterns match the files on disk.
      index.fileChanged(c.uri, true);
    } else if (!documents.get(c.uri)) index.fileChanged(c.uri);
  }
  schedulePublish();
});

connection.onNotification(TRUST_NOTIFICATION, (p: TrustParams) => {
  if (typeof p?.trusted !== 'boolean') return;
  index.setTrusted(p.trusted);
  schedulePublish(0);
});

connection.onRequest(
  PEERS_REQUEST,
  guarded(PEERS_REQUEST, ['uri'], (p: PeersParams) => {
    if (!readable(p.uri)) return [];
    return index.peersOf(p.uri).flatMap(({ cluster, nodes }) =>
    nodes.map((n) => ({
      uri: n.uri,
      label: n.label,
      instances: cluster.groups.filter((g) => g.members.some((m) => m.node === n)).map((g) => g.name),
      })),
    );
  }),
);
connection.onRequest(CLUSTERS_REQUEST, () => clusterViews(index.clusters(), (uri) => index.currentFindings(uri)));
connection.onRequest(
  COMPARE_REQUEST,
  guarded(COMPARE_REQUEST, ['left', 'right'], (p: CompareParams) => (readable(p.left) && readable(p.right) ? compareFiles(index, p.left, p.right) : null)),
);
connection.onRequest(
  NODE_LABELS_REQUEST,
  guarded(NODE_LABELS_REQUEST, [], (p: NodeLabelsParams) => labelsFor(index, Array.isArray(p.uris) ? p.uris.filter(readable) : [])),
);
connection.onRequest(
  CREATE_PEER_REQUEST,
  guarded(CREATE_PEER_REQUEST, ['uri'], (p: CreatePeerParams): CreatePeerResult | null => {
    if (!readable(p.uri)) return null;
    const model = index.modelFor(p.uri);
    if (!model) return null;
    const sourceRouterId = model.routerId?.value;
    const asked = typeof p.routerId === 'string' ? p.routerId : undefined;
    // The default names a node nobody has yet: lb01, whose lb02 exists, gets lb03.
    const taken = new Set([...index.clusters().flatMap((c) => c.nodes.map((n) => n.label)), ...index.allModels().flatMap((m) => m.routerId?.value ?? [])]);
    let routerId = asked ?? nextRouterId(sourceRouterId ?? pathLabel(p.uri));
    for (let i = 0; asked === undefined && taken.has(routerId) && i < 1000; i++) routerId = nextRouterId(routerId);
    const priorityDelta = typeof p.priorityDelta === 'number' && Number.isFinite(p.priorityDelta) ? p.priorityDelta : undefined;
    return { ...makePeerConfig(model, p.uri, { routerId, priorityDelta }), routerId, sourceRouterId, sourceLabel: labelsFor(index, [p.uri])[0] };
  }),
);

registerFeatures(connection, documents, {
  getIndex: () => index,
  formatSettings: () => settings.format,
  readable,
  documentVersion: (uri) => (documentChanges ? (documents.get(uri)?.version ?? null) : undefined),
});

documents.listen(connection);
connection.listen();
