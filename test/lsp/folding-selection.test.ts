// Folding ranges and smart selection over a real connection.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FoldingRange, SelectionRange } from 'vscode-languageserver-protocol';
import { fileUri, positionOf, removeWorkspace, tempWorkspace, TestClient, textOf } from './lsp-client';

const TEXT = `! Configuration File for keepalived
! second header line
! third header line

global_defs {
    router_id lb01
}

# checks
# of nginx
vrrp_script chk_nginx
{
    script "/usr/bin/pgrep nginx"
}

vrrp_instance VI_1 {
    state MASTER   # inline comment, not a run
    priority 150
    authentication {
        auth_type PASS
        auth_pass 1111
    }
    virtual_ipaddress { 10.0.0.1/24 }
}
`;

let client: TestClient;
let ws: string;
let uri: string;

before(async () => {
  ws = tempWorkspace({ 'lb01/keepalived.conf': TEXT });
  uri = fileUri(ws, 'lb01/keepalived.conf');
  client = await TestClient.start(ws);
  client.open(uri, TEXT);
});

after(async () => {
  await client.close();
  removeWorkspace(ws);
});

test('foldingRange: each multi-line block from its keyword line to the line before its }, and runs of comment lines', async () => {
  const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  const shown = ranges.map((r) => `${r.startLine}-${r.endLine}${r.kind ? ` ${r.kind}` : ''}`).sort();
  assert.deepEqual(
    shown,
    [
      '0-2 comment', // the header
      '4-5', // global_defs
      '8-9 comment', // "# checks / # of nginx"
      '10-12', // vrrp_script, whose { stands on the next line
      '15-22', // vrrp_instance
      '18-20', // authentication
    ].sort(),
  );
  // The one-line virtual_ipaddress block and the inline comment fold nothing.
  assert.ok(!ranges.some((r) => r.startLine === 22 || r.startLine === 16));
});

test('foldingRange follows edits', async () => {
  const more = TEXT.replace('    priority 150\n', '    priority 150\n    track_script {\n        chk_nginx\n    }\n');
  client.change(uri, more, 2);
  const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  assert.ok(ranges.some((r) => r.startLine === 18 && r.endLine === 19), JSON.stringify(ranges));
  assert.ok(ranges.some((r) => r.startLine === 15 && r.endLine === 25));
  client.change(uri, TEXT, 3);
});

function chain(s: SelectionRange): string[] {
  const out: string[] = [];
  for (let r: SelectionRange | undefined = s; r; r = r.parent) out.push(textOf(TEXT, r.range));
  return out;
}

test('selectionRange: word → line → block contents → block with its keyword → ... → file', async () => {
  const pos = positionOf(TEXT, 'auth_pass 1111', 3);
  const [sel] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [pos] });
  const texts = chain(sel);
  assert.equal(texts[0], 'auth_pass');
  assert.equal(texts[1], 'auth_pass 1111');
  assert.equal(texts[2], 'auth_type PASS\n        auth_pass 1111', 'the contents of authentication');
  assert.equal(texts[3], '{\n        auth_type PASS\n        auth_pass 1111\n    }');
  assert.ok(texts[4].startsWith('authentication {') && texts[4].endsWith('1111\n    }'), texts[4]);
  assert.ok(texts.some((t) => t.startsWith('state MASTER') && t.endsWith('10.0.0.1/24 }')), 'the contents of vrrp_instance');
  assert.ok(texts.some((t) => t.startsWith('vrrp_instance VI_1 {') && t.endsWith('}\n}')), 'the vrrp_instance block');
  assert.equal(texts[texts.length - 1], TEXT, 'the last range is the whole file');
  // Each range contains the one before it.
  for (let i = 1; i < texts.length; i++) assert.ok(texts[i].includes(texts[i - 1]) && texts[i].length > texts[i - 1].length, `${i}: ${texts[i]}`);
});

test('selectionRange: one answer per position, in order', async () => {
  const positions = [positionOf(TEXT, 'router_id', 2), positionOf(TEXT, '150', 1), positionOf(TEXT, '10.0.0.1/24', 4)];
  const sels = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions });
  assert.equal(sels.length, 3);
  assert.deepEqual(
    sels.map((s) => chain(s).slice(0, 3)),
    [
      ['router_id', 'router_id lb01', '{\n    router_id lb01\n}'],
      ['150', 'priority 150', TEXT.slice(TEXT.indexOf('state MASTER'), TEXT.indexOf('10.0.0.1/24 }') + 13)],
      ['10.0.0.1/24', '{ 10.0.0.1/24 }', 'virtual_ipaddress { 10.0.0.1/24 }'],
    ],
  );
});
