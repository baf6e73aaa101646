// The server's behaviour over time: an open buffer outlives its deleted file, quick fixes carry
// the document version, an untrusted workspace reads nothing outside its folders, and a request
// on one document is answered while another, heavy one is analysed.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, test } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { fileUri, removeWorkspace, tempWorkspace, TestClient } from './lsp-client';

const started: { client: TestClient; ws: string }[] = [];
after(async () => {
  for (const s of started) {
    await s.client.close();
    removeWorkspace(s.ws);
  }
});

/** A server on a fresh workspace, initialized with these options and client capabilities. */
async function server(files: Record<string, string>, init: { trusted?: boolean; documentChanges?: boolean } = {}): Promise<{ client: TestClient; ws: string }> {
  const ws = tempWorkspace(files);
  const client = new TestClient();
  const uri = pathToFileURL(ws).href;
  await client.conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'ws' }],
    initializationOptions: init.trusted === undefined ? undefined : { trusted: init.trusted },
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: init.documentChanges ?? false } },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
    },
  });
  await client.conn.sendNotification('initialized', {});
  await client.ready();
  const s = { client, ws };
  started.push(s);
  return s;
}

const PAIR_A = 'global_defs {\n    router_id lb01\n}\nvrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    priority 150\n    virtual_ipaddress {\n        10.0.0.1/24\n    }\n}\n';
const PAIR_B = PAIR_A.replace('lb01', 'lb02').replace('MASTER', 'BACKUP').replace('priority 150', 'priority 100').replace('virtual_router_id 51', 'virtual_router_id 52');

test('an open buffer whose file is deleted on disk stays in the analysis', async () => {
  const { client, ws } = await server({ 'lb01/keepalived.conf': PAIR_A, 'lb02/keepalived.conf': PAIR_B });
  const a = fileUri(ws, 'lb01/keepalived.conf');
  const b = fileUri(ws, 'lb02/keepalived.conf');
  client.open(b, PAIR_B);
  const vrid = (d: Diagnostic[]) => d.some((x) => x.code === 'peer-vrid-mismatch');
  await client.waitFor(a, vrid);
  rmSync(join(ws, 'lb02/keepalived.conf'));
  const publishes = client.clustersChanged;
  void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: b, type: 3 }] });
  // The deletion makes the server publish again, without any edit: the peer finding is still there.
  await client.waitUntil(() => client.clustersChanged > publishes, () => 'a publish after the deletion');
  assert.ok(vrid(client.diagnosticsOf(a) ?? []), 'the deleted-but-open lb02 is still lb01 peer');
  assert.ok(vrid(client.diagnosticsOf(b) ?? []));
});

test('quick fixes are TextDocumentEdits carrying the document version', async () => {
  const { client, ws } = await server({ 'x/readme.txt': '' }, { documentChanges: true });
  const uri = fileUri(ws, 'lb01/keepalived.conf');
  const text = 'vrrp_instance VI_1 {\n    priorty 150\n}\n';
  client.open(uri, text, 7);
  const d = await client.waitFor(uri, (x) => x.some((y) => y.code === 'unknown-keyword'));
  const typo = d.find((y) => y.code === 'unknown-keyword')!;
  const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } });
  assert.ok(actions.length > 0);
  const edit = actions[0].edit!;
  assert.equal(edit.changes, undefined);
  const dc = edit.documentChanges as TextDocumentEdit[];
  assert.equal(dc.length, 1);
  assert.deepEqual(dc[0].textDocument, { uri, version: 7 });
  assert.equal(dc[0].edits[0].newText, 'priority');
});

test('an untrusted workspace reads no include outside its folders, until trust is granted', async () => {
  const outside = tempWorkspace({ 'vips.conf': 'vrrp_script chk {\n    script "/bin/true"\n}\n' });
  try {
    const { client, ws } = await server({ 'x/readme.txt': '' }, { trusted: false });
    const uri = fileUri(ws, 'lb01/keepalived.conf');
    client.open(uri, `include ${join(outside, 'vips.conf')}\nvrrp_instance VI_1 {\n    track_script {\n        chk\n    }\n}\n`);
    const d = await client.waitFor(uri, (x) => x.some((y) => y.code === 'include-not-read'));
    assert.match(d.find((y) => y.code === 'include-not-read')!.message, /outside the workspace folders, which are not read while the workspace is not trusted/);
    assert.ok(d.some((y) => y.code === 'undefined-reference'), 'the script defined outside is unknown');
    // Unopened files outside the workspace answer nothing.
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: pathToFileURL(join(outside, 'vips.conf')).href }, position: { line: 0, character: 2 } }), null);
    void client.conn.sendNotification('keepalived/workspaceTrust', { trusted: true });
    await client.waitFor(uri, (x) => !x.some((y) => y.code === 'include-not-read' || y.code === 'undefined-reference'));
  } finally {
    removeWorkspace(outside);
  }
});

test('while a heavy document is analysed, a hover on a small one is answered within 2 s', async () => {
  const files: Record<string, string> = { 'small/keepalived.conf': 'global_defs {\n    router_id small\n}\n' };
  for (let i = 0; i < 10; i++) files[`heavy/f${i}.conf`] = 'include *.conf\n';
  const inner = Array.from({ length: 50000 }, (_, i) => `{y${i}}`).join(',');
  files['heavy2/keepalived.conf'] = `~LST(a,${Array.from({ length: 100 }, (_, i) => `x${i}`).join(',')}) ~LST(b,${inner}) vrrp_script s\${a}\${b} { script "x" }\n`;
  const { client, ws } = await server(files);
  const small = fileUri(ws, 'small/keepalived.conf');
  client.open(small, files['small/keepalived.conf']);
  for (const heavy of ['heavy/f0.conf', 'heavy2/keepalived.conf']) {
    client.open(fileUri(ws, heavy), files[heavy]);
    const t = Date.now();
    const h = await client.request('textDocument/hover', { textDocument: { uri: small }, position: { line: 1, character: 6 } });
    const ms = Date.now() - t;
    console.log(`# hover on a small document while ${heavy} is analysed: ${ms} ms`);
    assert.ok(h);
    assert.ok(ms < 2000, `${heavy}: ${ms} ms`);
    writeFileSync(join(ws, 'touch.txt'), String(ms));
  }
});
