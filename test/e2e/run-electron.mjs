#!/usr/bin/env node
// Runs the same end-to-end suite in desktop VS Code through @vscode/test-electron, for machines
// that have VS Code or can download it (developer laptops, public CI). Offline machines use
// run.mjs (code-server + headless Chromium) instead; run-e2e.sh picks that one.
//
//   node test/e2e/build-suite.mjs && node test/e2e/run-electron.mjs [--timeout MS]
//
// VSCODE_EXECUTABLE_PATH: the VS Code binary to use; unset, test-electron downloads
// $VSCODE_VERSION (default 'stable') into .vscode-test/. @vscode/test-electron is not a project
// dependency: install it where Node can find it (npm i --no-save @vscode/test-electron, or into
// the e2e tools directory's js/ prefix). Screenshots are skipped on this path (the suite has no
// driver to ask), and on Linux without a display wrap the command in xvfb-run.
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
  console.error('[e2e electron] @vscode/test-electron is not installed (npm i --no-save @vscode/test-electron);\n' +
    '[e2e electron] on a machine without VS Code downloads use test/e2e/run-e2e.sh (code-server) instead');
  process.exit(2);
}

if (!existsSync(testsPath)) {
  console.error(`[e2e electron] ${testsPath} not found: run node test/e2e/build-suite.mjs first`);
  process.exit(2);
}
const { runTests } = loadTestElectron();
const scratch = mkdtempSync(join(tmpdir(), 'keepalived-e2e-electron-'));
const timeoutIndex = process.argv.indexOf('--timeout');
const timeoutMs = Number(timeoutIndex >= 0 ? process.argv[timeoutIndex + 1] : process.env.E2E_TIMEOUT_MS) || 300_000;
const timer = setTimeout(() => {
  console.error(`[e2e electron] timed out after ${timeoutMs} ms`);
  process.exit(124);
}, timeoutMs);

let code = 0;
try {
  await runTests({
    ...(process.env.VSCODE_EXECUTABLE_PATH ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE_PATH } : { version: process.env.VSCODE_VERSION || 'stable' }),
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
