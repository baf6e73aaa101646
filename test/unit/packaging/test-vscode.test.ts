// `npm run test:vscode` on a machine that cannot reach VS Code's download server: it must stop
// within its download deadline with a message naming the alternatives, not hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

test('test:vscode without network: exit 2 within the download deadline, saying what to run instead', () => {
  const build = spawnSync(process.execPath, ['test/e2e/build-suite.mjs'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(build.status, 0, build.stderr);
  const dir = mkdtempSync(join(tmpdir(), 'test-vscode-'));
  try {
    // A resolver that never answers: the network of an offline machine at its worst.
    const hang = join(dir, 'hang-dns.cjs');
    writeFileSync(hang, "require('node:dns').lookup = () => {};\n");
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${hang}` };
    delete env.VSCODE_EXECUTABLE_PATH;
    const started = Date.now();
    const r = spawnSync(process.execPath, ['test/e2e/run-electron.mjs', '--download-timeout', '2000'], { cwd: root, env, encoding: 'utf8', timeout: 30_000 });
    const took = Date.now() - started;
    assert.equal(r.signal, null, 'run-electron.mjs hung and was killed');
    assert.equal(r.status, 2, r.stderr);
    assert.ok(took < 15_000, `took ${took} ms`);
    assert.match(r.stderr, /could not download VS Code stable: no VS Code after 2000 ms/);
    assert.match(r.stderr, /VSCODE_EXECUTABLE_PATH/);
    assert.match(r.stderr, /npm run test:e2e/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
