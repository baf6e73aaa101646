// Completion over a real connection: what the suggestion list shows at a few typical places.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CompletionItem, CompletionList, MarkupContent, TextEdit } from 'vscode-languageserver-protocol';
import { cursor, fileUri, removeWorkspace, tempWorkspace, TestClient, textOf } from './lsp-client';

let client: TestClient;
let ws: string;
let docs = 0;

const INSTANCE_PART = 'state MASTER\ntrack_script {\n    chk_a\n}\n\n';

before(async () => {
  ws = tempWorkspace({
    // A file included inside a vrrp_instance block.
    'etc/keepalived/keepalived.conf': 'vrrp_script chk_a {\n    script "/bin/true"\n}\nvrrp_script chk_b {\n    script "/bin/true"\n}\nvrrp_instance VI_1 {\n    include inst.d/*.conf\n}\n',
    'etc/keepalived/inst.d/vi1.conf': INSTANCE_PART,
  });
  client = await TestClient.start(ws);
});

after(async () => {
  await client.close();
  removeWorkspace(ws);
});

const SCRIPTS = `vrrp_script chk_nginx {
    script "/usr/bin/pgrep nginx"
    interval 2
}
vrrp_script chk_haproxy {
    script "/usr/bin/pgrep haproxy"
}
`;

/** Opens `marked` as a new document and asks for completion at its `|`. */
async function complete(marked: string): Promise<{ items: CompletionItem[]; text: string }> {
  const { text, pos } = cursor(marked);
  const uri = fileUri(ws, `doc${++docs}/keepalived.conf`);
  client.open(uri, text);
  const res = await client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position: pos });
  const items = !res ? [] : Array.isArray(res) ? res : res.items;
  return { items, text };
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const item = (items: CompletionItem[], label: string) => items.find((i) => i.label === label);
const docText = (i: CompletionItem | undefined) => (typeof i?.documentation === 'string' ? i.documentation : ((i?.documentation as MarkupContent | undefined)?.value ?? ''));

test('in a vrrp_instance: instance keywords with documentation, no global_defs keyword', async () => {
  const { items } = await complete('vrrp_instance VI_1 {\n    state BACKUP\n    |\n}\n');
  const names = labels(items);
  for (const k of ['priority', 'virtual_router_id', 'interface', 'advert_int', 'authentication', 'virtual_ipaddress', 'track_script']) {
    assert.ok(names.includes(k), `${k} is offered; got ${names.join(' ')}`);
  }
  assert.ok(!names.includes('router_id'), 'router_id belongs to global_defs only');
  assert.ok(!names.includes('vrrp_instance'), 'top-level blocks are not offered inside an instance');
  const vrid = item(items, 'virtual_router_id');
  assert.match(docText(vrid), /virtual_router_id/);
  assert.match(docText(vrid), /1\s*(\.\.|-|to)\s*255/, 'the documentation gives the VRID range');
  assert.ok(item(items, 'priority')?.detail, 'a keyword item has its signature as detail');
  assert.match(docText(item(items, 'priority')), /priority/i);
});

test('in global_defs: router_id is offered (and priority is not)', async () => {
  const names = labels((await complete('global_defs {\n    |\n}\n')).items);
  assert.ok(names.includes('router_id'));
  assert.ok(!names.includes('priority'));
});

test('keywords already present in the block are left out, repeatable ones stay', async () => {
  const { items } = await complete(
    'vrrp_instance VI_1 {\n    state MASTER\n    priority 150\n    virtual_router_id 51\n    track_script {\n    }\n    |\n    interface eth0\n}\n',
  );
  const names = labels(items);
  for (const k of ['state', 'priority', 'virtual_router_id', 'interface']) assert.ok(!names.includes(k), `${k} is already set`);
  assert.ok(names.includes('advert_int') && names.includes('authentication'));
  assert.ok(names.includes('track_script'), 'track_script may be written several times');
  const top = labels((await complete('vrrp_instance VI_1 {\n}\n|\n')).items);
  assert.ok(top.includes('vrrp_instance'), 'another vrrp_instance can follow');
  // Another instance still gets them all.
  const other = labels((await complete('vrrp_instance VI_1 {\n    priority 150\n}\nvrrp_instance VI_2 {\n    |\n}\n')).items);
  assert.ok(other.includes('priority'), 'a keyword set in another block is still offered');
});

test('a prefix: the item replaces the word being typed', async () => {
  const { items, text } = await complete('vrrp_instance VI_1 {\n    prio|\n}\n');
  const prio = item(items, 'priority');
  assert.ok(prio, `priority offered for 'prio'; got ${labels(items).slice(0, 20).join(' ')}`);
  const edit = prio.textEdit as TextEdit;
  assert.equal(textOf(text, edit.range), 'prio');
  assert.match(edit.newText, /^priority\b/);
});

test("after 'state ': MASTER and BACKUP", async () => {
  const { items } = await complete('vrrp_instance VI_1 {\n    state |\n}\n');
  assert.deepEqual(labels(items).sort(), ['BACKUP', 'MASTER']);
  const { items: typed, text } = await complete('vrrp_instance VI_1 {\n    state MA|\n}\n');
  const master = item(typed, 'MASTER');
  assert.ok(master);
  assert.equal(textOf(text, (master.textEdit as TextEdit).range), 'MA');
});

test('in a track_script block: the vrrp_script names of the file, not those listed already', async () => {
  const { items } = await complete(SCRIPTS + 'vrrp_instance VI_1 {\n    track_script {\n        |\n    }\n}\n');
  assert.deepEqual(labels(items).sort(), ['chk_haproxy', 'chk_nginx']);
  assert.match(item(items, 'chk_nginx')?.detail ?? '', /vrrp_script/);
  const { items: rest } = await complete(SCRIPTS + 'vrrp_instance VI_1 {\n    track_script {\n        chk_nginx\n        |\n    }\n}\n');
  assert.deepEqual(labels(rest), ['chk_haproxy']);
  // No script defined: nothing to offer.
  const { items: none } = await complete('vrrp_instance VI_1 {\n    track_script {\n        |\n    }\n}\n');
  assert.deepEqual(labels(none), []);
});

test('a block keyword inserts a snippet with its braces', async () => {
  const { items } = await complete('vrrp_instance VI_1 {\n    |\n}\n');
  for (const k of ['authentication', 'virtual_ipaddress', 'track_script']) {
    const it = item(items, k);
    assert.ok(it, k);
    assert.equal(it.insertTextFormat, 2, `${k} is a snippet`);
    const text = (it.textEdit as TextEdit | undefined)?.newText ?? it.insertText ?? '';
    assert.match(text, new RegExp(`^${k}\\b[^\\n]*\\{\\n[\\s\\S]*\\$0[\\s\\S]*\\n\\}$`), `${k} inserts ${JSON.stringify(text)}`);
  }
  const top = item((await complete('|\n')).items, 'vrrp_instance');
  assert.ok(top);
  assert.equal(top.insertTextFormat, 2);
  assert.match((top.textEdit as TextEdit).newText, /^vrrp_instance \$\{1:[^}]+\} \{\n[\s\S]*\n\}$/);
});

test('no completion inside a comment', async () => {
  const { items } = await complete('vrrp_instance VI_1 {\n    # pri|\n}\n');
  assert.deepEqual(items, []);
});

test('$NAME parameters are offered after a $', async () => {
  const { items } = await complete('$IFACE=eth1\nvrrp_instance VI_1 {\n    interface $|\n}\n');
  const p = item(items, '$IFACE');
  assert.ok(p, `got ${labels(items).join(' ')}`);
  assert.equal(p.detail, 'eth1');
});

test('in a file included inside a vrrp_instance: the instance keywords, and the names the including file defines', async () => {
  const uri = fileUri(ws, 'etc/keepalived/inst.d/vi1.conf');
  client.open(uri, INSTANCE_PART);
  const at = async (line: number, character: number) =>
    (await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line, character } })).map((i) => i.label);
  const top = await at(4, 0);
  assert.ok(top.includes('priority') && top.includes('virtual_router_id'), top.join(' '));
  assert.ok(!top.includes('state'), 'state is already set in this file');
  assert.ok(!top.includes('vrrp_instance'));
  // In its track_script block: the scripts of the root file, but chk_a is listed already.
  const inner = cursor('state MASTER\ntrack_script {\n    chk_a\n    |\n}\n\n');
  client.change(uri, inner.text, 2);
  assert.deepEqual(await at(inner.pos.line, inner.pos.character), ['chk_b']);
});
