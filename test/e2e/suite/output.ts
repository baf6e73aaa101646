// Marks the suite's console output so that test/e2e/run.mjs can tell it apart from the
// workbench's own log messages, which reach the driver through the same channel
// (window.codeAutomationLog). Every console call made in the extension host - mocha's reporter,
// the tests, the extension under test - gets an invisible U+2063 in front; the driver prints
// marked messages and files the rest in its log folder. A message whose first argument is not
// a string starts with two marks and a space (util.format's separator), which the driver drops.
//
// index.ts imports this module first, so the patch is in place before mocha captures
// console.log for its reporters. Only active under run.mjs (which sets
// KEEPALIVED_E2E_CONTROL_DIR); under @vscode/test-electron output goes to stdout unchanged.
export const OUTPUT_MARK = '\u2063';

if (process.env.KEEPALIVED_E2E_CONTROL_DIR) {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[level].bind(console);
    const marked = (...args: unknown[]) =>
      typeof args[0] === 'string'
        ? original(OUTPUT_MARK + args[0], ...args.slice(1))
        : original(OUTPUT_MARK + OUTPUT_MARK, ...args); // formats as MARK MARK ' ' <args>
    // The extension host installs its forwarding console methods as accessors that ignore
    // assignment, so plain `console.log = ...` would be a silent no-op; redefine instead.
    Object.defineProperty(console, level, { configurable: true, enumerable: true, get: () => marked, set: () => {} });
  }
}
