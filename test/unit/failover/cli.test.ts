// keepalived-lint --failover as users run it, and the README's tables, which must be what it prints.
import assert from 'node:assert/strict';
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');
if (!existsSync(CLI)) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const PAIR = ['lb01', 'lb02'].map((n) => `test/fixtures/failover/nginx-weight-20/${n}/keepalived.conf`);
const EXAMPLE = ['lb01', 'lb02'].map((n) => `examples/nginx-ha/${n}/keepalived.conf`);

test('--failover prints one table per instance, the ineffective failure marked', () => {
  const r = cli(['--failover', ...PAIR]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(
    r.stdout,
    [
      'VI_1 (VRID 55)',
      '  scenario                 lb01  lb02  holder',
      '  normal                   150   100   lb01',
      '  lb01 down                down  100   lb02',
      '  lb02 down                150   down  lb01',
      '  chk_nginx fails on lb01  130   100   lb01    ! the VIP does not move',
      '  chk_nginx fails on lb02  150   80    lb01',
      '',
    ].join('\n'),
  );
});

test('--failover --format json has the documented shape', () => {
  const r = cli(['--failover', '--format', 'json', ...PAIR]);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout) as { failover: unknown[] };
  assert.deepEqual(j, {
    failover: [
      {
        instance: 'VI_1',
        vrid: 55,
        scenarios: [
          { what: 'normal', node: null, track: null, priorities: { lb01: 150, lb02: 100 }, holder: 'lb01' },
          { what: 'down', node: 'lb01', track: null, priorities: { lb01: 0, lb02: 100 }, holder: 'lb02' },
          { what: 'down', node: 'lb02', track: null, priorities: { lb01: 150, lb02: 0 }, holder: 'lb01' },
          { what: 'track-fails', node: 'lb01', track: 'chk_nginx', priorities: { lb01: 130, lb02: 100 }, holder: 'lb01' },
          { what: 'track-fails', node: 'lb02', track: 'chk_nginx', priorities: { lb01: 150, lb02: 80 }, holder: 'lb01' },
        ],
      },
    ],
  });
});

test('--failover with sarif, or a single file, is told what it can do', () => {
  const bad = cli(['--failover', '--format', 'sarif', ...PAIR]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--failover prints text or json/);
  const one = cli(['--failover', PAIR[0]]);
  assert.equal(one.status, 0);
  assert.equal(one.stdout, 'No VRRP instance is shared by two or more of the files given.\n');
});

test("the README's failover tables are what the CLI prints", () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const files of [EXAMPLE, PAIR]) {
    const out = cli(['--failover', ...files]).stdout;
    assert.ok(readme.includes(`$ keepalived-lint --failover ${files.join(' ')}\n${out}\`\`\``), `README shows the output for ${files.join(' ')}:\n${out}`);
  }
});
