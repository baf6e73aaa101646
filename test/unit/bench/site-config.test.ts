// The 500-node benchmark's nodes (bench/site-config.mjs siteNodeFull): each pair is clean, no pair
// is compared with another, and the VRID edit the bench makes is a peer finding on both files.
import assert from 'node:assert/strict';
import { spawnSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { writeTree } from '../../helpers/analyze';
import { siteNodeFull } from '../../../bench/site-config.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');
if (!existsSync(CLI)) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });

// Sites whose VRIDs wrap around (VI_2 is VI_1's VRID ± 100) and whose VRIDs meet other sites'.
const SITES = [0, 1, 3, 103, 154, 155, 249];

function tree(edit?: (s: number, role: 1 | 2, text: string) => string): { dir: string; files: string[] } {
  const files: Record<string, string> = {};
  for (const s of SITES) for (const role of [1, 2] as const) files[`site${s}/lb0${role}/keepalived.conf`] = edit ? edit(s, role, siteNodeFull(s, role)) : siteNodeFull(s, role);
  return { dir: writeTree(files), files: Object.keys(files) };
}

test('a generated node is 40-80 lines with scripts, tracking and authentication', () => {
  const text = siteNodeFull(7, 1);
  const lines = text.split('\n').length - 1;
  assert.ok(lines >= 40 && lines <= 80, `${lines} lines`);
  for (const k of ['vrrp_script chk_haproxy', 'track_script', 'auth_type PASS', 'virtual_router_id 8', 'state MASTER']) assert.ok(text.includes(k), k);
  assert.ok(siteNodeFull(7, 2).includes('state BACKUP'));
});

test('the generated pairs are clean and not peers of each other', () => {
  const { dir, files } = tree();
  const r = spawnSync(process.execPath, [CLI, ...files], { cwd: dir, encoding: 'utf8', timeout: 60000 });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
});

test("the bench's edit (lb01's VI_1 VRID off by one) is a peer-vrid-mismatch on both nodes of that site only", () => {
  const { dir, files } = tree((s, role, text) => (s === 103 && role === 1 ? text.replace('virtual_router_id 104\n', 'virtual_router_id 105\n') : text));
  const r = spawnSync(process.execPath, [CLI, ...files], { cwd: dir, encoding: 'utf8', timeout: 60000 });
  const lines = r.stdout.trimEnd().split('\n');
  assert.deepEqual(lines.map((l) => l.split(':')[0]).sort(), ['site103/lb01/keepalived.conf', 'site103/lb02/keepalived.conf']);
  assert.ok(lines.every((l) => l.endsWith('[peer-vrid-mismatch]')), r.stdout);
});
