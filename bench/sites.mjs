// Many unrelated MASTER/BACKUP pairs on one command line (`keepalived-lint site*/lb0*/keepalived.conf`):
// times the CLI at two sizes and reports the output size, to show that grouping files into clusters
// keeps both linear in the number of files. --one-cluster, which compares every file with every
// other, is the reference in the same run. A report, not a test: it always exits 0.
//
//   node bench/sites.mjs [--sites N] (default 250 sites = 500 files; the small run is a fifth of it)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { siteNode } from './site-config.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli.js');
const at = process.argv.indexOf('--sites');
const SITES = at > 0 ? Number(process.argv[at + 1]) : 250;


const dir = mkdtempSync(join(tmpdir(), 'kl-sites-'));
try {
  const files = [];
  for (let s = 0; s < SITES; s++) {
    for (const role of [1, 2]) {
      const f = join(`site${s}`, `lb0${role}`, 'keepalived.conf');
      mkdirSync(join(dir, dirname(f)), { recursive: true });
      writeFileSync(join(dir, f), siteNode(s, role));
      files.push(f);
    }
  }
  const run = (args) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, maxBuffer: 1024 * 1024 * 1024 });
    return { ms: Number(process.hrtime.bigint() - t0) / 1e6, bytes: r.stdout.length, lines: r.stdout.toString().split('\n').filter(Boolean).length };
  };
  const small = files.slice(0, Math.max(2, Math.floor(files.length / 5) & ~1));
  const rows = [];
  for (const [label, extra] of [['clusters (default)', []], ['--one-cluster', ['--one-cluster']]]) {
    const a = run([...extra, ...small]);
    const b = run([...extra, ...files]);
    rows.push(`${label.padEnd(20)} ${String(small.length).padStart(5)} files: ${a.ms.toFixed(0).padStart(6)} ms ${String(a.bytes).padStart(9)} B ${String(a.lines).padStart(6)} lines | ${String(files.length).padStart(5)} files: ${b.ms.toFixed(0).padStart(6)} ms ${String(b.bytes).padStart(9)} B ${String(b.lines).padStart(6)} lines | time ×${(b.ms / a.ms).toFixed(1)}, output ×${a.bytes ? (b.bytes / a.bytes).toFixed(1) : '-'} for ×${(files.length / small.length).toFixed(1)} files`);
  }
  console.log(`${SITES} unrelated pairs, every instance named VI_1\n${rows.join('\n')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
