// npm's `prepare`: builds the production bundles (dist/) that the package's `files` ship. npm
// runs it on `npm ci` / `npm install` in a clone, on `npm pack`, and when it installs this package
// from git. In that last case under `npm install -g` (pre-commit's node hooks install a hook's
// repository that way) npm hands --global on to the install that should fetch the dev
// dependencies, so they land beside the global package instead of here and the build cannot find
// esbuild: install them here first.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

try {
  createRequire(join(root, 'package.json')).resolve('esbuild');
} catch {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_config_(global|prefix|location)$/i.test(k)) delete env[k];
  console.error('prepare: dev dependencies are missing (a git install under npm -g); installing them here');
  run('npm', ['install', '--no-save', '--ignore-scripts', '--include=dev', '--no-audit', '--no-fund', '--location=project'], env);
}
run(process.execPath, ['esbuild.mjs', '--production']);
