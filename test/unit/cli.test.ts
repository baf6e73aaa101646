// keepalived-lint as users run it: `node dist/cli.js` (built first when missing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { conf, instance, writeTree } from '../helpers/analyze';
import { SCHEMA } from '../../server/src/schema';
import { siteNode } from '../../bench/site-config.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');
if (!existsSync(CLI)) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CLEAN = instance(['    state BACKUP', '    priority 100']);
// Line 8 (1-based): `priority 300`, out of range at column 14.
const BROKEN = instance(['    state BACKUP', '    priority 300']);
const WARN_ONLY = instance(['    state BACKUP', '    priority 100', '    priority 90']);
const dir = writeTree({ 'clean.conf': CLEAN, 'broken.conf': BROKEN, 'warn.conf': WARN_ONLY, 'sub/b.conf': BROKEN });

test('text format: file:line:col: severity: message [code], with the file as given', () => {
  const r = cli(['broken.conf', 'sub/b.conf'], dir);
  assert.equal(r.status, 1, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.ok(lines.length >= 2, r.stdout);
  for (const l of lines) assert.match(l, /^[^:]+:\d+:\d+: (error|warning|information|hint): .+ \[[a-z]+(-[a-z0-9]+)*\]$/);
  assert.ok(lines.includes("broken.conf:8:14: error: '300' is out of range for 'priority' (PRIORITY): expected 1..255. keepalived rejects it and keeps the default. [value-out-of-range]"), r.stdout);
  assert.ok(lines.some((l) => l.startsWith('sub/b.conf:8:14: error: ')), r.stdout);
});

test('a clean file prints nothing and exits 0; warnings alone exit 0', () => {
  const clean = cli(['clean.conf'], dir);
  assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  assert.equal(clean.stdout, '');
  const warn = cli(['warn.conf'], dir);
  assert.equal(warn.status, 0);
  assert.match(warn.stdout, /^warn\.conf:9:5: warning: 'priority' is already set .* \[duplicate-keyword\]$/m);
});

test('--format json: a diagnostics array with the file as given and 1-based positions', () => {
  const r = cli(['--format', 'json', 'broken.conf'], dir);
  assert.equal(r.status, 1);
  const out = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[] };
  assert.ok(Array.isArray(out.diagnostics));
  const d = out.diagnostics.find((x) => x.code === 'value-out-of-range');
  assert.deepEqual(d, {
    file: 'broken.conf',
    line: 8,
    column: 14,
    endLine: 8,
    endColumn: 17,
    severity: 'error',
    code: 'value-out-of-range',
    message: "'300' is out of range for 'priority' (PRIORITY): expected 1..255. keepalived rejects it and keeps the default.",
  });
  // --format=json works too, and a clean file gives an empty array.
  const clean = cli(['--format=json', 'clean.conf'], dir);
  assert.equal(clean.status, 0);
  assert.deepEqual(JSON.parse(clean.stdout), { diagnostics: [] });
});

test('--format sarif: SARIF 2.1.0 with a result per finding carrying its ruleId', () => {
  const r = cli(['--format', 'sarif', 'broken.conf'], dir);
  assert.equal(r.status, 1);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.runs.length, 1);
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'keepalived-lint');
  const ruleIds = run.tool.driver.rules.map((x: { id: string }) => x.id);
  assert.ok(ruleIds.includes('value-out-of-range'));
  const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'value-out-of-range');
  assert.ok(res, r.stdout);
  assert.equal(res.level, 'error');
  assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'broken.conf');
  assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 8, startColumn: 14, endLine: 8, endColumn: 17 });
  for (const x of run.results) assert.ok(ruleIds.includes(x.ruleId), x.ruleId);
});

test('--format sarif: the driver declares every rule, peer rules too, from the rules table', async () => {
  const { ALL_RULES } = await import('../../server/src/rules');
  const r = cli(['--format', 'sarif', 'broken.conf'], dir);
  const rules = JSON.parse(r.stdout).runs[0].tool.driver.rules as { id: string; shortDescription: { text: string } }[];
  assert.deepEqual(rules.map((x) => x.id), ALL_RULES.map((x) => x.id));
  assert.ok(rules.some((x) => x.id === 'peer-vrid-mismatch' && x.shortDescription.text.length > 10));
});

test('exit code 2: unreadable file, missing file, bad option, bad format, no file', () => {
  const missing = cli(['nope.conf'], dir);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read nope\.conf/);
  assert.equal(missing.stdout, '');
  if (process.getuid?.() !== 0) {
    const d = writeTree({ 'secret.conf': CLEAN });
    chmodSync(join(d, 'secret.conf'), 0o000);
    assert.equal(cli(['secret.conf'], d).status, 2);
  }
  // A directory cannot be read as a file either (also as root).
  assert.equal(cli(['sub'], dir).status, 2);
  const bad = cli(['--bogus', 'clean.conf'], dir);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown option '--bogus'/);
  assert.match(bad.stderr, /usage: keepalived-lint/);
  assert.equal(cli(['--format', 'xml', 'clean.conf'], dir).status, 2);
  assert.equal(cli([], dir).status, 2);
});

test('--explain priority prints its signature, block path and range', () => {
  const r = cli(['--explain', 'priority']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^priority PRIORITY$/m);
  assert.match(r.stdout, /^ {2}block: vrrp_instance$/m);
  assert.match(r.stdout, /1\.\.255/);
  assert.match(r.stdout, /default: 100/);
  const unknown = cli(['--explain', 'no_such_keyword']);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /'no_such_keyword' is not a keepalived keyword/);
  assert.equal(cli(['--explain']).status, 2);
});

test('--explain of a keyword valid in several blocks explains each', () => {
  const r = cli(['--explain', 'interface']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /block: vrrp_instance/);
  assert.match(r.stdout, /block: garp_group/);
});

test('--list-keywords is a JSON array of {path, keyword, args, doc} for the whole schema', () => {
  const r = cli(['--list-keywords']);
  assert.equal(r.status, 0);
  const list = JSON.parse(r.stdout) as { path: string; keyword: string; args: unknown[]; doc: string }[];
  assert.ok(Array.isArray(list));
  assert.equal(list.length, SCHEMA.all.length);
  for (const k of list) {
    assert.equal(typeof k.path, 'string');
    assert.equal(typeof k.keyword, 'string');
    assert.ok(Array.isArray(k.args), k.keyword);
    assert.ok(k.doc.length > 0, k.keyword);
  }
  const prio = list.find((k) => k.keyword === 'priority' && k.path === 'vrrp_instance');
  assert.ok(prio);
  assert.deepEqual(prio.args, [{ name: 'PRIORITY', type: { kind: 'integer', min: 1, max: 255 } }]);
});

test('auth_pass values never appear in any output format', () => {
  const secrets = ['SuperSecretPass99', 'extra_secret', 'quoted secret', 'misplaced_secret', 'OtherSecret42', 'SuperSec', 'OtherSec'];
  const lb1 = conf(
    'vrrp_instance VI_1 {',
    '    state MASTER',
    '    interface eth0',
    '    virtual_router_id 51',
    '    priority 150',
    '    authentication {',
    '        auth_type PASS',
    '        auth_pass SuperSecretPass99 extra_secret',
    '        auth_pass "quoted secret"',
    '    }',
    '    virtual_ipaddress {',
    '        10.0.0.1',
    '    }',
    '}',
    'global_defs {',
    '    auth_pass misplaced_secret',
    '}',
  );
  const lb2 = instance(['    state BACKUP', '    priority 100', '    authentication {', '        auth_type PASS', '        auth_pass OtherSecret42', '    }']);
  const d = writeTree({ 'lb1.conf': lb1, 'lb2.conf': lb2 });
  for (const format of ['text', 'json', 'sarif']) {
    const r = cli(['--format', format, 'lb1.conf', 'lb2.conf'], d);
    assert.equal(r.status, 1, r.stderr);
    // The run does report on those lines...
    assert.match(r.stdout, /auth-pass-truncated/);
    // ...without quoting any part of a password.
    for (const s of secrets) {
      assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), `${format} output shows '${s}':\n${r.stdout}`);
    }
  }
});

test('a template (keepalived.conf.j2) is skipped with a note, the other files are checked', () => {
  const t = writeTree({ 'keepalived.conf.j2': instance(['    state {{ keepalived_state }}', '    priority 300']), 'broken.conf': BROKEN });
  const r = cli(['keepalived.conf.j2', 'broken.conf'], t);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /skipping keepalived\.conf\.j2: it is a template/);
  assert.ok(!r.stdout.includes('keepalived.conf.j2'), r.stdout);
  assert.ok(r.stdout.includes('broken.conf:8:14: error:'), r.stdout);
});


function sites(n: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let s = 0; s < n; s++) for (const role of [1, 2] as const) files[`site${s}/lb0${role}/keepalived.conf`] = siteNode(s, role);
  return files;
}

test('files are grouped into clusters as the server groups them: unrelated pairs are not peers of each other', () => {
  const files = sites(40);
  const d = writeTree(files);
  const r = cli(Object.keys(files), d);
  assert.equal(r.status, 0, r.stderr);
  // Forty clean MASTER/BACKUP pairs: no site is compared with another.
  assert.equal(r.stdout, '');
  // A drift inside one pair is still found, and only there.
  const drifted = writeTree({ ...files, 'site7/lb02/keepalived.conf': siteNode(7, 2).replace('10.0.7.100/24', '10.0.7.100/25') });
  const lines = cli(Object.keys(files), drifted).stdout.trimEnd().split('\n');
  assert.deepEqual([...new Set(lines.map((l) => l.split(':')[0]))].sort(), ['site7/lb01/keepalived.conf', 'site7/lb02/keepalived.conf']);
  assert.ok(lines.every((l) => /\[peer-vip-mismatch\]$/.test(l)), lines.join('\n'));
});

test('--one-cluster keeps the old reading: every file given is a peer of every other', () => {
  const files = sites(3);
  const d = writeTree(files);
  const r = cli(['--one-cluster', ...Object.keys(files)], d);
  assert.match(r.stdout, /site0\/lb01\/keepalived\.conf:\d+:\d+: .*\[peer-/);
  assert.ok(r.stdout.split('\n').some((l) => /site1-lb0\d/.test(l) && l.startsWith('site0/')), r.stdout);
});

test('--cluster groups and # keepalived-peer directives pair files that share nothing', () => {
  // Two nodes with different VIPs and VRIDs: no automatic pairing, so no peer finding.
  const files = { 'a/keepalived.conf': siteNode(1, 1), 'b/keepalived.conf': siteNode(2, 2) };
  const d = writeTree(files);
  assert.equal(cli(Object.keys(files), d).stdout, '');
  const grouped = cli(['--cluster', 'a/*.conf,b/*.conf', ...Object.keys(files)], d).stdout;
  assert.match(grouped, /\[peer-vrid-mismatch\]/);
  const directive = writeTree({ ...files, 'a/keepalived.conf': `# keepalived-peer: ../b/keepalived.conf\n${siteNode(1, 1)}` });
  assert.match(cli(Object.keys(files), directive).stdout, /\[peer-vrid-mismatch\]/);
});

test('grouping stays linear: 500 files print nothing about other sites', () => {
  const files = sites(250);
  const d = writeTree(files);
  const r = cli(['--format', 'json', ...Object.keys(files)], d);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual((JSON.parse(r.stdout) as { diagnostics: unknown[] }).diagnostics, []);
});

test('--target-version: a fraction keepalived 2.2 cannot read is an error, accepted from 2.3.2', () => {
  const d = writeTree({ 'k.conf': conf('vrrp_script chk {', '    script "/bin/true"', '    interval 0.5', '}') });
  const def = cli(['k.conf'], d);
  assert.equal(def.status, 1);
  assert.match(def.stdout, /^k\.conf:3:14: error: Invalid value '0\.5' for 'interval': keepalived 2\.2 reads whole seconds only/m);
  const newer = cli(['--target-version', '2.3.2', 'k.conf'], d);
  assert.equal(newer.status, 0, newer.stdout);
  assert.equal(cli(['--target-version', 'latest', 'k.conf'], d).status, 2);
});
