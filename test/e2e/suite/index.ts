// Entry point of the end-to-end suite: the module VS Code loads as extensionTestsPath.
// VS Code calls run() in the extension host once the extension under development is
// registered; the returned promise settles the run (a rejection makes the host exit with 1).
//
// build-suite.mjs bundles this file, mocha and every suite/*.test.ts into test/e2e/.run/suite.cjs
// (only `vscode` stays external). The test files arrive as lazy loaders through the generated
// module 'e2e:tests', so they are evaluated here, after mocha has installed describe/it.
import './output';
import Mocha from 'mocha';
import { testFiles } from 'e2e:tests';

export function run(): Promise<void> {
  const grep = process.env.E2E_GREP;
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.E2E_TEST_TIMEOUT_MS) || 30_000,
    slow: 5_000,
    ...(grep ? { grep } : {}),
  });

  for (const { file, load } of testFiles) {
    mocha.suite.emit('pre-require', globalThis, file, mocha);
    mocha.suite.emit('require', load(), file, mocha);
    mocha.suite.emit('post-require', globalThis, file, mocha);
  }

  return new Promise((resolve, reject) => {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const runner = mocha.run((failures) => {
      // the closing line CI looks for
      console.log(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped`);
      if (failures > 0 || passed === 0) reject(new Error(failures > 0 ? `${failures} end-to-end test(s) failed` : 'no end-to-end test ran'));
      else resolve();
    });
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
    runner.on('pending', () => skipped++);
  });
}
