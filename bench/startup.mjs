// Start-up benchmark: what a user waits for on the small files people have.
//
//   node bench/run.mjs --startup [CONFIG] [--runs N] [--anchor FILE] [--dist DIR]
//
// - The CLI on a small config against bare `node -e 0`, interleaved (node, CLI, anchor, node, CLI,
//   anchor...) so that the machine's load hits every command alike; medians of N runs (default 21).
// - `--anchor FILE`: another checker, run as `node FILE CONFIG` (or FILE CONFIG when it is not a
//   .js/.cjs/.mjs file), in the same interleaving.
// - Peak RSS of each command (GNU time -v, else the child's own process.resourceUsage()).
// - The language server: spawn → `initialize` answered → first diagnostics of the example pair
//   (examples/nginx-ha, lb01 opened), median of 5.
//
// The bundles measured are a production build (`node esbuild.mjs --production`) made into
// bench/out/production, i.e. what the VSIX and the npm package ship, unless --dist names a folder.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeConfig } from './generate.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** About the size of keepalived's own sample keepalived.conf.vrrp: 2 scripts, 2 vrrp_instances (78 lines). */
export const SMALL_CONFIG = { scripts: 2, instances: 2, virtualServers: 0 };
export const TARGETS = { cliOverNodeMs: 30, cliRssMiB: 50, serverMs: 150 };

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function timeOnce(cmd, args, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status, stderr: r.stderr.toString() };
}

function peakRssMiB(cmd, args, env) {
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr.toString());
    if (m) return Number(m[1]) / 1024;
  }
  if (cmd !== process.execPath) return undefined;
  // The node command run inside a wrapper that reports its own peak (kB on Linux). With -e,
  // process.argv is [node, ...rest]: what a script run as `node SCRIPT ...` sees.
  const run = args[0] === '-e' ? '' : `require(${JSON.stringify(resolve(root, args[0]))});`;
  const wrapper = `process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n')); ${run}`;
  const r = spawnSync(process.execPath, ['-e', wrapper, ...(run ? args : [])], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  const m = /MAXRSS (\d+)/.exec(r.stderr.toString());
  return m ? Number(m[1]) / 1024 : undefined;
}

/**
 * Mean CPU time (user + system, all threads) of one run, in ms: less sensitive than wall time to
 * what else the machine runs. bash's `times` gives its children's totals to the millisecond.
 */
function cpuMs(cmd, args, env, runs) {
  if (!existsSync('/bin/bash')) return undefined;
  const script = 'for ((i = 0; i < RUNS; i++)); do "$@" >/dev/null 2>&1; done; times';
  const r = spawnSync('/bin/bash', ['-c', script.replace('RUNS', String(runs)), 'bash', cmd, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  const children = r.stdout.trim().split('\n').pop() ?? '';
  const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return secs.length === 2 ? ((secs[0] + secs[1]) * 1000) / runs : undefined;
}

/** Builds the production bundles into bench/out/production; returns that folder. */
export function productionBuild() {
  const out = join(root, 'bench/out/production');
  const b = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--outdir', out], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('production build failed');
  return out;
}

function anchorCommand(file, config) {
  return /\.[cm]?js$/.test(file) ? [process.execPath, [file, config]] : [file, [config]];
}

function cliStartup({ dist, config, runs, anchor }) {
  const cli = join(dist, 'cli.js');
  const commands = [
    { name: 'node -e 0', cmd: process.execPath, args: ['-e', '0'] },
    { name: 'keepalived-lint CONFIG', cmd: process.execPath, args: [cli, config] },
    // What a first run pays, before the loader has left a code cache (and every run where the
    // folder is read-only).
    { name: '  the same, no code cache', cmd: process.execPath, args: [cli, config], env: { KEEPALIVED_CODE_CACHE: '0' } },
  ];
  if (anchor) {
    const [cmd, args] = anchorCommand(anchor, config);
    commands.push({ name: `anchor ${relative(process.cwd(), anchor)} CONFIG`, cmd, args });
  }
  // One untimed round first: the files are in the page cache for every timed run alike, and the
  // loader has left its code cache.
  for (const c of commands) timeOnce(c.cmd, c.args, c.env);
  const times = commands.map(() => []);
  const status = commands.map(() => undefined);
  for (let i = 0; i < runs; i++) {
    commands.forEach((c, k) => {
      const r = timeOnce(c.cmd, c.args, c.env);
      times[k].push(r.ms);
      status[k] ??= r.status;
    });
  }
  const rss = commands.map((c) => median([0, 1, 2].map(() => peakRssMiB(c.cmd, c.args, c.env) ?? NaN)));
  const cpu = commands.map((c) => cpuMs(c.cmd, c.args, c.env, runs) ?? NaN);
  return commands.map((c, k) => ({ ...c, ms: median(times[k]), min: Math.min(...times[k]), rss: rss[k], cpu: cpu[k], status: status[k] }));
}

/** CPU time (ms) a running process has used so far, all threads: Linux's schedstat, in ns. */
function processCpuMs(pid) {
  try {
    let ns = 0;
    for (const t of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e6;
  } catch {
    return undefined;
  }
}

/** LSP over stdio, as an editor speaks it: Content-Length framing, JSON-RPC 2.0. */
export function lspSession(serverJs, folder, openRel, env, nodeArgs = []) {
  return new Promise((resolveRun, reject) => {
    const t0 = process.hrtime.bigint();
    const at = () => Number(process.hrtime.bigint() - t0) / 1e6;
    const proc = spawn(process.execPath, [...nodeArgs, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, ...env } });
    const send = (msg) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...msg });
      proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    const files = ['lb01', 'lb02'].map((n) => pathToFileURL(join(folder, n, 'keepalived.conf')).href);
    const open = pathToFileURL(join(folder, openRel)).href;
    const result = { initialized: undefined, firstDiagnostics: undefined, pair: undefined, cpu: undefined };
    const seen = new Set();
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => {
      proc.kill();
      reject(new Error('language server: no diagnostics for the example pair within 10 s'));
    }, 10_000);
    const finish = () => {
      clearTimeout(timer);
      send({ id: 2, method: 'shutdown' });
      send({ method: 'exit' });
      proc.once('exit', () => resolveRun(result));
      setTimeout(() => proc.kill(), 2000).unref();
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
        if (msg.id === 1 && 'result' in msg) {
          result.initialized = at();
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri: open, languageId: 'keepalived', version: 1, text: readFileSync(fileURLToPath(open), 'utf8') } } });
        } else if (msg.method === 'workspace/configuration') {
          send({ id: msg.id, result: msg.params.items.map(() => ({})) });
        } else if (msg.method && msg.id !== undefined) {
          send({ id: msg.id, result: null });
        } else if (msg.method === 'textDocument/publishDiagnostics') {
          result.firstDiagnostics ??= at();
          seen.add(msg.params.uri);
          if (result.pair === undefined && files.every((f) => seen.has(f))) {
            result.pair = at();
            // Threads that ended before now (none do in a language server's first second) are not counted.
            result.cpu = processCpuMs(proc.pid);
            finish();
          }
        }
      }
    });
    proc.on('error', reject);
    send({
      id: 1,
      method: 'initialize',
      params: {
        processId: process.pid,
        rootUri: pathToFileURL(folder).href,
        workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'nginx-ha' }],
        capabilities: { workspace: { configuration: true } },
      },
    });
  });
}

async function serverStartup(dist, runs, env) {
  const folder = join(root, 'examples/nginx-ha');
  const session = () => lspSession(join(dist, 'server.js'), folder, 'lb01/keepalived.conf', env);
  // An untimed session first: it leaves the loader's code cache.
  await session();
  const sessions = [];
  for (let i = 0; i < runs; i++) sessions.push(await session());
  const pick = (k) => median(sessions.map((s) => s[k]));
  return { initialized: pick('initialized'), firstDiagnostics: pick('firstDiagnostics'), pair: pick('pair'), cpu: pick('cpu'), runs: sessions.map((s) => s.pair) };
}

const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');

export async function startupBench(argv) {
  let config;
  let runs = 21;
  let anchor;
  let dist;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') runs = Math.max(1, Number(argv[++i]) || runs);
    else if (a === '--anchor') anchor = resolve(argv[++i] ?? '');
    else if (a === '--dist') dist = resolve(argv[++i] ?? '');
    else if (a !== '--startup') config = resolve(a);
  }
  if (anchor && !existsSync(anchor)) throw new Error(`no such anchor: ${anchor}`);
  if (!config) config = writeConfig(join(root, 'bench/out/startup.conf'), SMALL_CONFIG).path;
  dist ??= productionBuild();
  const lines = readFileSync(config, 'utf8').split('\n').length - 1;
  console.log(`start-up: ${relative(process.cwd(), config)} (${lines} lines), bundles in ${relative(process.cwd(), dist) || '.'}, ${runs} interleaved runs: median and fastest wall time; mean CPU time (user+sys) of ${runs} more; median peak RSS of 3`);

  const cli = cliStartup({ dist, config, runs, anchor });
  const bare = cli[0];
  for (const c of cli) {
    const over = c === bare ? '' : `  (+${f0(c.ms - bare.ms)} ms wall, +${f0(c.cpu - bare.cpu)} ms CPU over node)`;
    console.log(`  ${c.name.padEnd(28)} ${f0(c.ms).padStart(5)} ms  min ${f0(c.min).padStart(4)} ms  CPU ${f0(c.cpu).padStart(4)} ms  peak RSS ${Number.isFinite(c.rss) ? c.rss.toFixed(1) : 'n/a'} MiB  exit ${c.status}${over}`);
  }
  const ours = cli[1];
  const server = await serverStartup(dist, 5);
  const cold = await serverStartup(dist, 5, { KEEPALIVED_CODE_CACHE: '0' });
  const line = (s) => `initialize answered ${f0(s.initialized)} ms, first diagnostics ${f0(s.firstDiagnostics)} ms, both files ${f0(s.pair)} ms (runs: ${s.runs.map(f0).join(', ')}); server CPU by then ${f0(s.cpu)} ms`;
  console.log(`  language server spawn → diagnostics of examples/nginx-ha (lb01 opened), median of 5:`);
  console.log(`    ${line(server)}`);
  console.log(`    no code cache: ${line(cold)}`);
  const misses = [];
  if (ours.ms - bare.ms > TARGETS.cliOverNodeMs) misses.push(`CLI +${f0(ours.ms - bare.ms)} ms over node (target ${TARGETS.cliOverNodeMs})`);
  if (ours.rss > TARGETS.cliRssMiB) misses.push(`CLI peak RSS ${ours.rss.toFixed(1)} MiB (target ${TARGETS.cliRssMiB})`);
  if (server.pair > TARGETS.serverMs) misses.push(`server ${f0(server.pair)} ms to the pair's diagnostics (target ${TARGETS.serverMs})`);
  console.log(misses.length ? `  over target: ${misses.join('; ')}` : '  within the start-up targets');
}
