// keepalived-lint under the reproducers of hostile configurations: each is generated here, run in
// a child process whose wall time and peak memory are measured, and must end with the diagnostic
// of the bound it reached (or a clear refusal), never a hang, a crash or a blow-up.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { ensureBuilt, repoRoot } from '../../lsp/lsp-client';
import { writeTree } from '../../helpers/analyze';
import { MAX_EXPANSION_CHARS, MAX_FILE_BYTES, MAX_FINDINGS_PER_NODE, MAX_INCLUDE_EXPANSIONS } from '../../../server/src/limits';

const CLI = join(repoRoot, 'dist/cli.js');
// Reports the child's peak resident memory on stderr as it exits.
const RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nMAXRSS_KB '+process.resourceUsage().maxRSS+'\\n'))`;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  rssMiB: number;
}

function lint(args: string[], opts: { env?: NodeJS.ProcessEnv; timeout?: number } = {}): Run {
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, CLI, ...args], {
    encoding: 'utf8',
    timeout: opts.timeout ?? 120000,
    maxBuffer: 256 * 1024 * 1024,
    env: opts.env ?? process.env,
  });
  const ms = Date.now() - started;
  const m = /MAXRSS_KB (\d+)/.exec(r.stderr ?? '');
  return { status: r.status, stdout: r.stdout ?? '', stderr: (r.stderr ?? '').replace(/\n?MAXRSS_KB \d+\n/, ''), ms, rssMiB: m ? Number(m[1]) / 1024 : NaN };
}

/** The bound holds: finished (not killed), no crash, within time and memory. */
function bounded(r: Run, what: string, maxMs: number, maxMiB: number): void {
  assert.notEqual(r.status, null, `${what}: killed after ${r.ms} ms`);
  assert.doesNotMatch(r.stderr, /RangeError|Maximum call stack|TypeError|heap out of memory/, `${what}: ${r.stderr.slice(0, 500)}`);
  assert.ok(r.ms < maxMs, `${what}: ${r.ms} ms (bound ${maxMs})`);
  assert.ok(r.rssMiB < maxMiB, `${what}: ${r.rssMiB.toFixed(0)} MiB (bound ${maxMiB})`);
  console.log(`# ${what}: ${r.ms} ms, ${r.rssMiB.toFixed(0)} MiB`);
}

before(() => ensureBuilt());

test('include fan-out: 9 files each `include *.conf` stop at the include expansion limit', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 9; i++) files[`f${i}.conf`] = 'include *.conf\n';
  const dir = writeTree(files);
  const r = lint([join(dir, 'f0.conf')]);
  bounded(r, 'fan-out of 9', 20000, 300);
  assert.match(r.stdout, new RegExp(`included ${MAX_INCLUDE_EXPANSIONS} times into this node.*\\[limit-reached\\]`));
});

test('a chain of 17 files with 4 include lines each stops at the limit', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 17; i++) files[`c${i}.conf`] = i < 16 ? `include c${i + 1}.conf\n`.repeat(4) : 'global_defs {\n}\n';
  const r = lint([join(writeTree(files), 'c0.conf')]);
  bounded(r, 'chain of 17 × 4', 20000, 300);
  assert.match(r.stdout, /\[limit-reached\]/);
});

test('~LST of 50,000 groups nested in another ~LST: the expansion budget stops it', () => {
  const inner = Array.from({ length: 50000 }, (_, i) => `{y${i}}`).join(',');
  const outer = Array.from({ length: 100 }, (_, i) => `x${i}`).join(',');
  const dir = writeTree({ 'keepalived.conf': `~LST(a,${outer}) ~LST(b,${inner}) vrrp_script s\${a}\${b} { script "x" }\n` });
  const r = lint([join(dir, 'keepalived.conf')]);
  bounded(r, '~LST in ~LST', 30000, 600);
  assert.match(r.stdout, new RegExp(`keepalived.conf:1:1: warning: .*more than ${MAX_EXPANSION_CHARS.toLocaleString('en-US')} characters.*\\[limit-reached\\]`));
});

test('$A of 40,000 characters used 14,000 times on one line: a diagnostic, not "Invalid string length"', () => {
  const dir = writeTree({ 'keepalived.conf': `$A=${'x'.repeat(40000)}\n${'${A} '.repeat(14000)}\n` });
  const r = lint([join(dir, 'keepalived.conf')]);
  bounded(r, '14,000 × ${A}', 20000, 400);
  assert.match(r.stdout, /keepalived.conf:2:1: warning: \$NAME, ~SEQ and ~LST expansion stopped here/);
});

test('special files given to the CLI are refused at once: /dev/zero, a FIFO, a directory, /proc/self/environ', () => {
  const dir = writeTree({ 'keepalived.conf': 'global_defs {\n}\n' });
  const fifo = join(dir, 'pipe.conf');
  execFileSync('mkfifo', [fifo]);
  for (const [f, why] of [
    ['/dev/zero', /under \/proc, \/sys or \/dev/],
    [fifo, /not a regular file/],
    [dir, /not a regular file/],
    ['/proc/self/environ', /under \/proc, \/sys or \/dev/],
  ] as const) {
    const r = lint([f], { timeout: 10000 });
    bounded(r, `lint ${f}`, 5000, 200);
    assert.equal(r.status, 2, f);
    assert.match(r.stderr, why);
  }
});

test('a file over the size limit: one diagnostic, nothing read', () => {
  const dir = writeTree({});
  const big = join(dir, 'keepalived.conf');
  writeFileSync(big, 'x'.repeat(MAX_FILE_BYTES + 1024));
  const r = lint([big]);
  bounded(r, `${((MAX_FILE_BYTES + 1024) / 1048576).toFixed(1)} MiB file`, 5000, 200);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  assert.match(lines[0], /keepalived.conf:1:1: error: This file is not read: it is 8.0 MiB, over the 8 MiB limit\. \[limit-reached\]/);
  assert.equal(r.status, 1);
});

test('one line of 1,000,000 stray `}` (2 MB, a finding each): the analysis keeps 10,000, --max-problems prints 5 and a summary', () => {
  const dir = writeTree({ 'keepalived.conf': '} '.repeat(1_000_000) + '\n' });
  const r = lint(['--max-problems', '5', join(dir, 'keepalived.conf')]);
  bounded(r, '1,000,000 findings on a line', 60000, 1000);
  assert.equal(r.stdout.trim().split('\n').length, 5);
  assert.match(r.stderr, new RegExp(`keepalived-lint: ${MAX_FINDINGS_PER_NODE + 1 - 5} more problems not shown \\(${MAX_FINDINGS_PER_NODE + 1} in all; --max-problems 5\\)`));
  const all = lint(['--format', 'json', '--max-problems', '0', join(dir, 'keepalived.conf')]);
  const json = JSON.parse(all.stdout) as { diagnostics: { message: string; code: string }[] };
  assert.equal(json.diagnostics.length, MAX_FINDINGS_PER_NODE + 1);
  assert.ok(json.diagnostics.some((d) => d.code === 'limit-reached' && d.message.startsWith(`${1_000_000 - MAX_FINDINGS_PER_NODE} more problems are not listed`)));
});

test('--max-problems: N lines and a summary on stderr; 0 prints all; json stays parseable', () => {
  const text = Array.from({ length: 30 }, (_, i) => `unknown_${i} x`).join('\n') + '\n';
  const dir = writeTree({ 'keepalived.conf': text });
  const file = join(dir, 'keepalived.conf');
  const r = lint(['--max-problems', '10', file]);
  assert.equal(r.stdout.trim().split('\n').length, 10);
  assert.match(r.stderr, /keepalived-lint: 20 more problems not shown \(30 in all; --max-problems 10\)/);
  assert.equal(r.status, 1);
  assert.equal(lint(['--max-problems', '0', file]).stdout.trim().split('\n').length, 30);
  const json = JSON.parse(lint(['--format', 'json', '--max-problems=3', file]).stdout) as { diagnostics: unknown[] };
  assert.equal(json.diagnostics.length, 3);
  assert.equal(lint(['--max-problems', 'x', file]).status, 2);
});

test('deep nesting through the CLI: 5,000 nested lines and 20,000 `{` on one line', () => {
  const dir = writeTree({ 'a.conf': 'vrrp_instance V {\n'.repeat(5000), 'b.conf': '{'.repeat(20000) + '\n' });
  for (const f of ['a.conf', 'b.conf']) {
    const r = lint([join(dir, f)]);
    bounded(r, `nesting ${f}`, 30000, 400);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /\[(missing-required|unexpected-block|unbalanced-brace)\]/);
  }
});

test('includes of /etc/passwd, /proc/self/environ, ../../etc/group: nothing of them in any output format', () => {
  const dir = writeTree({});
  mkdirSync(join(dir, 'a/b'), { recursive: true });
  const file = join(dir, 'a/b/keepalived.conf');
  writeFileSync(file, `include /etc/passwd\ninclude /proc/self/environ\ninclude ${'../'.repeat(12)}etc/group\n`);
  const env = { ...process.env, MY_CI_TOKEN: 'tok-5ecret-value' };
  for (const format of ['text', 'json', 'sarif']) {
    const r = lint(['--format', format, file], { env });
    assert.doesNotMatch(r.stdout + r.stderr, /tok-5ecret-value|root:|PATH=/, format);
  }
  const text = lint([file], { env }).stdout.trim().split('\n');
  assert.deepEqual(
    text.map((l) => l.replace(/^.*keepalived.conf:(\d+):\d+: (\w+): '([^']+)' is not read: (.*?)\. \[include-not-read\]$/, '$1 $2 $3 | $4')),
    [
      '1 warning passwd | it does not look like a keepalived configuration',
      '2 warning environ | it is under /proc, /sys or /dev, which hold the state of the machine, not configurations',
      '3 warning group | it does not look like a keepalived configuration',
    ],
  );
});
