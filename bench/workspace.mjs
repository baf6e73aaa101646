// The language server on a large workspace: N sites of one MASTER/BACKUP pair each
// (site<N>/lb01/keepalived.conf + site<N>/lb02/keepalived.conf, bench/site-config.mjs), as an
// editor drives it. A report, not a test: it always exits 0.
//
//   node bench/workspace.mjs [--sites N] [--runs N] [--edits N] [--dist DIR]... [--cpu-prof DIR]
//                            [--delay MS] [--directives]
//
// --directives: each node names its partner with a `# keepalived-peer:` comment (explicit groups).
// For each build (--dist, repeatable: default dist/; the first one is the reference the others
// are compared with), runs interleaved (A, B, A, B...), medians over the runs:
// - start → first diagnostics: the server spawned, initialize/initialized, site0/lb01 opened at
//   once (as an editor restores a tab) with a virtual_router_id that differs from its peer's; the
//   time until its first publishDiagnostics with that peer-vrid-mismatch, from spawn and from the
//   initialize request; and until the whole workspace was published (the first
//   keepalived/clustersChanged).
// - a request right after the open: a completion in the opened file, answered after how long.
// - edit → peer: toggling virtual_router_id in the open lb01 clears or makes peer-vrid-mismatch
//   on the closed lb02; the time from the didChange until lb02's diagnostics show it, minus the
//   server's debounce (200 ms; initializationOptions.diagnosticsDelayMs when given with --delay).
// - the keepalived/clusters request (the clusters view and status bar ask it after each publish).
// - the server's peak RSS (VmHWM from /proc) after the edits.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { siteNode } from './site-config.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function arg(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
}
const SITES = Number(arg('--sites', 250));
const RUNS = Number(arg('--runs', 3));
const EDITS = Number(arg('--edits', 20));
const DELAY = arg('--delay') === undefined ? undefined : Number(arg('--delay'));
const PROF = arg('--cpu-prof');
const DIRECTIVES = process.argv.includes('--directives');
const dists = process.argv.flatMap((a, i) => (a === '--dist' ? [resolve(process.argv[i + 1])] : []));
if (!dists.length) dists.push(join(root, 'dist'));

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
}
function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
}
const now = () => Number(process.hrtime.bigint()) / 1e6;
const debug = process.env.BENCH_DEBUG ? (...a) => console.error(...a) : () => undefined;

/** A minimal LSP client over stdio: Content-Length framing, JSON-RPC 2.0. */
function startServer(dist) {
  const nodeArgs = PROF ? ['--cpu-prof', '--cpu-prof-dir', resolve(PROF)] : [];
  const proc = spawn(process.execPath, [...nodeArgs, join(dist, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', process.env.BENCH_DEBUG ? 'inherit' : 'ignore'] });
  let buf = Buffer.alloc(0);
  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  const send = (msg) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
    proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  proc.stdout.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const headerEnd = buf.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, headerEnd).toString())?.[1]);
      if (buf.length < headerEnd + 4 + len) return;
      const msg = JSON.parse(buf.subarray(headerEnd + 4, headerEnd + 4 + len).toString());
      buf = buf.subarray(headerEnd + 4 + len);
      const t = now();
      if (msg.id !== undefined && msg.method === undefined) {
        pending.get(msg.id)?.(msg.result);
        pending.delete(msg.id);
      } else if (msg.method === 'workspace/configuration') send({ id: msg.id, result: msg.params.items.map(() => ({})) });
      else if (msg.id !== undefined) send({ id: msg.id, result: null });
      else for (const l of listeners) l(msg, t);
    }
  });
  return {
    proc,
    request(method, params) {
      const id = nextId++;
      send({ id, method, params });
      return new Promise((res) => pending.set(id, res));
    },
    notify(method, params) {
      send({ method, params });
    },
    /** Resolves with the time of the first notification `pred` accepts. */
    until(pred) {
      return new Promise((res) => {
        const l = (msg, t) => {
          if (pred(msg)) {
            listeners.delete(l);
            res(t);
          }
        };
        listeners.add(l);
      });
    },
    peakRssMiB() {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
        return m ? Number(m[1]) / 1024 : NaN;
      } catch {
        return NaN;
      }
    },
    async stop() {
      await Promise.race([this.request('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit');
      await new Promise((r) => {
        proc.once('exit', r);
        setTimeout(() => {
          proc.kill();
          r();
        }, 3000);
      });
    },
  };
}

function writeWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'kl-ws-'));
  for (let s = 0; s < SITES; s++) {
    for (const role of [1, 2]) {
      const f = join(dir, `site${s}`, `lb0${role}`, 'keepalived.conf');
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, (DIRECTIVES ? `# keepalived-peer: ../lb0${3 - role}/keepalived.conf\n` : '') + siteNode(s, role));
    }
  }
  return dir;
}

const isDiag = (uri) => (m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri;
const hasVrid = (m) => m.params.diagnostics.some((d) => d.code === 'peer-vrid-mismatch');

async function measure(dist, ws) {
  const folder = pathToFileURL(ws).href;
  const lb01 = pathToFileURL(join(ws, 'site0/lb01/keepalived.conf')).href;
  const lb02 = pathToFileURL(join(ws, 'site0/lb02/keepalived.conf')).href;
  // The open buffer's VRID differs from lb02's: its first diagnostics need its cluster read.
  const vrid = Number(/virtual_router_id (\d+)/.exec(readFileSync(join(ws, 'site0/lb01/keepalived.conf'), 'utf8'))[1]);
  const withVrid = (broken) => readFileSync(join(ws, 'site0/lb01/keepalived.conf'), 'utf8').replace(/virtual_router_id \d+/, `virtual_router_id ${broken ? vrid + 100 : vrid}`);
  let text = withVrid(true);
  const tSpawn = now();
  const s = startServer(dist);
  const firstDiag = s.until((m) => isDiag(lb01)(m) && hasVrid(m));
  const full = s.until((m) => m.method === 'keepalived/clustersChanged');
  const tInit = now();
  await s.request('initialize', {
    processId: process.pid,
    rootUri: folder,
    workspaceFolders: [{ uri: folder, name: 'ws' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { relatedInformation: true } } },
    initializationOptions: DELAY === undefined ? {} : { diagnosticsDelayMs: DELAY },
  });
  s.notify('initialized', {});
  s.notify('textDocument/didOpen', { textDocument: { uri: lb01, languageId: 'keepalived', version: 1, text } });
  const tOpen = now();
  const line = text.split('\n').findIndex((l) => l.includes('priority'));
  const completion = s.request('textDocument/completion', { textDocument: { uri: lb01 }, position: { line, character: 4 } }).then(() => now() - tOpen);
  const tFirst = await firstDiag;
  debug('first diagnostics', tFirst - tInit);
  const tFull = await full;
  debug('full', tFull - tInit);
  const completionMs = await completion;
  await new Promise((r) => setTimeout(r, 300));
  const edits = [];
  for (let i = 0; i < EDITS; i++) {
    const broken = i % 2 === 1;
    text = withVrid(broken);
    const peer = s.until((m) => isDiag(lb02)(m) && hasVrid(m) === broken);
    const t0 = now();
    s.notify('textDocument/didChange', { textDocument: { uri: lb01, version: i + 2 }, contentChanges: [{ text }] });
    edits.push((await peer) - t0 - (DELAY ?? 200));
    debug('edit', edits.at(-1));
    await new Promise((r) => setTimeout(r, 100));
  }
  // What the client's status bar and clusters view ask after each publish.
  const clusters = [];
  for (let i = 0; i < 5; i++) {
    const t0 = now();
    await s.request('keepalived/clusters', {});
    clusters.push(now() - t0);
  }
  const rss = s.peakRssMiB();
  await s.stop();
  return { fromSpawn: tFirst - tSpawn, fromInit: tFirst - tInit, full: tFull - tInit, completionMs, editP50: median(edits), editP95: pct(edits, 95), clustersMs: median(clusters), rss };
}

const ws = writeWorkspace();
try {
  const results = dists.map(() => []);
  for (let r = 0; r < RUNS; r++) for (let d = 0; d < dists.length; d++) results[d].push(await measure(dists[d], ws));
  const keys = [
    ['fromInit', 'initialize → first diagnostics of the opened file (ms)'],
    ['fromSpawn', 'spawn → first diagnostics of the opened file (ms)'],
    ['full', 'initialize → whole workspace published (ms)'],
    ['completionMs', 'completion sent with the open, answered after (ms)'],
    ['editP50', 'edit → peer republished beyond the debounce, p50 (ms)'],
    ['editP95', 'edit → peer republished beyond the debounce, p95 (ms)'],
    ['clustersMs', 'keepalived/clusters request (the client asks after each publish) (ms)'],
    ['rss', 'server peak RSS (MiB)'],
  ];
  console.log(`${SITES * 2} nodes (${SITES} pairs${DIRECTIVES ? ', paired by # keepalived-peer: comments' : ''}), ${RUNS} runs, ${EDITS} edits per run; medians over runs`);
  console.log(['', ...dists.map((d, i) => `[${i}] ${d}`)].join('\n'));
  for (const [k, label] of keys) {
    const meds = results.map((rs) => median(rs.map((x) => x[k])));
    const ratios = meds.slice(1).map((m) => `×${(m / meds[0]).toFixed(2)}`);
    console.log(`${label.padEnd(70)} ${meds.map((m) => m.toFixed(k === 'rss' ? 1 : 0).padStart(8)).join(' ')}  ${ratios.join(' ')}`);
  }
} finally {
  rmSync(ws, { recursive: true, force: true });
}
