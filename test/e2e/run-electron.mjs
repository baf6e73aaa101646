#!/usr/bin/env node
// Runs the same end-to-end suite in desktop VS Code through @vscode/test-electron, for machines
// that have VS Code or can download it (developer laptops, public CI). Offline machines use
// run.mjs (code-server + headless Chromium) instead; run-e2e.sh picks that one.
//
//   npm run test:vscode    (= build, build-suite.mjs, then this script)
//   node test/e2e/run-electron.mjs [--timeout MS] [--download-timeout MS]
//
// VSCODE_EXECUTABLE_PATH: the VS Code binary to use; unset, @vscode/test-electron (a dev
// dependency) downloads $VSCODE_VERSION (default 'stable') into .vscode-test/. A download that
// cannot start or stalls (an offline machine) ends the run within --download-timeout
// (E2E_DOWNLOAD_TIMEOUT_MS, default 60 s) with a message saying what to do instead. Screenshots
// are skipped on this path (the suite has no driver to ask), and on Linux without a display wrap
// the command in xvfb-run.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toolsDir } from './tools.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const testsPath = join(here, '.run', 'suite.cjs');
const workspacePath = join(here, 'workspace');

function loadTestElectron() {
  for (const base of [join(root, 'package.json'), join(toolsDir(process.argv.slice(2)), 'js', 'package.json')]) {
    try {
      return createRequire(base)('@vscode/test-electron');
    } catch {
      /* try the next place */
    }
  }
  console.error('[e2e electron] @vscode/test-electron is not installed: run npm ci');
  process.exit(2);
}

if (!existsSync(testsPath)) {
  console.error(`[e2e electron] ${testsPath} not found: run node test/e2e/build-suite.mjs first`);
  process.exit(2);
}
const { downloadAndUnzipVSCode, runTests } = loadTestElectron();

function option(name, env, fallback) {
  const i = process.argv.indexOf(name);
  return Number(i >= 0 ? process.argv[i + 1] : process.env[env]) || fallback;
}

/** VS Code to run: $VSCODE_EXECUTABLE_PATH, else a download that must finish within `ms`. */
async function vscodeExecutable(ms) {
  if (process.env.VSCODE_EXECUTABLE_PATH) return process.env.VSCODE_EXECUTABLE_PATH;
  const version = process.env.VSCODE_VERSION || 'stable';
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no VS Code after ${ms} ms`)), ms);
  });
  try {
    // The idle timeout covers a stalled transfer; the deadline covers a lookup that never answers.
    return await Promise.race([downloadAndUnzipVSCode({ version, timeout: Math.min(ms, 30_000) }), deadline]);
  } catch (e) {
    console.error(
      `[e2e electron] could not download VS Code ${version}: ${e && e.message ? e.message : e}\n` +
        '[e2e electron] set VSCODE_EXECUTABLE_PATH to a VS Code binary, or on a machine without network access\n' +
        '[e2e electron] run the same suite in code-server: npm run test:e2e',
    );
    process.exit(2);
  } finally {
    clearTimeout(timer);
  }
}

const vscodeExecutablePath = await vscodeExecutable(option('--download-timeout', 'E2E_DOWNLOAD_TIMEOUT_MS', 60_000));
const scratch = mkdtempSync(join(tmpdir(), 'keepalived-e2e-electron-'));
const timeoutMs = option('--timeout', 'E2E_TIMEOUT_MS', 300_000);
const timer = setTimeout(() => {
  console.error(`[e2e electron] timed out after ${timeoutMs} ms`);
  process.exit(124);
}, timeoutMs);

let code = 0;
try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: testsPath,
    launchArgs: [
      workspacePath,
      '--disable-extensions', // other installed extensions stay out of the run
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir', join(scratch, 'user-data'),
      '--extensions-dir', join(scratch, 'extensions'),
    ],
  });
} catch (e) {
  console.error(`[e2e electron] ${e && e.message ? e.message : e}`);
  code = 1;
} finally {
  clearTimeout(timer);
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
