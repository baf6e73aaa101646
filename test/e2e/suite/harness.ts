// Helpers shared by the end-to-end tests, which run inside VS Code's extension host.
//
// The mocha functions are re-exported from here rather than used as globals: the project does
// not depend on @types/mocha, and importing them keeps `tsc -p .` happy without adding global
// declarations that would clash with node:test in the unit tests. Each wrapper looks the real
// function up when it is called, i.e. after index.ts has let mocha install its globals.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export interface TestContext {
  timeout(ms: number): void;
  skip(): never;
}
type TestFn = (this: TestContext) => unknown;
type SuiteFn = () => void;

const mochaGlobal = <T>(name: string): T => {
  const fn = (globalThis as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new Error(`mocha global '${name}' is not installed; tests must be loaded by suite/index.ts`);
  return fn as T;
};

export const describe = (title: string, fn: SuiteFn): void => mochaGlobal<(t: string, f: SuiteFn) => void>('describe')(title, fn);
export const it = (title: string, fn: TestFn): void => mochaGlobal<(t: string, f: TestFn) => void>('it')(title, fn);
export const before = (fn: TestFn): void => mochaGlobal<(f: TestFn) => void>('before')(fn);
export const after = (fn: TestFn): void => mochaGlobal<(f: TestFn) => void>('after')(fn);
export const beforeEach = (fn: TestFn): void => mochaGlobal<(f: TestFn) => void>('beforeEach')(fn);
export const afterEach = (fn: TestFn): void => mochaGlobal<(f: TestFn) => void>('afterEach')(fn);

export const EXTENSION_ID = 'keepalived-lsp.keepalived-lsp';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** URI of a file in the fixture workspace (test/e2e/workspace), the folder the runner opens. */
export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open; the runner must open test/e2e/workspace');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Opens a fixture file in an editor and returns it. */
export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Polls `probe` until it returns something other than undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

// --- screenshots -------------------------------------------------------------------------
//
// The extension host cannot see the browser that renders the workbench, so a screenshot is a
// request to the driver (test/e2e/run.mjs):
//   1. the test logs `SCREENSHOT <name> <token>` with console.log; the extension host forwards
//      console output to the page, whose window.codeAutomationLog hands it to the driver;
//   2. the driver captures the page into <screenshot dir>/<name>.png, then writes
//      <control dir>/<token>.json ({ ok, path } or { ok: false, error });
//   3. screenshot() polls for that file, so the test goes on only once the picture is taken.
// The driver passes the control directory in KEEPALIVED_E2E_CONTROL_DIR, which the extension
// host inherits from code-server. Without it (e.g. under @vscode/test-electron) screenshot()
// only logs that it skipped.

const CONTROL_DIR_ENV = 'KEEPALIVED_E2E_CONTROL_DIR';
let screenshotCounter = 0;

export async function screenshot(name: string, options: { settleMs?: number; timeoutMs?: number } = {}): Promise<string | undefined> {
  if (!/^[A-Za-z0-9][\w.-]*$/.test(name)) throw new Error(`bad screenshot name '${name}': use letters, digits, '.', '_', '-'`);
  const controlDir = process.env[CONTROL_DIR_ENV];
  if (!controlDir) {
    console.log(`[e2e] screenshot '${name}' skipped: no driver (${CONTROL_DIR_ENV} unset)`);
    return undefined;
  }
  const token = `${process.pid}-${Date.now()}-${++screenshotCounter}`;
  const ackFile = join(controlDir, `${token}.json`);
  const settle = Math.max(0, Math.round(options.settleMs ?? 400));
  console.log(`SCREENSHOT ${name} ${token} ${settle}`);
  await waitFor(`the driver to take screenshot '${name}'`, () => existsSync(ackFile), options.timeoutMs ?? 30_000);
  const ack = JSON.parse(readFileSync(ackFile, 'utf8')) as { ok: boolean; path?: string; error?: string };
  rmSync(ackFile, { force: true });
  if (!ack.ok) throw new Error(`screenshot '${name}' failed: ${ack.error}`);
  return ack.path;
}
