// Over a real connection: a mismatched pair in a workspace folder, only one file opened.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { repoRoot, TestClient } from './lsp-client';

let client: TestClient;
let ws: string;

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (l: number, c: number) => lines.slice(0, l).reduce((n, s) => n + s.length + 1, 0) + c;
  const sorted = [...edits].sort((a, b) => offset(b.range.start.line, b.range.start.character) - offset(a.range.start.line, a.range.start.character));
  let out = text;
  for (const e of sorted) {
    out = out.slice(0, offset(e.range.start.line, e.range.start.character)) + e.newText + out.slice(offset(e.range.end.line, e.range.end.character));
  }
  return out;
}

before(async () => {
  ws = mkdtempSync(join(tmpdir(), 'kl-lsp-'));
  for (const n of ['lb01', 'lb02']) {
    mkdirSync(join(ws, n));
    writeFileSync(join(ws, n, 'keepalived.conf'), readFileSync(join(repoRoot, 'examples/nginx-ha', n, 'keepalived.conf'), 'utf8'));
  }
  // An Ansible template beside them shares the VIP but is no node: it must not join the pair.
  mkdirSync(join(ws, 'templates'));
  writeFileSync(
    join(ws, 'templates', 'keepalived.conf.j2'),
    'vrrp_instance VI_1 {\n    state {{ keepalived_state }}\n    virtual_router_id 99\n    virtual_ipaddress {\n        192.168.31.5/24\n    }\n}\n',
  );
  // Drift the BACKUP's VRID so that the pair disagrees.
  const lb02 = join(ws, 'lb02', 'keepalived.conf');
  writeFileSync(lb02, readFileSync(lb02, 'utf8').replace('virtual_router_id 55', 'virtual_router_id 56'));
  client = new TestClient();
  await client.initialize(ws);
});

after(async () => {
  await client.close();
  rmSync(ws, { recursive: true, force: true });
});

test('a peer mismatch arrives for the one open file, a quick-fix repairs it, and editing the peer clears it', async () => {
  const lb01 = pathToFileURL(join(ws, 'lb01', 'keepalived.conf')).href;
  const lb02 = pathToFileURL(join(ws, 'lb02', 'keepalived.conf')).href;
  const lb01Text = readFileSync(join(ws, 'lb01', 'keepalived.conf'), 'utf8');
  client.open(lb01, lb01Text);

  const diags = await client.waitFor(lb01, (d) => d.some((x) => x.code === 'peer-vrid-mismatch'));
  const vrid = diags.find((x) => x.code === 'peer-vrid-mismatch') as Diagnostic;
  assert.equal(vrid.source, 'keepalived');
  assert.equal(vrid.range.start.line, 10);
  assert.match(vrid.message, /virtual_router_id 55 here but 56 on lb02/);
  assert.equal(vrid.relatedInformation?.[0].location.uri, lb02);
  assert.equal(vrid.relatedInformation?.[0].location.range.start.line, 10);
  // The prefix drift of the example pair is reported too.
  assert.ok(diags.some((x) => x.code === 'peer-vip-mismatch' && x.range.start.line === 18));

  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri: lb01 },
    range: vrid.range,
    context: { diagnostics: [vrid] },
  });
  const take = actions.find((a) => a.title.includes("lb02's virtual_router_id 56"));
  const push = actions.find((a) => a.title.includes('Set virtual_router_id 55 on lb02'));
  assert.ok(take && push, `actions: ${actions.map((a) => a.title).join('; ')}`);
  assert.equal(push.kind, 'quickfix');

  // Apply "push to peer": the edit lands in lb02, which the user then has open.
  const lb02Text = readFileSync(join(ws, 'lb02', 'keepalived.conf'), 'utf8');
  const fixed = applyEdits(lb02Text, push.edit!.changes![lb02]);
  assert.match(fixed, /virtual_router_id 55/);
  client.open(lb02, lb02Text);
  client.change(lb02, fixed, 2);
  const after = await client.waitFor(lb01, (d) => !d.some((x) => x.code === 'peer-vrid-mismatch'));
  assert.ok(after.some((x) => x.code === 'peer-vip-mismatch'), 'the remaining drift is still shown');
});

test('the peers request names the other node for the diff view', async () => {
  const lb01 = pathToFileURL(join(ws, 'lb01', 'keepalived.conf')).href;
  const peers = await client.request<{ uri: string; label: string; instances: string[] }[]>('keepalived/peers', { uri: lb01 });
  assert.equal(peers.length, 1);
  assert.equal(peers[0].label, 'lb02');
  assert.deepEqual(peers[0].instances, ['VI_1']);
});

test('keepalived/compare: the two files aligned and classified by the server, with the nodes\' labels', async () => {
  const lb01 = pathToFileURL(join(ws, 'lb01', 'keepalived.conf')).href;
  const lb02 = pathToFileURL(join(ws, 'lb02', 'keepalived.conf')).href;
  type Mark = { line: number; kind: string; message: string; code?: string };
  const r = await client.request<{ left: { uri: string; label: string }; right: { uri: string; label: string }; rows: { left?: Mark; right?: Mark }[] }>('keepalived/compare', { left: lb01, right: lb02 });
  assert.deepEqual([r.left.label, r.right.label], ['lb01', 'lb02']);
  const text = readFileSync(join(ws, 'lb01', 'keepalived.conf'), 'utf8').split('\n');
  const lineOf = (start: string) => text.findIndex((l) => l.trim().startsWith(start));
  const at = (start: string) => r.rows.find((x) => x.left?.line === lineOf(start));
  assert.equal(at('state MASTER')?.left?.kind, 'expected');
  assert.match(at('state MASTER')?.right?.message ?? '', /state differs between peers \(BACKUP here, MASTER on the peer\)/);
  // the earlier test fixed the VRID in the open lb02; the VIP prefix drift remains
  assert.equal(at('virtual_router_id 55')?.right?.kind, 'same');
  assert.equal(at('192.168.31.5/24')?.left?.kind, 'mismatch');
  assert.equal(at('192.168.31.5/24')?.left?.code, 'peer-vip-mismatch');
  assert.deepEqual(at('advert_int 1')?.left, { line: lineOf('advert_int 1'), kind: 'same', message: '' });
});

test('the node labels request names both nodes of a diff by the server\'s one label rule', async () => {
  const lb01 = pathToFileURL(join(ws, 'lb01', 'keepalived.conf')).href;
  const lb02 = pathToFileURL(join(ws, 'lb02', 'keepalived.conf')).href;
  assert.deepEqual(await client.request<string[]>('keepalived/nodeLabels', { uris: [lb02, lb01] }), ['lb02', 'lb01']);
  // The same names as the clusters view shows.
  const views = await client.request<{ nodes: { uri: string; label: string }[] }[]>('keepalived/clusters', {});
  assert.deepEqual(views[0].nodes.map((n) => n.label).sort(), ['lb01', 'lb02']);
});

test('files changed on disk: a peer fixed outside the editor clears the finding; an unrelated .conf gets no diagnostics', async () => {
  const lb01 = pathToFileURL(join(ws, 'lb01', 'keepalived.conf')).href;
  const lb02Path = join(ws, 'lb02', 'keepalived.conf');
  const nginx = join(ws, 'nginx.conf');
  // Close lb02 so that the disk copy counts, then drift it again on disk.
  void client.conn.sendNotification('textDocument/didClose', { textDocument: { uri: pathToFileURL(lb02Path).href } });
  writeFileSync(lb02Path, readFileSync(lb02Path, 'utf8').replace('virtual_router_id 56', 'virtual_router_id 57'));
  writeFileSync(nginx, 'http {\n  server { listen 80; }\n}\n');
  void client.conn.sendNotification('workspace/didChangeWatchedFiles', {
    changes: [
      { uri: pathToFileURL(lb02Path).href, type: 2 },
      { uri: pathToFileURL(nginx).href, type: 1 },
    ],
  });
  const d = await client.waitFor(lb01, (x) => x.some((y) => y.code === 'peer-vrid-mismatch' && /57 on lb02/.test(y.message)));
  assert.ok(d.length > 0);
  assert.equal(client.diagnosticsOf(pathToFileURL(nginx).href), undefined);
});

test('the clusters request lists the pair, its instance on each node, and the mismatches of that instance', async () => {
  const views = await client.request<
    {
      nodes: { label: string }[];
      instances: { name: string; members: { node: string; summary: string; priority: number; vrid?: number }[]; mismatches: { code: string; node: string; problem: string; severity: string }[]; problems: number }[];
      problems: number;
    }[]
  >('keepalived/clusters', {});
  assert.equal(views.length, 1);
  assert.deepEqual(views[0].nodes.map((n) => n.label).sort(), ['lb01', 'lb02']);
  const vi1 = views[0].instances[0];
  assert.equal(vi1.name, 'VI_1');
  assert.deepEqual(vi1.members.map((m) => `${m.node} ${m.priority} ${m.vrid}`).sort(), ['lb01 150 55', 'lb02 100 57']);
  // the clusters view shows the summary the code lens and the symbols use, with interface and VIPs
  assert.equal(vi1.members.find((m) => m.node === 'lb01')?.summary, 'MASTER 150 · VRID 55 · eth1 · 192.168.31.5/24');
  assert.deepEqual([...new Set(vi1.mismatches.map((m) => m.code))].sort(), ['peer-vip-mismatch', 'peer-vrid-mismatch']);
  // each problem is reported on both nodes, and counted once
  const vrid = vi1.mismatches.filter((m) => m.code === 'peer-vrid-mismatch');
  assert.deepEqual(vrid.map((m) => m.node).sort(), ['lb01', 'lb02']);
  assert.equal(new Set(vrid.map((m) => m.problem)).size, 1);
  assert.equal(vi1.problems, new Set(vi1.mismatches.map((m) => m.problem)).size);
  assert.ok(vi1.problems < vi1.mismatches.length);
  assert.equal(views[0].problems, vi1.problems);
  assert.ok(vrid.every((m) => m.severity === 'error'));
});

test('keepalived/createPeerConfig: the BACKUP text from the MASTER file, with the next free router_id by default', async () => {
  const lb01 = pathToFileURL(join(ws, 'lb01', 'keepalived.conf')).href;
  const r = await client.request<{ text: string; routerId: string; sourceRouterId?: string; changes: string[]; warnings: string[] }>('keepalived/createPeerConfig', { uri: lb01 });
  assert.equal(r.sourceRouterId, 'lb01');
  // lb02 exists in the workspace: the default names a node nobody has
  assert.equal(r.routerId, 'lb03');
  assert.deepEqual(r.changes, ['router_id lb01 → lb03', 'VI_1: state MASTER → BACKUP', 'VI_1: priority 150 → 100', 'comment naming lb01 mirrored for lb03 (line 2)']);
  assert.deepEqual(r.warnings, []);
  const original = readFileSync(join(ws, 'lb01', 'keepalived.conf'), 'utf8');
  assert.equal(r.text, original.replace('! lb01: the MASTER node', '! lb03: the BACKUP node').replace('router_id lb01', 'router_id lb03').replace('state MASTER', 'state BACKUP').replace('priority 150', 'priority 100'));
  const named = await client.request<{ routerId: string; text: string }>('keepalived/createPeerConfig', { uri: lb01, routerId: 'lb09' });
  assert.match(named.text, /router_id lb09/);
});
