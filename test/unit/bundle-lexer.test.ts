// The bundles patch chevrotain's first-character table (esbuild.mjs, chevrotain-buckets): the
// bundled CLI must still read a word starting with any character, as keepalived does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');
if (!existsSync(CLI)) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });

test('the bundled CLI reads a word starting with a character from each of chevrotain\'s buckets above U+00FF', () => {
  const codes = new Set<number>();
  for (let c = 256; c <= 0xffff; c += 61) codes.add(c);
  for (let b = 255; b <= 0xffff; b += 255) for (const c of [b - 1, b, b + 1]) if (c >= 256 && c <= 0xffff) codes.add(c);
  // Lone surrogates cannot be written as UTF-8; a file never holds one.
  const starts = [...codes].filter((c) => c < 0xd800 || c > 0xdfff).sort((a, b) => a - b);
  const words = starts.map((c) => `${String.fromCharCode(c)}x`);
  const dir = mkdtempSync(join(tmpdir(), 'kl-buckets-'));
  try {
    writeFileSync(join(dir, 'keepalived.conf'), words.join('\n') + '\n');
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', 'keepalived.conf'], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const found = (JSON.parse(r.stdout) as { diagnostics: { line: number; column: number; code: string; message: string }[] }).diagnostics;
    const unknown = found.filter((d) => d.code === 'unknown-keyword');
    assert.equal(unknown.length, words.length, r.stderr);
    unknown.forEach((d, i) => {
      assert.equal(d.line, i + 1);
      assert.equal(d.column, 1);
      // Invisible characters are named instead of quoted.
      const named = `U+${starts[i].toString(16).toUpperCase().padStart(4, '0')}`;
      assert.ok(d.message.includes(`'${words[i]}'`) || d.message.includes(named), `line ${i + 1}: ${d.message}`);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
