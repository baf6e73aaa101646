// Single-file diagnostics over a real connection: rule ids as codes, a quick-fix that clears its
// diagnostic, rule levels from the client's settings, and a server that survives garbage.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { applyEdits, fileUri, removeWorkspace, tempWorkspace, TestClient, textOf } from './lsp-client';

const TYPO = `global_defs {
    router_id lb01
}
vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priorty 150
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass 0123456789
    }
    virtual_ipaddress {
        10.0.0.1/24
    }
}
`;

let client: TestClient;
let ws: string;
let docs = 0;

before(async () => {
  ws = tempWorkspace({ 'lb01/keepalived.conf': TYPO });
  client = await TestClient.start(ws);
});

after(async () => {
  await client.close();
  removeWorkspace(ws);
});

function openDoc(text: string, name?: string): string {
  const uri = fileUri(ws, name ?? `doc${++docs}/keepalived.conf`);
  client.open(uri, text);
  return uri;
}

const typoOf = (d: Diagnostic[]) => d.find((x) => x.code === 'unknown-keyword');

/** Sends workspace/didChangeConfiguration with new settings; the server then asks for them. */
async function configure(settings: Record<string, unknown>): Promise<void> {
  client.settings = settings;
  const asked = client.configurationRequests;
  void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await client.waitUntil(() => client.configurationRequests > asked, () => 'workspace/configuration after didChangeConfiguration');
}

test('the server asks the client for the keepalived settings', () => {
  assert.ok(client.configurationRequests >= 1);
  assert.deepEqual(
    client.configurationItems.map((i) => i.section),
    ['keepalived'],
  );
});

test('a typo: an unknown-keyword diagnostic from source keepalived, with a did-you-mean quick-fix that clears it', async () => {
  const uri = openDoc(TYPO);
  const diags = await client.waitFor(uri, (d) => !!typoOf(d));
  const typo = typoOf(diags)!;
  assert.equal(typo.source, 'keepalived');
  assert.equal(typo.severity, 1);
  assert.equal(textOf(TYPO, typo.range), 'priorty');
  assert.match(typo.message, /Unknown keyword 'priorty'.*Did you mean 'priority'\?/);
  // Other rules report under their own ids.
  const trunc = diags.find((d) => d.code === 'auth-pass-truncated');
  assert.ok(trunc, `codes: ${diags.map((d) => d.code).join(', ')}`);
  assert.equal(trunc.severity, 2);
  assert.ok(!trunc.message.includes('0123456789'), 'the password is not repeated in the message');
  for (const d of diags) {
    assert.equal(d.source, 'keepalived');
    assert.match(String(d.code), /^[a-z]+(-[a-z0-9]+)*$/, 'the code is a rule id');
  }

  const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: typo.range,
    context: { diagnostics: [typo] },
  });
  const fix = actions.find((a) => a.title === "Change to 'priority'");
  assert.ok(fix, `actions: ${actions.map((a) => a.title).join('; ')}`);
  assert.equal(fix.kind, 'quickfix');
  assert.equal(fix.isPreferred, true);
  assert.deepEqual(fix.diagnostics?.map((d) => d.code), ['unknown-keyword']);
  assert.deepEqual(Object.keys(fix.edit?.changes ?? {}), [uri]);
  const fixed = applyEdits(TYPO, fix.edit!.changes![uri]);
  assert.equal(fixed, TYPO.replace('priorty', 'priority'));

  client.change(uri, fixed, 2);
  const after = await client.waitFor(uri, (d) => !typoOf(d));
  assert.ok(after.some((d) => d.code === 'auth-pass-truncated'), 'the other diagnostic stays');
});

test('no code action for a diagnostic of another source, or one the server no longer reports', async () => {
  const uri = openDoc(TYPO);
  const typo = typoOf(await client.waitFor(uri, (d) => !!typoOf(d)))!;
  const foreign = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: typo.range,
    context: { diagnostics: [{ ...typo, source: 'other' }] },
  });
  assert.deepEqual(foreign, []);
  const stale = await client.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: typo.range,
    context: { diagnostics: [{ ...typo, message: 'an old message' }] },
  });
  assert.deepEqual(stale, []);
});

test("settings: a rule set to 'off' is not reported, set to 'hint' it is published with severity 4", async () => {
  const uri = openDoc(TYPO);
  await client.waitFor(uri, (d) => typoOf(d)?.severity === 1);
  try {
    await configure({ rules: { 'unknown-keyword': 'off' } });
    const off = await client.waitFor(uri, (d) => !typoOf(d));
    assert.ok(off.some((d) => d.code === 'auth-pass-truncated'), 'other rules still report');

    await configure({ rules: { 'unknown-keyword': 'hint', 'auth-pass-truncated': 'error' } });
    const hint = await client.waitFor(uri, (d) => typoOf(d)?.severity === 4);
    assert.equal(hint.find((d) => d.code === 'auth-pass-truncated')?.severity, 1);
  } finally {
    await configure({});
  }
  await client.waitFor(uri, (d) => typoOf(d)?.severity === 1);
});

test('closing an unsaved document clears its diagnostics; the file on disk is still checked', async () => {
  const uri = openDoc(TYPO);
  await client.waitFor(uri, (d) => !!typoOf(d));
  void client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await client.waitFor(uri, (d) => d.length === 0);
  // lb01/keepalived.conf is only on disk: it was read by the workspace scan.
  await client.waitFor(fileUri(ws, 'lb01/keepalived.conf'), (d) => !!typoOf(d));
});

// --- Garbage in: the server keeps answering. ---

/** A deterministic pseudo-random generator (so that a failure can be replayed). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function garbage(length: number, seed: number): string {
  const rnd = random(seed);
  const special = ['{', '}', '"', '\n', '\n', ' ', '\t', '#', '!', '$', '@', '~', '\\', '\r', '\0', '\ud83d\ude00', '\ud800', '\udfff', 'vrrp_instance', 'include', '$A=', '${'];
  let out = '';
  while (out.length < length) out += rnd() < 0.3 ? special[Math.floor(rnd() * special.length)] : String.fromCharCode(Math.floor(rnd() * 256));
  return out;
}

/** Every request a user's editor makes on a file answers (a value, not an error). */
async function allAnswer(uri: string): Promise<void> {
  const doc = { textDocument: { uri } };
  const positions = [
    { line: 0, character: 0 },
    { line: 0, character: 5 },
    { line: 3, character: 2 },
    { line: 1000000, character: 0 },
  ];
  for (const position of positions) {
    await client.request<Hover | null>('textDocument/hover', { ...doc, position });
    await client.request('textDocument/completion', { ...doc, position });
    await client.request('textDocument/definition', { ...doc, position });
    await client.request('textDocument/references', { ...doc, position, context: { includeDeclaration: true } });
    await client.request('textDocument/prepareRename', { ...doc, position });
  }
  await client.request<DocumentSymbol[]>('textDocument/documentSymbol', doc);
  await client.request('textDocument/foldingRange', doc);
  await client.request('textDocument/selectionRange', { ...doc, positions });
  await client.request('textDocument/semanticTokens/full', doc);
  await client.request('textDocument/codeLens', doc);
  await client.request('textDocument/documentLink', doc);
  await client.request('textDocument/formatting', { ...doc, options: { tabSize: 4, insertSpaces: true } });
  await client.request('workspace/symbol', { query: 'x' });
}

/** A plain document still gets diagnostics and hovers. */
async function stillServes(): Promise<void> {
  const uri = openDoc(TYPO);
  const d = await client.waitFor(uri, (x) => !!typoOf(x));
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: typoOf(d)!.range.start });
  assert.match(JSON.stringify(h), /Unknown keyword/);
}

test('garbage: random bytes', async () => {
  for (const seed of [1, 2, 3]) {
    const uri = openDoc(garbage(20000, seed));
    await client.waitFor(uri, (d) => d.length > 0);
    await allAnswer(uri);
  }
  await stillServes();
});

test('garbage: a huge line, a huge word', async () => {
  const line = openDoc('vrrp_instance VI_1 { ' + 'priority 1 '.repeat(20000) + '}\n');
  await client.waitFor(line, (d) => d.length > 0, 60000);
  await allAnswer(line);
  const word = openDoc('x'.repeat(1_000_000) + '\n');
  await client.waitFor(word, (d) => d.some((x) => x.code === 'unknown-keyword'), 60000);
  await allAnswer(word);
  await stillServes();
});

test('garbage: unbalanced braces', async () => {
  const closes = openDoc('}\n'.repeat(500) + 'vrrp_instance VI_1 {\n    priority 100\n}\n');
  await client.waitFor(closes, (d) => d.some((x) => x.code === 'unbalanced-brace'));
  await allAnswer(closes);
  const opens = openDoc('vrrp_instance VI_1 {\n' + 'authentication {\n'.repeat(300) + '{{{{ }\n"');
  await client.waitFor(opens, (d) => d.some((x) => x.code === 'unbalanced-brace'));
  await allAnswer(opens);
  const editing = openDoc('vrrp_instance VI_1 {\n    state MASTER\n');
  await client.waitFor(editing, (d) => d.some((x) => x.code === 'unbalanced-brace'));
  // Typing the missing brace clears it.
  client.change(editing, 'vrrp_instance VI_1 {\n    state MASTER\n}\n', 2);
  await client.waitFor(editing, (d) => !d.some((x) => x.code === 'unbalanced-brace'));
  await stillServes();
});

const DEEP = 'vrrp_instance VI_1 {\n' + 'authentication {\n'.repeat(3000);

test('garbage: a document nested thousands of blocks deep does not stop the others being served', async () => {
  openDoc(DEEP, 'deep/keepalived.conf');
  await stillServes();
  const other = fileUri(ws, 'lb01/keepalived.conf');
  const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: other } });
  assert.deepEqual(
    syms.map((s) => s.name),
    ['global_defs', 'vrrp_instance VI_1'],
  );
});

test('garbage: a document nested thousands of blocks deep gets answers itself', async () => {
  const uri = openDoc(DEEP, 'deep2/keepalived.conf');
  await allAnswer(uri);
  await client.waitFor(uri, (d) => d.some((x) => x.code === 'unbalanced-brace'));
});
