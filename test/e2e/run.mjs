#!/usr/bin/env node
// Runs the end-to-end suite in a real VS Code: code-server (VS Code's server and web workbench)
// rendered by headless Chromium, with this checkout loaded as the extension under development.
//
//   node test/e2e/run.mjs [--tools DIR] [--extension DIR] [--tests FILE] [--workspace DIR]
//                         [--screenshots DIR] [--timeout MS] [--keep]
//
// Defaults: the tools from setup.sh (see tools.mjs), the extension = this checkout's root,
// tests = test/e2e/.run/suite.cjs (build-suite.mjs), workspace = test/e2e/workspace,
// screenshots = docs/ ($E2E_SCREENSHOT_DIR), timeout = $E2E_TIMEOUT_MS or 300000 for the whole run.
// Exit code: 0 passed, 1 tests failed, 2 harness failure, 124 timed out.
//
// How it works
// - code-server is started on 127.0.0.1:0 (the kernel picks a free port, read back from its
//   log) with `--vscode-option enable-smoke-test-driver`: only then does the workbench honour
//   the `payload` query parameter that carries extensionDevelopmentPath/extensionTestsPath,
//   which code-server's own CLI does not accept.
// - Chromium opens the workbench. Before the page loads, the driver exposes
//   window.codeAutomationLog (the workbench forwards the extension host's console there while
//   extension tests run) and window.codeAutomationExit (called with the suite's exit code).
// - Screenshots: a test logs `SCREENSHOT <name> <token> <settleMs>` (suite/harness.ts,
//   screenshot()); the driver captures the page into <screenshots>/<name>.png and acknowledges
//   by writing <control dir>/<token>.json, which the test waits for.
// - Isolation: HOME, XDG_* and TMPDIR of every child point into a fresh temp folder, so
//   nothing is read from or left in the user's profile. That folder (logs included) is removed
//   after a passing run and kept, with its path printed, after a failing one or with --keep.
// - Cleanup: every child carries KEEPALIVED_E2E_RUN=<this pid>:<nonce> in its environment. At
//   the end the driver kills its process tree and then any process still carrying the marker
//   (which also catches processes that were re-parented); at start it kills leftovers of runs
//   whose driver no longer exists.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { toolsDir } from './tools.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? resolve(argv[i + 1]) : fallback;
};
const extensionPath = opt('extension', root);
const testsPath = opt('tests', join(here, '.run', 'suite.cjs'));
const workspacePath = opt('workspace', join(here, 'workspace'));
const screenshotDir = opt('screenshots', resolve(process.env.E2E_SCREENSHOT_DIR || join(root, 'docs')));
const timeoutIndex = argv.indexOf('--timeout');
const timeoutMs = Number(timeoutIndex >= 0 ? argv[timeoutIndex + 1] : process.env.E2E_TIMEOUT_MS) || 300_000;
const keep = argv.includes('--keep') || process.env.E2E_KEEP === '1';
const debug = process.env.E2E_DEBUG === '1';

const t0 = Date.now();
const say = (...args) => console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${format(...args)}`);
const fail = (code, ...args) => Object.assign(new Error(format(...args)), { exitCode: code });

// ------------------------------------------------------------------ processes
const MARKER = 'KEEPALIVED_E2E_RUN';
const OUTPUT_MARK = '\u2063'; // see suite/output.ts
const OFFLINE_NOISE = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED/;
const runId = `${process.pid}:${randomBytes(6).toString('hex')}`;

function listProcesses() {
  const procs = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      procs.push({ pid: Number(entry), ppid });
    } catch {
      /* exited meanwhile */
    }
  }
  return procs;
}

function markerOf(pid) {
  try {
    const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    const line = env.find((v) => v.startsWith(`${MARKER}=`));
    return line ? line.slice(MARKER.length + 1) : undefined;
  } catch {
    return undefined;
  }
}

/** Our descendants, plus every process carrying our marker. */
function ourProcesses() {
  const procs = listProcesses();
  const mine = new Set();
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs) {
      if (!mine.has(p.pid) && (p.ppid === process.pid || mine.has(p.ppid))) {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  for (const p of procs) if (p.pid !== process.pid && markerOf(p.pid) === runId) mine.add(p.pid);
  return [...mine];
}

/** Running (not gone, not a zombie waiting to be reaped). */
function alive(pid) {
  try {
    return !/^\S+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function killAll(pids, graceMs = 3000) {
  for (const pid of pids) try { process.kill(pid, 'SIGTERM'); } catch { /* gone */ }
  const deadline = Date.now() + graceMs;
  let left = pids;
  while (left.length && Date.now() < deadline) {
    await sleep(100);
    left = left.filter(alive);
  }
  for (const pid of left) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
  return left.length;
}

/** Processes left behind by an earlier run whose driver died (e.g. was SIGKILLed). */
async function reapOrphans() {
  const orphans = [];
  for (const { pid } of listProcesses()) {
    const m = pid === process.pid ? undefined : markerOf(pid);
    if (!m) continue;
    const owner = Number(m.split(':')[0]);
    if (owner === process.pid || (alive(owner) && markerOf(owner) === undefined && readFileSync(`/proc/${owner}/cmdline`, 'utf8').includes('run.mjs'))) continue;
    orphans.push(pid);
  }
  if (orphans.length) {
    say(`killing ${orphans.length} process(es) left by an earlier run`);
    await killAll(orphans, 1000);
  }
}

/** Sum of the proportional set size of our processes, in MiB. */
function memoryMiB() {
  let kib = 0;
  for (const pid of ourProcesses()) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) kib += Number(m[1]);
    } catch {
      /* exited meanwhile */
    }
  }
  return kib / 1024;
}

// ------------------------------------------------------------------ setup
const toolsJson = join(toolsDir(argv), 'tools.json');
if (!existsSync(toolsJson)) {
  console.error(`[e2e] ${toolsJson} not found: run test/e2e/setup.sh first`);
  process.exit(2);
}
const tools = JSON.parse(readFileSync(toolsJson, 'utf8'));
for (const [what, path] of [['extension package.json', join(extensionPath, 'package.json')], ['test module', testsPath], ['workspace', workspacePath]]) {
  if (!existsSync(path)) {
    console.error(`[e2e] ${what} not found: ${path}`);
    process.exit(2);
  }
}
if (!existsSync(join(extensionPath, 'dist', 'extension.js'))) say(`warning: ${join(extensionPath, 'dist', 'extension.js')} is missing (npm run build); the extension will fail to activate`);

const work = mkdtempSync(join(process.env.TMPDIR || tmpdir(), 'keepalived-e2e-'));
const dirs = Object.fromEntries(['home', 'tmp', 'user-data', 'extensions', 'chromium', 'control'].map((d) => [d, join(work, d)]));
for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });

const childEnv = {};
for (const [k, v] of Object.entries(process.env)) {
  // variables of an enclosing VS Code / Electron (when run from its terminal) would confuse ours
  if (!/^(VSCODE_|ELECTRON_)/.test(k)) childEnv[k] = v;
}
Object.assign(childEnv, {
  HOME: dirs.home,
  XDG_CONFIG_HOME: join(dirs.home, '.config'),
  XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
  XDG_CACHE_HOME: join(dirs.home, '.cache'),
  XDG_STATE_HOME: join(dirs.home, '.local', 'state'),
  TMPDIR: dirs.tmp,
  [MARKER]: runId,
  KEEPALIVED_E2E_CONTROL_DIR: dirs.control,
  // no extension gallery: nothing to download offline, and no failing lookups in the log
  EXTENSIONS_GALLERY: '{}',
});

// A quiet, deterministic workbench: no welcome page, no chat panel, no update or telemetry calls.
mkdirSync(join(dirs['user-data'], 'User'), { recursive: true });
writeFileSync(join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Default Dark Modern',
  'chat.disableAIFeatures': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
}, null, 2));
const configFile = join(work, 'code-server.yaml');
writeFileSync(configFile, 'auth: none\ncert: false\n');

// ------------------------------------------------------------------ code-server
function startCodeServer() {
  const log = createWriteStream(join(work, 'code-server.log'));
  const child = spawn(tools.node24, [
    tools.codeServerEntry,
    '--config', configFile,
    '--bind-addr', '127.0.0.1:0',
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', dirs['user-data'],
    '--extensions-dir', dirs.extensions,
    '--vscode-option', 'enable-smoke-test-driver',
  ], { cwd: dirs.home, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const port = new Promise((resolvePort, rejectPort) => {
    let buffered = ''; // until the port is known
    const scan = (chunk) => {
      log.write(chunk);
      if (debug) process.stdout.write(`[code-server] ${chunk}`);
      if (buffered === undefined) return;
      buffered = (buffered + chunk).slice(-8192);
      const m = /HTTP server listening on https?:\/\/127\.0\.0\.1:(\d+)/.exec(buffered);
      if (m) {
        buffered = undefined;
        resolvePort(Number(m[1]));
      }
    };
    child.stdout.setEncoding('utf8').on('data', scan);
    child.stderr.setEncoding('utf8').on('data', scan);
    child.on('exit', (code, signal) => rejectPort(fail(2, `code-server exited (${signal || code}) before listening; see ${join(work, 'code-server.log')}`)));
  });
  return { child, port };
}

function healthy(port) {
  return new Promise((ok) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
      res.resume();
      ok(res.statusCode === 200);
    });
    req.on('error', () => ok(false));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

/** `promise`, or a harness failure after `ms`. */
function withTimeout(promise, ms, message) {
  return new Promise((resolveIt, rejectIt) => {
    const timer = setTimeout(() => rejectIt(fail(2, message)), ms);
    promise.then((v) => { clearTimeout(timer); resolveIt(v); }, (e) => { clearTimeout(timer); rejectIt(e); });
  });
}

// ------------------------------------------------------------------ main
let context;
let memoryPeak = 0;
let cleaning;

async function cleanup() {
  cleaning ??= (async () => {
    if (context) await Promise.race([context.close().catch(() => {}), sleep(5000)]);
    const left = ourProcesses();
    const forced = left.length ? await killAll(left) : 0;
    if (left.length) say(`stopped ${left.length} process(es)${forced ? `, ${forced} with SIGKILL` : ''}`);
    const survivors = ourProcesses();
    if (survivors.length) say(`WARNING: processes still alive: ${survivors.join(' ')}`);
  })();
  return cleaning;
}

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    say(`${signal}: stopping`);
    cleanup().finally(() => {
      say(`logs kept in ${work}`);
      process.exit(code);
    });
  });
}

async function main() {
  await reapOrphans();
  const cs = startCodeServer();
  const port = await withTimeout(cs.port, 60_000, 'code-server did not report a port within 60 s');
  for (let i = 0; !(await healthy(port)); i++) {
    if (i > 100) throw fail(2, `code-server on port ${port} is not healthy`);
    await sleep(100);
  }
  say(`code-server ${tools.codeServerVersion} listening on 127.0.0.1:${port}`);

  const require = createRequire(join(tools.nodeModules, 'noop.js'));
  const { chromium } = require('playwright-core');
  context = await chromium.launchPersistentContext(dirs.chromium, {
    executablePath: tools.chromium,
    headless: true,
    env: childEnv,
    viewport: { width: 1280, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const browserLog = createWriteStream(join(work, 'browser-console.log'));
  page.on('console', (m) => browserLog.write(`[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => browserLog.write(`[pageerror] ${e.stack || e}\n`));

  let settle;
  const finished = new Promise((r) => (settle = r));
  page.on('crash', () => settle({ code: 2, why: 'the page crashed' }));
  context.on('close', () => settle({ code: 2, why: 'the browser closed' }));
  cs.child.on('exit', () => settle({ code: 2, why: `code-server exited; see ${join(work, 'code-server.log')}` }));

  // Screenshots are taken one at a time, in the order the tests asked for them.
  let shots = Promise.resolve();
  const takeScreenshot = (name, token, settleMs) => {
    shots = shots.then(async () => {
      const ack = join(dirs.control, `${token}.json`);
      try {
        if (!/^[A-Za-z0-9][\w.-]*$/.test(name)) throw new Error(`bad name '${name}'`);
        await sleep(settleMs);
        // two animation frames: whatever the last edit scheduled has been painted
        await page.evaluate(() => new Promise((r) => window.requestAnimationFrame(() => window.requestAnimationFrame(r))));
        mkdirSync(screenshotDir, { recursive: true });
        const path = join(screenshotDir, `${name}.png`);
        await page.screenshot({ path });
        say(`screenshot ${path}`);
        writeFileSync(`${ack}.tmp`, JSON.stringify({ ok: true, path }));
      } catch (e) {
        say(`screenshot ${name} failed: ${e.message}`);
        writeFileSync(`${ack}.tmp`, JSON.stringify({ ok: false, error: String(e.message) }));
      }
      // rename: the test never sees a half-written acknowledgement
      renameSync(`${ack}.tmp`, ack);
    });
  };

  // Console output of the extension host arrives marked (suite/output.ts) and is printed; the
  // workbench's own messages go to workbench.log, errors and warnings also to stdout, except
  // the ones an offline machine always produces.
  const workbenchLog = createWriteStream(join(work, 'workbench.log'));
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const text = Array.isArray(args) ? format(...args) : format(args);
    if (debug) say(`log[${level}] ${JSON.stringify(args)}`);
    const marked = text.startsWith(OUTPUT_MARK);
    if (!marked && !text.startsWith('SCREENSHOT ')) {
      workbenchLog.write(`[${level}] ${text}\n`);
      if ((level === 'error' || level === 'warn') && !OFFLINE_NOISE.test(text)) console.log(`[workbench ${level}] ${text}`);
      return;
    }
    const body = text.replace(/^\u2063\u2063 ?|^\u2063/, '');
    for (const line of body.split('\n')) {
      const shot = /^SCREENSHOT (\S+) (\S+) (\d+)\s*$/.exec(line);
      if (shot) takeScreenshot(shot[1], shot[2], Number(shot[3]));
      else console.log(line);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => settle({ code: code === 0 ? 0 : 1, why: `suite exited with ${code}` }));

  const payload = JSON.stringify([
    ['extensionDevelopmentPath', `vscode-remote://remote${extensionPath}`],
    ['extensionTestsPath', `vscode-remote://remote${testsPath}`],
  ]);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspacePath)}&payload=${encodeURIComponent(payload)}`;
  say(`opening the workbench: extension ${extensionPath}, tests ${testsPath}`);
  await page.goto(url, { waitUntil: 'domcontentloaded' });

  const left = timeoutMs - (Date.now() - t0);
  const timer = setTimeout(() => settle({ code: 124, why: `timed out after ${timeoutMs} ms` }), Math.max(left, 1000));
  const sampler = setInterval(() => { memoryPeak = Math.max(memoryPeak, memoryMiB()); }, 1000);
  const result = await finished;
  clearTimeout(timer);
  clearInterval(sampler);
  await shots;
  if (result.code !== 0 && !page.isClosed()) {
    const path = join(work, 'failure.png');
    if (await page.screenshot({ path, timeout: 5000 }).then(() => true, () => false)) say(`screenshot of the failure: ${path}`);
  }
  return result;
}

let exitCode;
try {
  const result = await main();
  exitCode = result.code;
  say(`${result.why}; peak memory of code-server + chromium: ${Math.round(memoryPeak)} MiB (PSS)`);
} catch (e) {
  exitCode = e.exitCode ?? 2;
  say(`harness failure: ${e.stack || e}`);
}
await cleanup();
if (exitCode === 0 && !keep) rmSync(work, { recursive: true, force: true });
else say(`logs kept in ${work}`);
say(exitCode === 0 ? 'PASS' : `FAIL (exit ${exitCode})`);
process.exit(exitCode);
