// The language server as an editor drives it, over JSON-RPC on stdio (test/lsp/lsp-client.ts):
//   - editing a ~5k-line file: completion right after each keystroke, and edit → fresh diagnostics
//     with the publish debounce set to 0 (initializationOptions.diagnosticsDelayMs);
//   - a generated workspace of 500 nodes (250 MASTER/BACKUP pairs): initialize → first diagnostics
//     of the opened file, and an edit of that file → its partner's peer finding republished.
// Server memory is the peak RSS of its process (VmHWM in /proc/PID/status). Used by bench/run.mjs.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient, positionAt } from '../test/lsp/lsp-client';
import { generate } from './generate.mjs';
import { siteNodeFull } from './site-config.mjs';
import { median, percentile } from './stats';

/** How long any one answer may take before the bench gives up on the server. */
const PROTOCOL_TIMEOUT_MS = 60_000;

export interface Latencies {
  p50: number;
  p95: number;
  samples: number[];
}

function latencies(samples: number[]): Latencies {
  return { p50: median(samples), p95: percentile(samples, 95), samples };
}

const fmt = (l: Latencies) => `p50 ${l.p50.toFixed(1)} ms, p95 ${l.p95.toFixed(1)} ms, max ${Math.max(...l.samples).toFixed(1)} ms (${l.samples.length} samples)`;

/** Peak RSS of a live process, MiB (Linux). */
export function peakRssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number | undefined): boolean {
  try {
    return pid !== undefined && (process.kill(pid, 0), true);
  } catch {
    return false;
  }
}

/** A protocol step that does not answer within the timeout fails with what it was waiting for. */
async function within<T>(client: TestClient, p: Promise<T>, what: string, ms = PROTOCOL_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watch: ReturnType<typeof setInterval> | undefined;
  const failed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`language server: timed out after ${ms / 1000} s waiting for ${what} (server process ${alive(client.pid) ? 'still running' : 'has exited'})`)), ms);
    // A server that crashed answers nothing: say so at once instead of at the timeout.
    watch = setInterval(() => {
      if (!alive(client.pid)) reject(new Error(`language server: the server process exited while the bench waited for ${what}`));
    }, 250);
  });
  try {
    return await Promise.race([p, failed]);
  } finally {
    clearTimeout(timer);
    clearInterval(watch);
  }
}

/** Resolves with the arrival time of the next publishDiagnostics of `uri` that satisfies `pred`. */
function nextPublish(client: TestClient, uri: string, pred: (d: Diagnostic[]) => boolean): Promise<number> {
  return new Promise((resolveAt) => {
    const listener = (p: PublishDiagnosticsParams) => {
      if (p.uri !== uri || !pred(p.diagnostics)) return;
      const at = performance.now();
      client.publishListeners.splice(client.publishListeners.indexOf(listener), 1);
      resolveAt(at);
    };
    client.publishListeners.push(listener);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Resolves once the server has sent nothing (no diagnostics, no clustersChanged) for `quietMs`:
 * what it does in the background after opening (indexing the workspace) is over before timing.
 */
async function settle(client: TestClient, quietMs = 300, maxMs = PROTOCOL_TIMEOUT_MS): Promise<void> {
  let last = performance.now();
  let seen = client.clustersChanged;
  const listener = () => (last = performance.now());
  client.publishListeners.push(listener);
  try {
    const end = performance.now() + maxMs;
    while (performance.now() < end) {
      if (client.clustersChanged !== seen) {
        seen = client.clustersChanged;
        last = performance.now();
      }
      if (performance.now() - last >= quietMs) return;
      await sleep(25);
    }
  } finally {
    client.publishListeners.splice(client.publishListeners.indexOf(listener), 1);
  }
}

/** shutdown/exit, or, when the server does not answer them, the end of the process we started. */
async function closeClient(client: TestClient): Promise<void> {
  const closed = await Promise.race([client.close().then(() => true), sleep(5000).then(() => false)]);
  if (!closed && alive(client.pid)) process.kill(client.pid as number);
}

/** A document the bench edits the way an editor reports it: incremental changes, rising versions. */
class EditedDocument {
  version = 1;
  constructor(
    readonly client: TestClient,
    readonly uri: string,
    public text: string,
  ) {}

  open(): void {
    this.client.open(this.uri, this.text, this.version);
  }

  /** Replaces [start, end) with `insert` and sends it as one incremental didChange. */
  edit(start: number, end: number, insert: string): void {
    const range = { start: positionAt(this.text, start), end: positionAt(this.text, end) };
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    this.version++;
    void this.client.conn.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri, version: this.version }, contentChanges: [{ range, text: insert }] });
  }

  position(offset: number): Position {
    return positionAt(this.text, offset);
  }
}

/** The offset just past `needle`, searched from the start of `block`'s first occurrence. */
function offsetIn(text: string, block: string, needle: string): number {
  const b = text.indexOf(block);
  const i = b < 0 ? -1 : text.indexOf(needle, b);
  if (i < 0) throw new Error(`bench: '${needle}' after '${block}' not in the generated config`);
  return i + needle.length;
}

/** Options of bench/generate.mjs for the ~5k-line file: 60 instances in the first ~1.5k lines. */
export const EDIT_FILE = { instances: 60, scripts: 10, virtualServers: 60 };
/** A keyword typed and erased letter by letter inside a vrrp_instance. */
const TYPED = 'nopreempt';
/** The pauses between keystrokes, in turn (ms). */
export const TYPING_GAPS_MS = [80, 120, 160, 230, 100, 140, 260];

export interface EditingResult {
  lines: number;
  completion: Latencies;
  diagnostics: Latencies;
  rssMiB: number | undefined;
}

export async function lspEditing(opts: { serverJs: string; outDir: string; iterations: number; warmup: number }): Promise<EditingResult> {
  const folder = join(opts.outDir, 'lsp-edit');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  const text = generate(EDIT_FILE);
  const file = join(folder, 'keepalived.conf');
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const lines = text.split('\n').length - 1;
  console.log(`file: ${lines} lines (bench/generate.mjs ${JSON.stringify(EDIT_FILE)}), ${opts.iterations} edits each after ${opts.warmup} untimed ones`);

  // Completion with the default debounce, at a person's typing pace: most keystrokes come sooner
  // than the 200 ms pause after which diagnostics are published, some later, so that a keystroke
  // may arrive while the server publishes (the completion then waits, as it would in an editor).
  const completion: number[] = [];
  /** The same samples split by the pause before them: shorter or longer than the debounce (after which a publish may be running). */
  const afterTyping: number[] = [];
  const afterPause: number[] = [];
  let rssMiB: number | undefined;
  {
    const client = new TestClient(opts.serverJs);
    try {
      await within(client, client.initialize(folder), 'initialize answer');
      const doc = new EditedDocument(client, uri, text);
      doc.open();
      await within(client, client.ready(PROTOCOL_TIMEOUT_MS), 'first publish');
      await settle(client);
      // A new line inside VI_30, after its advert_int line, where the keyword is typed.
      const lineEnd = doc.text.indexOf('\n', offsetIn(doc.text, 'vrrp_instance VI_30 {', 'advert_int'));
      doc.edit(lineEnd, lineEnd, '\n    ');
      const start = lineEnd + 5;
      let typed = 0;
      let erasing = false;
      for (let i = 0; i < opts.warmup + opts.iterations; i++) {
        if (!erasing) {
          doc.edit(start + typed, start + typed, TYPED[typed]);
          typed++;
          if (typed === TYPED.length) erasing = true;
        } else {
          doc.edit(start + typed - 1, start + typed, '');
          typed--;
          if (typed === 0) erasing = false;
        }
        const t0 = performance.now();
        const list = await within(client, client.request<unknown>('textDocument/completion', { textDocument: { uri }, position: doc.position(start + typed) }), 'completion answer');
        const dt = performance.now() - t0;
        if (list === null) throw new Error('language server: completion answered null inside a vrrp_instance');
        if (i >= opts.warmup) {
          completion.push(dt);
          (TYPING_GAPS_MS[(i + TYPING_GAPS_MS.length - 1) % TYPING_GAPS_MS.length] > 200 ? afterPause : afterTyping).push(dt);
        }
        await sleep(TYPING_GAPS_MS[i % TYPING_GAPS_MS.length]);
      }
      rssMiB = peakRssMiB(client.pid);
    } finally {
      await closeClient(client);
    }
  }
  const completionL = latencies(completion);
  console.log(`  completion right after a keystroke ('${TYPED}' typed and erased inside VI_30, ${TYPING_GAPS_MS.join('/')} ms apart): ${fmt(completionL)}`);
  if (afterPause.length && afterTyping.length) console.log(`    after a pause under the 200 ms debounce: ${fmt(latencies(afterTyping))}; after a longer one: ${fmt(latencies(afterPause))}`);

  // Edit → diagnostics with no debounce: one keystroke turns VI_31's priority into an
  // out-of-range one (a diagnostic appears), the next removes it again.
  const diagnostics: number[] = [];
  {
    const client = new TestClient(opts.serverJs);
    try {
      await within(client, client.initialize(folder, { diagnosticsDelayMs: 0 }), 'initialize answer');
      const doc = new EditedDocument(client, uri, text);
      doc.open();
      await within(client, client.ready(PROTOCOL_TIMEOUT_MS), 'first publish');
      await settle(client);
      const at = offsetIn(doc.text, 'vrrp_instance VI_31 {', '    priority 1');
      const valueEnd = doc.text.indexOf('\n', at);
      const line = doc.position(valueEnd).line;
      const flagged = (d: Diagnostic[]) => d.some((x) => x.code === 'value-out-of-range' && x.range.start.line === line);
      for (let i = 0; i < opts.warmup + opts.iterations; i++) {
        const invalid = i % 2 === 0;
        const arrived = nextPublish(client, uri, (d) => flagged(d) === invalid);
        const t0 = performance.now();
        if (invalid) doc.edit(valueEnd, valueEnd, '0');
        else doc.edit(valueEnd, valueEnd + 1, '');
        const t1 = await within(client, arrived, `diagnostics ${invalid ? 'with' : 'without'} the out-of-range priority after edit ${i + 1}`);
        if (i >= opts.warmup) diagnostics.push(t1 - t0);
        await sleep(20);
      }
      const r = peakRssMiB(client.pid);
      if (r !== undefined) rssMiB = Math.max(rssMiB ?? 0, r);
    } finally {
      await closeClient(client);
    }
  }
  const diagnosticsL = latencies(diagnostics);
  console.log(`  edit → fresh diagnostics, diagnosticsDelayMs 0 (VI_31's priority made out of range and back): ${fmt(diagnosticsL)}`);
  console.log(`  server peak RSS (VmHWM, the larger of the two sessions): ${rssMiB === undefined ? 'n/a' : `${rssMiB.toFixed(0)} MiB`}`);
  return { lines, completion: completionL, diagnostics: diagnosticsL, rssMiB };
}

export interface WorkspaceResult {
  nodes: number;
  firstDiagnosticsMs: number;
  initializedMs: number;
  firstPeerMs: number;
  peer: Latencies;
  rssMiB: number | undefined;
}

/** Writes site<N>/lb01 and lb02 for `sites` sites under `folder` (emptied first). */
export function writeSites(folder: string, sites: number): void {
  rmSync(folder, { recursive: true, force: true });
  for (let s = 0; s < sites; s++) {
    for (const role of [1, 2] as const) {
      mkdirSync(join(folder, `site${s}`, `lb0${role}`), { recursive: true });
      writeFileSync(join(folder, `site${s}`, `lb0${role}`, 'keepalived.conf'), siteNodeFull(s, role));
    }
  }
}

export async function lspWorkspace(opts: { serverJs: string; outDir: string; sites: number; starts: number; iterations: number; warmup: number }): Promise<WorkspaceResult> {
  const folder = join(opts.outDir, 'sites');
  writeSites(folder, opts.sites);
  // The opened node is in the middle of the folder list. Its VI_1 starts with a VRID its partner
  // does not have, so both files have a peer-vrid-mismatch to publish; the edits fix and break it.
  const site = Math.floor(opts.sites / 2);
  const openedFile = join(folder, `site${site}`, 'lb01', 'keepalived.conf');
  const partnerUri = pathToFileURL(join(folder, `site${site}`, 'lb02', 'keepalived.conf')).href;
  const uri = pathToFileURL(openedFile).href;
  const vrid = (site % 250) + 1;
  const other = vrid === 255 ? 254 : vrid + 1;
  const clean = readFileSync(openedFile, 'utf8');
  const needle = `virtual_router_id ${vrid}\n`;
  if (!clean.includes(needle)) throw new Error(`bench: no '${needle.trim()}' in site${site}/lb01`);
  const broken = clean.replace(needle, `virtual_router_id ${other}\n`);
  writeFileSync(openedFile, broken);
  console.log(`workspace: ${opts.sites * 2} nodes (site<N>/lb01|lb02/keepalived.conf, bench/site-config.mjs siteNodeFull, ${clean.split('\n').length - 1} lines each); site${site}/lb01 opened, diagnosticsDelayMs 0`);

  const mismatch = (d: Diagnostic[]) => d.some((x) => x.code === 'peer-vrid-mismatch');
  /** A server started on the workspace, its opened file published: the start-up figures. */
  const start = async (client: TestClient) => {
    const first = nextPublish(client, uri, () => true);
    const firstPeer = nextPublish(client, uri, mismatch);
    const t0 = performance.now();
    await within(client, client.initialize(folder, { diagnosticsDelayMs: 0 }), 'initialize answer');
    const initialized = performance.now() - t0;
    const doc = new EditedDocument(client, uri, broken);
    doc.open();
    const firstDiagnostics = (await within(client, first, 'first diagnostics of the opened file')) - t0;
    const withPeer = (await within(client, firstPeer, "the opened file's peer-vrid-mismatch")) - t0;
    return { doc, initialized, firstDiagnostics, withPeer };
  };

  // Start-up is one sample per server: the median of a few servers, the last of which is edited.
  const starts: { initialized: number; firstDiagnostics: number; withPeer: number }[] = [];
  let rssMiB: number | undefined;
  for (let n = 1; n < opts.starts; n++) {
    const client = new TestClient(opts.serverJs);
    try {
      const { initialized, firstDiagnostics, withPeer } = await start(client);
      starts.push({ initialized, firstDiagnostics, withPeer });
    } finally {
      await closeClient(client);
    }
  }
  const client = new TestClient(opts.serverJs);
  try {
    const { doc, initialized, firstDiagnostics, withPeer } = await start(client);
    starts.push({ initialized, firstDiagnostics, withPeer });
    const pick = (k: keyof (typeof starts)[number]) => median(starts.map((x) => x[k]));
    const firstDiagnosticsMs = pick('firstDiagnostics');
    const initializedMs = pick('initialized');
    const firstPeerMs = pick('withPeer');
    console.log(
      `  initialize sent → answered ${initializedMs.toFixed(0)} ms, → first diagnostics of the opened file ${firstDiagnosticsMs.toFixed(0)} ms` +
        ` (servers: ${starts.map((x) => x.firstDiagnostics.toFixed(0)).join(', ')}), → with its peer finding ${firstPeerMs.toFixed(0)} ms; medians of ${starts.length} servers`,
    );
    // Wait until the whole workspace is analysed and published, so that the edits are measured
    // against a settled server.
    await within(client, client.waitFor(partnerUri, mismatch, PROTOCOL_TIMEOUT_MS), "the partner's first peer-vrid-mismatch");
    await settle(client);

    const at = doc.text.indexOf(`virtual_router_id ${other}\n`) + 'virtual_router_id '.length;
    const peer: number[] = [];
    for (let i = 0; i < opts.warmup + opts.iterations; i++) {
      const fixing = i % 2 === 0;
      const arrived = nextPublish(client, partnerUri, (d) => mismatch(d) !== fixing);
      const t0e = performance.now();
      doc.edit(at, at + String(fixing ? other : vrid).length, String(fixing ? vrid : other));
      const t1 = await within(client, arrived, `the partner's diagnostics ${fixing ? 'without' : 'with'} peer-vrid-mismatch after edit ${i + 1}`);
      if (i >= opts.warmup) peer.push(t1 - t0e);
      await sleep(20);
    }
    const peerL = latencies(peer);
    rssMiB = peakRssMiB(client.pid);
    console.log(`  edit of VI_1's virtual_router_id → partner's peer-vrid-mismatch republished: ${fmt(peerL)}`);
    console.log(`  server peak RSS (VmHWM of the edited server): ${rssMiB === undefined ? 'n/a' : `${rssMiB.toFixed(0)} MiB`}`);
    return { nodes: opts.sites * 2, firstDiagnosticsMs, initializedMs, firstPeerMs, peer: peerL, rssMiB };
  } finally {
    await closeClient(client);
  }
}
