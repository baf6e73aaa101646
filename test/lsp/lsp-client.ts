// A minimal LSP client for tests: forks the bundled server (dist/server.js --stdio) and speaks
// JSON-RPC to it, the way any editor would.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execSync } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, Hover, MarkupContent, Position, PublishDiagnosticsParams, Range, TextEdit } from 'vscode-languageserver-protocol';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function ensureBuilt(): void {
  if (!existsSync(resolve(repoRoot, 'dist/server.js'))) execSync('npm run build', { cwd: repoRoot, stdio: 'inherit' });
}

/** Writes `files` (relative path → text) into a fresh temporary folder and returns its path. */
export function tempWorkspace(files: Record<string, string>, prefix = 'kl-lsp-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** The file: URI of `rel` under `root`. */
export function fileUri(root: string, rel: string): string {
  return pathToFileURL(join(root, rel)).href;
}

/** The string offset of an LSP position (clamped to the text). */
export function offsetAt(text: string, p: Position): number {
  let start = 0;
  for (let l = 0; l < p.line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return text.length;
    start = nl + 1;
  }
  const nl = text.indexOf('\n', start);
  return Math.min(start + p.character, nl < 0 ? text.length : nl);
}

/** Applies LSP text edits (non-overlapping, any order) to `text`. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const list = edits.map((e) => ({ s: offsetAt(text, e.range.start), e: offsetAt(text, e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of list) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

/** The LSP position of a string offset. */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = (before.match(/\n/g) ?? []).length;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The position of the `nth` occurrence of `needle` in `text`, moved `delta` characters into it. */
export function positionOf(text: string, needle: string, delta = 0, nth = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`'${needle}' (#${nth}) not in text`);
  }
  return positionAt(text, i + delta);
}

/** Removes the `|` cursor marker from `marked`: the text, and the marker's position. */
export function cursor(marked: string): { text: string; pos: Position } {
  const i = marked.indexOf('|');
  if (i < 0) throw new Error('no | marker');
  return { text: marked.slice(0, i) + marked.slice(i + 1), pos: positionAt(marked, i) };
}

/** The text a range covers. */
export function textOf(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** The markdown (or plain) text of a hover. */
export function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n\n');
  return (c as MarkupContent).value;
}

export class TestClient {
  readonly conn: MessageConnection;
  private readonly proc: ChildProcess;
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly waiters: (() => void)[] = [];
  settings: Record<string, unknown> = {};
  /** How many workspace/configuration requests the server sent. */
  configurationRequests = 0;
  /** The items of the last workspace/configuration request. */
  configurationItems: { section?: string; scopeUri?: string }[] = [];
  /** How many keepalived/clustersChanged notifications arrived (one after each publish). */
  clustersChanged = 0;
  /** Called with each publishDiagnostics as it arrives (the benchmark timestamps them). */
  readonly publishListeners: ((p: PublishDiagnosticsParams) => void)[] = [];

  /** `serverJs`: the bundle to run (default dist/server.js; the benchmark runs a production build). */
  constructor(serverJs = resolve(repoRoot, 'dist/server.js')) {
    ensureBuilt();
    this.proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      for (const l of [...this.publishListeners]) l(p);
      this.wake();
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
      this.configurationRequests++;
      this.configurationItems = p.items;
      this.wake();
      return p.items.map(() => this.settings);
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onNotification('window/logMessage', () => undefined);
    this.conn.onNotification('keepalived/clustersChanged', () => {
      this.clustersChanged++;
      this.wake();
    });
    this.conn.listen();
  }

  /** A server initialized on `folder` that has finished its first analysis. */
  static async start(folder: string): Promise<TestClient> {
    const c = new TestClient();
    await c.initialize(folder);
    await c.ready();
    return c;
  }

  /** The server's process id (its /proc entry tells its memory). */
  get pid(): number | undefined {
    return this.proc.pid;
  }

  async initialize(folder: string, initializationOptions?: Record<string, unknown>): Promise<unknown> {
    const uri = pathToFileURL(folder).href;
    const result = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'ws' }],
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
      },
    });
    await this.conn.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): void {
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'keepalived', version, text } });
  }

  change(uri: string, text: string, version: number): void {
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves when `cond` holds, re-checked after each event from the server (or rejects after `ms`). */
  async waitUntil(cond: () => boolean, what: () => string, ms = 10000): Promise<void> {
    const deadline = Date.now() + ms;
    for (;;) {
      if (cond()) return;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what()}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }

  /** Resolves when the diagnostics of `uri` satisfy `pred` (or rejects after `ms`). */
  async waitFor(uri: string, pred: (d: Diagnostic[]) => boolean, ms = 10000): Promise<Diagnostic[]> {
    let d: Diagnostic[] | undefined;
    await this.waitUntil(
      () => {
        d = this.diagnostics.get(uri);
        return !!d && pred(d);
      },
      () => `diagnostics of ${uri}; last: ${JSON.stringify(d?.map((x) => x.code))}`,
      ms,
    );
    return d as Diagnostic[];
  }

  /** The diagnostics last published for `uri` (undefined when none were). */
  diagnosticsOf(uri: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uri);
  }

  /**
   * Resolves once the server has read its settings, scanned the workspace folders and published
   * (it announces each publish with keepalived/clustersChanged): workspace-wide answers are complete.
   */
  async ready(ms = 10000): Promise<void> {
    await this.waitUntil(() => this.clustersChanged > 0, () => 'the first keepalived/clustersChanged', ms);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  async close(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // The server may already be gone.
    }
    this.conn.dispose();
    this.proc.kill();
  }
}
