// dist/cli.js runs cli.bundle.js through V8's code cache (server/src/boot/code-cache-loader.ts):
// the cache must change nothing a user sees, survive a bad cache file, and stay off when asked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
if (!existsSync(join(ROOT, 'dist/cli.bundle.js'))) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });

const CONF = 'vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 300\n    priority 100\n}\n';

/** A copy of the CLI's files in a folder of its own, so that its cache is this test's alone. */
function copyCli(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kl-cache-'));
  for (const f of ['cli.js', 'cli.bundle.js', 'package.json']) copyFileSync(join(ROOT, 'dist', f), join(dir, f));
  writeFileSync(join(dir, 'keepalived.conf'), CONF);
  return dir;
}

const caches = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.cache'));

function run(dir: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(dir, 'cli.js'), '--format', 'json', 'keepalived.conf'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the first run leaves a cache beside the bundle; the next run reads it and reports the same', () => {
  const dir = copyCli();
  try {
    const first = run(dir);
    assert.equal(first.status, 1, first.stderr);
    assert.match(first.stdout, /virtual_router_id/);
    const [cache] = caches(dir);
    assert.ok(cache?.startsWith('cli.bundle.js.'), readdirSync(dir).join(', '));
    const bytes = readFileSync(join(dir, cache));
    const second = run(dir);
    assert.deepEqual(second, first);
    // A cache that V8 accepted is not written again.
    assert.deepEqual(readFileSync(join(dir, cache)), bytes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a damaged cache is rejected by V8: the run compiles the bundle as usual and writes a good cache', () => {
  const dir = copyCli();
  try {
    const expected = run(dir);
    const [cache] = caches(dir);
    writeFileSync(join(dir, cache), Buffer.alloc(4096, 0x5a));
    assert.deepEqual(run(dir), expected);
    assert.notDeepEqual(readFileSync(join(dir, cache)), Buffer.alloc(4096, 0x5a));
    assert.deepEqual(run(dir), expected);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('KEEPALIVED_CODE_CACHE=0 runs without a cache and writes none', () => {
  const dir = copyCli();
  try {
    const r = run(dir, { KEEPALIVED_CODE_CACHE: '0' });
    assert.equal(r.status, 1, r.stderr);
    assert.deepEqual(caches(dir), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
