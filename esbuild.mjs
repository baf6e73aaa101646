// Bundles the client, the server and the CLI. chevrotain 11 is ESM-only, so everything is
// bundled into CommonJS files that VS Code's extension host and plain Node 20 both load.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// `--outdir DIR` builds elsewhere than dist/ (the benchmark measures a production build there).
const outdirAt = process.argv.indexOf('--outdir');
const outdir = outdirAt >= 0 ? process.argv[outdirAt + 1] : 'dist';

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
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: `${outdir}/extension.js`, external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: `${outdir}/server.js` },
  { entryPoints: ['server/src/cli.ts'], outfile: `${outdir}/cli.js`, banner: { js: '#!/usr/bin/env node' } },
];

// The package is "type": "module" (tests import the ESM-only chevrotain through tsx); the bundles
// are CommonJS, which a package.json beside them declares.
mkdirSync(outdir, { recursive: true });
writeFileSync(`${outdir}/package.json`, '{ "type": "commonjs" }\n');

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context({ ...common, ...b });
    await ctx.watch();
  }
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
