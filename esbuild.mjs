// Bundles the client, the server and the CLI. chevrotain 11 is ESM-only, so everything is
// bundled into CommonJS files that VS Code's extension host and plain Node 20 both load.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--outdir DIR` builds elsewhere than dist/ (the benchmark measures a production build there).
const outdirAt = process.argv.indexOf('--outdir');
const outdir = outdirAt >= 0 ? process.argv[outdirAt + 1] : 'dist';

/**
 * chevrotain's Lexer constructor fills a 65,536-entry table (char code → first-character bucket)
 * with a loop hot enough for V8 to optimise it: ~3 ms and ~1.7 MiB of the CLI's start-up, for a
 * table our ASCII configs never read (codes below 256 are their own bucket). The bundle computes
 * the bucket instead, with the same answers; the lexer files its candidates and looks them up
 * through that one function. test/unit/bundle-lexer.test.ts runs the bundled CLI on words starting
 * with characters from every bucket. The build fails if chevrotain's code no longer matches.
 */
const chevrotainBuckets = {
  name: 'chevrotain-buckets',
  setup(build) {
    build.onLoad({ filter: /[\\/]chevrotain[\\/]lib[\\/]src[\\/]scan[\\/]lexer\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const lookup = /: charCodeToOptimizedIdxMap\[charCode\];/;
      const fill = /if \(isEmpty\(charCodeToOptimizedIdxMap\)\) \{/;
      if (!lookup.test(src) || !fill.test(src)) throw new Error(`${args.path}: chevrotain changed; update the chevrotain-buckets plugin in esbuild.mjs`);
      const contents = src
        .replace(lookup, ': charCode < 65536 ? 255 + ~~(charCode / 255) : undefined;')
        .replace(fill, 'if (false) {');
      return { contents, loader: 'js' };
    });
  },
};

/**
 * V8 compiles a "small function" (under ~80 bytes of bytecode) with TurboFan as soon as it is hot.
 * lodash's arrayEach, which chevrotain calls ~560 times while it analyses our grammar, is the only
 * function a small run gets optimised: that one background compile costs ~3.5 MiB of the CLI's
 * peak RSS for a process that ends a few milliseconds later. The same loop with a branch that never
 * runs is too big for that early path; it is still optimised on the normal one when a large file
 * keeps it hot. The build fails if lodash's code no longer matches.
 */
const lodashArrayEach = {
  name: 'lodash-array-each',
  setup(build) {
    build.onLoad({ filter: /[\\/]lodash-es[\\/]_arrayEach\.js$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const loop = /function arrayEach\(array, iteratee\) \{\n/;
      if (!loop.test(src) || !src.includes('iteratee(array[index], index, array) === false')) {
        throw new Error(`${args.path}: lodash changed; update the lodash-array-each plugin in esbuild.mjs`);
      }
      const notSmall = `  if (iteratee === arrayEach) {
    // Never taken: it only makes the function too large for V8's early optimisation (esbuild.mjs).
    var pad = [array, array, array, array, array, array, array, array];
    return [pad, pad, pad, pad, pad, pad, pad, pad, pad, pad, pad, pad];
  }
`;
      return { contents: src.replace(loop, (m) => m + notSmall), loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Production bundles skip chevrotain's grammar validations (server/src/build-flags.ts); the
  // tests run the parser with them on.
  define: { KEEPALIVED_PRODUCTION_BUILD: production ? 'true' : 'false' },
  plugins: [chevrotainBuckets, lodashArrayEach],
};

// dist/cli.js and dist/server.js (the contracts) are small loaders that run cli.bundle.js and
// server.bundle.js through V8's code cache (server/src/boot/code-cache-loader.ts). Those bundles
// are one function expression each, the way the loader compiles them.
const wrapped = { banner: { js: '(function (exports, require, module, __filename, __dirname) {' }, footer: { js: '})' } };
const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: `${outdir}/server.bundle.js`, ...wrapped },
  { entryPoints: ['server/src/cli.ts'], outfile: `${outdir}/cli.bundle.js`, ...wrapped },
];
const loaders = [
  { bundle: 'server.bundle.js', outfile: `${outdir}/server.js` },
  { bundle: 'cli.bundle.js', outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } },
];

/** The loader of one bundle; `id` names the bundle's content in its cache files ('' = no cache). */
function loaderBuild(l, id) {
  return {
    ...common,
    entryPoints: ['server/src/boot/code-cache-loader.ts'],
    outfile: l.outfile,
    banner: l.banner,
    sourcemap: false,
    define: { ...common.define, KEEPALIVED_BUNDLE: JSON.stringify(l.bundle), KEEPALIVED_BUNDLE_ID: JSON.stringify(id) },
  };
}

// The package is "type": "module" (tests import the ESM-only chevrotain through tsx); the bundles
// are CommonJS, which a package.json beside them declares.
mkdirSync(outdir, { recursive: true });
writeFileSync(`${outdir}/package.json`, '{ "type": "commonjs" }\n');
// Caches of earlier builds (their names no longer match: they would only take space), and source
// maps a production build would leave behind, describing older bundles.
for (const f of readdirSync(outdir)) {
  if (/\.cache$|\.cache\.\d+\.tmp$|\.map$/.test(f)) rmSync(join(outdir, f), { force: true });
}

if (watch) {
  // A bundle that changes under a running loader must never meet a cache of its older self.
  for (const b of [...bundles, ...loaders.map((l) => loaderBuild(l, ''))]) {
    const ctx = await esbuild.context({ ...common, ...b });
    await ctx.watch();
  }
} else {
  await Promise.all(bundles.map((b) => esbuild.build({ ...common, ...b })));
  await Promise.all(
    loaders.map((l) => {
      const id = createHash('sha256').update(readFileSync(`${outdir}/${l.bundle}`)).digest('hex').slice(0, 16);
      return esbuild.build(loaderBuild(l, id));
    }),
  );
}
