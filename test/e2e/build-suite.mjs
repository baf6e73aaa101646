// Bundles the end-to-end suite into test/e2e/.run/suite.cjs, the module handed to VS Code as
// extensionTestsPath. The bundle is not minified, so stack traces of failing tests point to
// readable code (Node's source-map support, turned on from a loader, did not map them in the
// extension host when tried; suite.cjs.map is for debuggers).
//
//   node test/e2e/build-suite.mjs [--tools DIR]
//
// One CommonJS file holds suite/index.ts, every suite/*.test.ts and mocha; only `vscode` stays
// external (the extension host provides it). The test files are reached through a
// generated module 'e2e:tests' that lists them as lazy loaders, so adding a *.test.ts file is
// all it takes to add tests.
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { toolsDir } from './tools.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const suiteDir = join(here, 'suite');
const outfile = join(here, '.run', 'suite.cjs');

// mocha is a dev dependency; the e2e tools directory (setup.sh) has its own, used when the
// project's is absent.
const toolsJson = join(toolsDir(process.argv.slice(2)), 'tools.json');
const tools = existsSync(toolsJson) ? JSON.parse(readFileSync(toolsJson, 'utf8')) : undefined;

const testFiles = readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts')).sort();
if (testFiles.length === 0) {
  console.error(`[e2e build] no *.test.ts in ${suiteDir}`);
  process.exit(1);
}

const testList = {
  name: 'e2e-test-list',
  setup(build) {
    build.onResolve({ filter: /^e2e:tests$/ }, () => ({ path: 'tests', namespace: 'e2e-tests' }));
    build.onLoad({ filter: /.*/, namespace: 'e2e-tests' }, () => ({
      resolveDir: suiteDir,
      loader: 'js',
      // require() inside a closure: esbuild wraps each test module in a lazy initialiser, so
      // its describe()/it() calls run when index.ts calls load(), not when the bundle loads.
      contents: `export const testFiles = [\n${testFiles
        .map((f) => `  { file: ${JSON.stringify(join(suiteDir, f))}, load: () => require(${JSON.stringify(`./${f}`)}) },`)
        .join('\n')}\n];\n`,
    }));
  },
};

// mocha reaches its parallel runner (worker pool, require.resolve of worker files) only when
// parallel mode is on, which a single extension host cannot use; leave it out of the bundle.
const noParallelMocha = {
  name: 'no-parallel-mocha',
  setup(build) {
    build.onResolve({ filter: /parallel-buffered-runner$/ }, () => ({ path: 'parallel', namespace: 'no-parallel' }));
    build.onLoad({ filter: /.*/, namespace: 'no-parallel' }, () => ({
      contents: 'throw new Error("mocha parallel mode is not available in the bundled e2e suite");',
    }));
  },
};

const started = Date.now();
rmSync(dirname(outfile), { recursive: true, force: true });
await esbuild.build({
  entryPoints: [join(suiteDir, 'index.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  // VS Code 1.82 (the oldest the extension supports) runs extensions on Node 18
  target: 'node18',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['vscode'],
  nodePaths: tools ? [tools.nodeModules] : [],
  plugins: [testList, noParallelMocha],
  logLevel: 'warning',
});
console.log(`[e2e build] ${testFiles.length} test file(s) -> ${outfile} in ${Date.now() - started} ms`);
