// Failover over a real connection: the seed's pair tracking nginx with weight -20. The hover on the
// script's weight, on the track_script entry and on priority shows the scenario table; the
// quick fix writes a weight that moves the VIP; keepalived/clusters carries the table too.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import type { ClusterView } from '../../server/src/protocol';
import { applyEdits, fileUri, hoverText, positionOf, removeWorkspace, tempWorkspace, TestClient } from './lsp-client';

const conf = (id: string, state: string, priority: number) =>
  [
    'vrrp_script chk_nginx {',
    '    script "/usr/bin/pgrep nginx"',
    '    interval 2',
    '    weight -20',
    '}',
    '',
    'global_defs {',
    `    router_id ${id}`,
    '}',
    '',
    'vrrp_instance VI_1 {',
    `    state ${state}`,
    '    interface eth1',
    '    virtual_router_id 55',
    `    priority ${priority}`,
    '    virtual_ipaddress {',
    '        192.168.31.5/24',
    '    }',
    '    track_script {',
    '        chk_nginx',
    '    }',
    '}',
    '',
  ].join('\n');

const lb01Text = conf('lb01', 'MASTER', 150);
let client: TestClient;
let ws: string;
let lb01: string;

before(async () => {
  ws = tempWorkspace({ 'lb01/keepalived.conf': lb01Text, 'lb02/keepalived.conf': conf('lb02', 'BACKUP', 100) });
  lb01 = fileUri(ws, 'lb01/keepalived.conf');
  client = await TestClient.start(ws);
  client.open(lb01, lb01Text);
});

after(async () => {
  await client.close();
  removeWorkspace(ws);
});

const ROW = /\| chk_nginx fails on lb01 \| 130 \| 100 \| \*\*lb01\*\* ⚠ the VIP does not move \|/;

async function hoverOn(needle: string, delta: number): Promise<string> {
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: lb01 }, position: positionOf(lb01Text, needle, delta) });
  return hoverText(h);
}

test('hover on the vrrp_script weight, on the track_script entry and on priority shows the scenario table', async () => {
  for (const [needle, delta] of [
    ['weight -20', 2],
    ['weight -20', 8],
    ['        chk_nginx', 10],
    ['priority 150', 3],
  ] as const) {
    const v = await hoverOn(needle, delta);
    assert.match(v, /\*\*Failover of VI_1\*\* \(VRID 55\)/, `hover at ${needle}+${delta}`);
    assert.match(v, /\| scenario \| lb01 \| lb02 \| holder \|/);
    assert.match(v, /\| normal \| 150 \| 100 \| \*\*lb01\*\* \|/);
    assert.match(v, /\| lb01 down \| down \| 100 \| \*\*lb02\*\* \|/);
    assert.match(v, ROW);
  }
});

test('the warning on the track_script entry and its quick fix (weight -60), which clears it', async () => {
  const diags = await client.waitFor(lb01, (d) => d.some((x) => x.code === 'peer-failover-ineffective'));
  const d = diags.find((x) => x.code === 'peer-failover-ineffective') as Diagnostic;
  assert.equal(d.severity, 2);
  assert.equal(d.range.start.line, 19);
  assert.equal(d.message, "VI_1: chk_nginx failing on lb01 lowers its priority to 130, still above lb02's 100: the VIP stays on lb01. Use weight -51 or more, or no weight (FAULT).");
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: lb01 }, range: d.range, context: { diagnostics: [d] } });
  const set = actions.find((a) => a.title === 'Set weight -60 for chk_nginx');
  assert.ok(set, actions.map((a) => a.title).join('; '));
  assert.equal(set.isPreferred, true);
  assert.ok(actions.some((a) => a.title === 'Remove the weight of chk_nginx (FAULT while it fails)'));
  const fixed = applyEdits(lb01Text, set.edit!.changes![lb01]);
  assert.equal(fixed, lb01Text.replace('weight -20', 'weight -60'));
  client.change(lb01, fixed, 2);
  await client.waitFor(lb01, (x) => !x.some((y) => y.code === 'peer-failover-ineffective'));
  const after = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: lb01 }, position: positionOf(fixed, 'priority 150', 3) });
  assert.match(hoverText(after), /\| chk_nginx fails on lb01 \| 90 \| 100 \| \*\*lb02\*\* \|/);
});

test('keepalived/clusters lists the failover scenarios of each instance', async () => {
  const clusters = await client.request<ClusterView[]>('keepalived/clusters', {});
  const vi = clusters.flatMap((c) => c.instances).find((i) => i.name === 'VI_1');
  assert.ok(vi);
  assert.deepEqual(
    vi.failover.map((r) => r.scenario),
    ['normal', 'lb01 down', 'lb02 down', 'chk_nginx fails on lb01', 'chk_nginx fails on lb02'],
  );
  const normal = vi.failover[0];
  assert.deepEqual(normal.priorities, [
    { node: 'lb01', value: '150' },
    { node: 'lb02', value: '100' },
  ]);
  assert.equal(normal.holder, 'lb01');
  assert.equal(normal.at, undefined);
  // A tracked failure points at the entry that tracks the item on the failing node.
  const fails = vi.failover.find((r) => r.scenario === 'chk_nginx fails on lb01');
  assert.deepEqual(fails?.at, { uri: lb01, line: 19, character: 8 });
});
