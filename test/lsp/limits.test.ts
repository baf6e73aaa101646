// The server under hostile input: deep nesting through every feature, special files, includes of
// files that are no configuration, invalid parameters, absurd formatting options, an untitled
// document with an include. Every request answers (or answers nothing), none fails.
import assert from 'node:assert/strict';
import { mkfifoSync } from './mkfifo';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { TextEdit } from 'vscode-languageserver-protocol';
import { fileUri, removeWorkspace, tempWorkspace, TestClient } from './lsp-client';

/** Applies edits in one pass (lsp-client's applyEdits is quadratic: 20,000 edits are too many). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const off = (p: { line: number; character: number }) => (p.line < starts.length ? starts[p.line] + p.character : text.length);
  const spans = edits.map((e) => ({ s: off(e.range.start), e: off(e.range.end), t: e.newText })).sort((a, b) => a.s - b.s);
  const out: string[] = [];
  let at = 0;
  for (const sp of spans) {
    out.push(text.slice(at, sp.s), sp.t);
    at = sp.e;
  }
  out.push(text.slice(at));
  return out.join('');
}

let client: TestClient;
let ws: string;

before(async () => {
  ws = tempWorkspace({ 'lb01/keepalived.conf': 'global_defs {\n    router_id lb01\n}\n' });
  client = await TestClient.start(ws);
});

after(async () => {
  await client.close();
  removeWorkspace(ws);
});

const pos = { line: 2, character: 3 };

/** Every document request of the server on `uri`; each must answer without an error. */
async function everyFeature(uri: string): Promise<Record<string, unknown>> {
  const doc = { uri };
  const range = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
  const calls: [string, unknown][] = [
    ['textDocument/hover', { textDocument: doc, position: pos }],
    ['textDocument/completion', { textDocument: doc, position: pos }],
    ['textDocument/documentSymbol', { textDocument: doc }],
    ['textDocument/foldingRange', { textDocument: doc }],
    ['textDocument/selectionRange', { textDocument: doc, positions: [pos] }],
    ['textDocument/definition', { textDocument: doc, position: pos }],
    ['textDocument/references', { textDocument: doc, position: pos, context: { includeDeclaration: true } }],
    ['textDocument/prepareRename', { textDocument: doc, position: pos }],
    ['textDocument/documentLink', { textDocument: doc }],
    ['textDocument/formatting', { textDocument: doc, options: { tabSize: 4, insertSpaces: true } }],
    ['textDocument/rangeFormatting', { textDocument: doc, range, options: { tabSize: 4, insertSpaces: true } }],
    ['textDocument/semanticTokens/full', { textDocument: doc }],
    ['textDocument/semanticTokens/range', { textDocument: doc, range }],
    ['textDocument/codeLens', { textDocument: doc }],
    ['textDocument/codeAction', { textDocument: doc, range, context: { diagnostics: [] } }],
    ['workspace/symbol', { query: 'V' }],
  ];
  const out: Record<string, unknown> = {};
  for (const [method, params] of calls) {
    try {
      out[method] = await client.request(method, params);
    } catch (e) {
      assert.fail(`${method} failed: ${(e as Error).message}`);
    }
  }
  return out;
}

for (const [name, text] of [
  ['5,000 nested vrrp_instance lines', 'vrrp_instance V {\n'.repeat(5000)],
  ['20,000 `{` on one line', 'global_defs\n' + '{'.repeat(20000) + '\n'],
  ['5,000 nested blocks, closed', 'vrrp_instance V {\n'.repeat(5000) + '}\n'.repeat(5000)],
] as const) {
  test(`${name}: diagnostics and every feature answer`, async () => {
    const uri = fileUri(ws, `deep${name.length}/keepalived.conf`);
    client.open(uri, text);
    const diags = await client.waitFor(uri, (d) => d.length > 0, 60000);
    const lines = text.split("\n").length;
    for (const d of diags) assert.ok(d.range.start.line < lines && !/Internal error/.test(d.message), d.message);
    const answers = await everyFeature(uri);
    const formatted = applyEdits(text, answers['textDocument/formatting'] as never);
    assert.equal(formatted.replace(/\s+/g, ''), text.replace(/\s+/g, ''), 'formatting keeps every token');
  });
}

test('null and malformed params answer InvalidParams naming the field, never a TypeError', async () => {
  for (const [method, params] of [
    ['textDocument/hover', null],
    ['textDocument/hover', { textDocument: null, position: pos }],
    ['textDocument/completion', { textDocument: { uri: 'file:///x' }, position: { line: -1, character: 0 } }],
    ['textDocument/formatting', { textDocument: { uri: 'file:///x' } }],
    ['textDocument/codeAction', null],
    ['keepalived/peers', null],
  ] as const) {
    await assert.rejects(client.request(method, params), (e: { code?: number; message?: string }) => {
      assert.equal(e.code, -32602, `${method}: ${e.message}`);
      assert.doesNotMatch(e.message ?? '', /Cannot read properties|TypeError/);
      return true;
    });
  }
});

test('formatting with tabSize 1e9, 0, -1 or NaN indents by a sensible width and keeps every token', async () => {
  const text = 'vrrp_instance V {\nstate MASTER\n}\n';
  const uri = fileUri(ws, 'fmt/keepalived.conf');
  client.open(uri, text);
  for (const tabSize of [1e9, 0, -1, Number.NaN, 3.7]) {
    const edits = await client.request<never>('textDocument/formatting', { textDocument: { uri }, options: { tabSize, insertSpaces: true } });
    const out = applyEdits(text, edits);
    const indent = /\n( *)state/.exec(out)?.[1] ?? '';
    assert.ok(indent.length >= 1 && indent.length <= 16, `tabSize ${tabSize}: indent of ${indent.length}`);
    assert.equal(out.replace(/\s+/g, ''), text.replace(/\s+/g, ''));
  }
});

test('an untitled document with an include of a missing file answers at once', async () => {
  const uri = 'untitled:Untitled-1';
  const text = 'include /nonexistent/x.conf\ninclude missing/*.conf\nglobal_defs {\n}\n';
  client.open(uri, text);
  const started = Date.now();
  const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 2 } });
  assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
  assert.ok(hover);
  const d = await client.waitFor(uri, (x) => x.some((y) => y.code === 'include-not-found'));
  assert.equal(d.filter((y) => y.code === 'include-not-found').length, 2);
});

test('a FIFO in the workspace (watched-file event) does not block the server', async () => {
  const fifo = `${ws}/lb01/keepalived.conf.fifo.conf`;
  mkfifoSync(fifo);
  void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(ws, 'lb01/keepalived.conf.fifo.conf'), type: 1 }] });
  const started = Date.now();
  const r = await client.request('textDocument/hover', { textDocument: { uri: fileUri(ws, 'lb01/keepalived.conf.fifo.conf') }, position: pos });
  assert.equal(r, null);
  assert.ok(Date.now() - started < 2000);
});

test('unopened files outside the workspace answer nothing: /etc/passwd, /dev/zero', async () => {
  for (const uri of ['file:///etc/passwd', 'file:///dev/zero', 'file:///proc/self/environ']) {
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
  }
});

test('an include of /etc/passwd or /proc/self/environ: one diagnostic on the include line, nothing of the file quoted', async () => {
  const uri = fileUri(ws, 'leak/keepalived.conf');
  const text = 'include /etc/passwd\ninclude /proc/self/environ\ninclude ../../../../../../../../etc/group\n';
  client.open(uri, text);
  const d = await client.waitFor(uri, (x) => x.filter((y) => y.code === 'include-not-read').length === 3);
  assert.deepEqual(
    d.filter((y) => y.code === 'include-not-read').map((y) => y.range.start.line),
    [0, 1, 2],
  );
  const all = JSON.stringify(d);
  assert.doesNotMatch(all, /root:|PATH=|HOME=/);
  assert.equal(client.diagnosticsOf('file:///proc/self/environ'), undefined);
  assert.equal(client.diagnosticsOf('file:///etc/passwd'), undefined);
});

export type { Diagnostic };
