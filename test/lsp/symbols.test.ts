// Document symbols (the outline) and workspace symbols over a real connection.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { DocumentSymbol, SymbolInformation } from 'vscode-languageserver-protocol';
import { fileUri, removeWorkspace, repoRoot, tempWorkspace, TestClient, textOf } from './lsp-client';

const WEB = `! Configuration File for keepalived
global_defs {
    router_id web1
}
vrrp_script chk_nginx {
    script "/usr/bin/pgrep nginx"
    interval 2
}
vrrp_instance VI_WEB {
    state MASTER
    interface eth0
    virtual_router_id 60
    priority 150
    authentication {
        auth_type PASS
        auth_pass 1111
    }
    virtual_ipaddress {
        10.0.0.10/24
    }
    track_script {
        chk_nginx
    }
}
virtual_server 10.0.0.10 80 {
    lb_algo rr
    lb_kind DR
    real_server 10.0.0.11 80 {
        weight 1
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`;

let client: TestClient;
let ws: string;
const example = (n: string) => readFileSync(join(repoRoot, 'examples/nginx-ha', n, 'keepalived.conf'), 'utf8');

before(async () => {
  ws = tempWorkspace({
    'lb01/keepalived.conf': example('lb01'),
    'lb02/keepalived.conf': example('lb02'),
    'web/keepalived.conf': WEB,
    'notes/readme.txt': 'vrrp_instance NOT_A_CONFIG {\n}\n',
  });
  client = await TestClient.start(ws);
});

after(async () => {
  await client.close();
  removeWorkspace(ws);
});

interface Outline {
  name: string;
  detail?: string;
  children?: Outline[];
}

function outline(list: DocumentSymbol[]): Outline[] {
  return list.map((s) => {
    const o: Outline = { name: s.name };
    if (s.detail) o.detail = s.detail;
    if (s.children?.length) o.children = outline(s.children);
    return o;
  });
}

test('documentSymbol: every block, nested as keepalived reads it, with details', async () => {
  const uri = fileUri(ws, 'web/keepalived.conf');
  client.open(uri, WEB);
  const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(outline(syms), [
    { name: 'global_defs' },
    { name: 'vrrp_script chk_nginx', detail: '/usr/bin/pgrep nginx' },
    {
      name: 'vrrp_instance VI_WEB',
      detail: 'MASTER 150 · VRID 60',
      children: [{ name: 'authentication' }, { name: 'virtual_ipaddress', detail: '1 entry' }, { name: 'track_script', detail: '1 entry' }],
    },
    {
      name: 'virtual_server 10.0.0.10 80',
      detail: 'rr · DR · 1 real server',
      children: [{ name: 'real_server 10.0.0.11 80', detail: 'weight 1', children: [{ name: 'TCP_CHECK' }] }],
    },
  ]);
  const inst = syms[2];
  assert.equal(inst.kind, 5, 'a vrrp_instance is a Class');
  assert.equal(syms[1].kind, 12, 'a vrrp_script is a Function');
  // The range spans the block through its `}`; the selection range is the head line.
  assert.equal(textOf(WEB, inst.selectionRange), 'vrrp_instance VI_WEB');
  const body = textOf(WEB, inst.range);
  assert.ok(body.startsWith('vrrp_instance VI_WEB {') && body.endsWith('chk_nginx\n    }\n}'), body);
  // Children lie inside their parent.
  const within = (p: DocumentSymbol) => {
    for (const c of p.children ?? []) {
      assert.ok(c.range.start.line >= p.range.start.line && c.range.end.line <= p.range.end.line, `${c.name} inside ${p.name}`);
      within(c);
    }
  };
  syms.forEach(within);
});

test('documentSymbol of a file that is only on disk (not open) works too', async () => {
  const uri = fileUri(ws, 'lb02/keepalived.conf');
  const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(
    syms.map((s) => [s.name, s.detail]),
    [
      ['global_defs', undefined],
      ['vrrp_instance VI_1', 'BACKUP 100 · VRID 55'],
    ],
  );
});

test('documentSymbol follows edits of the open buffer', async () => {
  const uri = fileUri(ws, 'web/keepalived.conf');
  client.change(uri, WEB.replace('vrrp_instance VI_WEB', 'vrrp_instance VI_RENAMED').replace('priority 150', 'priority 120'), 2);
  const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.equal(syms[2].name, 'vrrp_instance VI_RENAMED');
  assert.equal(syms[2].detail, 'MASTER 120 · VRID 60');
  client.change(uri, WEB, 3);
});

test('workspace/symbol finds the instances of every keepalived file of the workspace, opened or not', async () => {
  const all = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'vrrp_instance' });
  const found = all
    .filter((s) => s.name.startsWith('vrrp_instance '))
    .map((s) => `${s.name} @ ${s.location.uri.slice(s.location.uri.indexOf(ws) + ws.length + 1)}:${s.location.range.start.line}`)
    .sort();
  assert.deepEqual(found, [
    'vrrp_instance VI_1 @ lb01/keepalived.conf:7',
    'vrrp_instance VI_1 @ lb02/keepalived.conf:7',
    'vrrp_instance VI_WEB @ web/keepalived.conf:8',
  ]);
  for (const s of all.filter((x) => x.name.startsWith('vrrp_instance '))) assert.equal(s.kind, 5);
});

test('workspace/symbol: a fuzzy query; names, scripts, servers with their container', async () => {
  const vi1 = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'VI_1' });
  assert.deepEqual(
    vi1.filter((s) => s.name.startsWith('vrrp_instance')).map((s) => `${s.name} ${s.location.uri}`).sort(),
    [`vrrp_instance VI_1 ${fileUri(ws, 'lb01/keepalived.conf')}`, `vrrp_instance VI_1 ${fileUri(ws, 'lb02/keepalived.conf')}`],
  );
  const chk = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'chknginx' });
  assert.deepEqual(
    chk.map((s) => s.name),
    ['vrrp_script chk_nginx'],
  );
  const rs = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'real_server' });
  assert.equal(rs.length, 1);
  assert.equal(rs[0].name, 'real_server 10.0.0.11 80');
  assert.equal(rs[0].containerName, 'virtual_server 10.0.0.10 80');
  assert.equal(rs[0].location.range.start.line, 27);
  const none = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'NOT_A_CONFIG' });
  assert.deepEqual(none, [], 'files that are not keepalived configs are not read');
});
