// Go to definition, find references and rename over a real connection, across a root file and
// the files its `include conf.d/*.conf` reads.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, fileUri, positionOf, removeWorkspace, tempWorkspace, TestClient, textOf } from './lsp-client';

const MAIN = `! Configuration File for keepalived
global_defs {
    router_id lb01
}
$IFACE=eth0
include conf.d/*.conf
vrrp_sync_group G1 {
    group {
        VI_1
        VI_2
    }
}
vrrp_instance VI_1 {
    state MASTER
    interface $IFACE
    virtual_router_id 51
    priority 150
    track_script {
        chk_nginx
    }
}
`;
const SCRIPTS = `vrrp_script chk_nginx {
    script "/usr/bin/pgrep nginx"
    interval 2
}
`;
const WEB = `vrrp_instance VI_2 {
    state MASTER
    interface \${IFACE}
    virtual_router_id 52
    priority 150
    track_script {
        chk_nginx weight 10
    }
}
`;

let client: TestClient;
let ws: string;
let main: string;
let scripts: string;
let web: string;
const texts = new Map<string, string>();

before(async () => {
  ws = tempWorkspace({
    'etc/keepalived/keepalived.conf': MAIN,
    'etc/keepalived/conf.d/scripts.conf': SCRIPTS,
    'etc/keepalived/conf.d/web.conf': WEB,
  });
  main = fileUri(ws, 'etc/keepalived/keepalived.conf');
  scripts = fileUri(ws, 'etc/keepalived/conf.d/scripts.conf');
  web = fileUri(ws, 'etc/keepalived/conf.d/web.conf');
  texts.set(main, MAIN).set(scripts, SCRIPTS).set(web, WEB);
  client = await TestClient.start(ws);
  client.open(main, MAIN);
});

after(async () => {
  await client.close();
  removeWorkspace(ws);
});

const at = (uri: string, position: Position) => ({ textDocument: { uri }, position });
/** `file.conf:line:text` of a location, for readable assertions. */
const show = (l: { uri: string; range: Range }) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}:${textOf(texts.get(l.uri) ?? '', l.range)}`;

test('definition of a track_script entry: the vrrp_script name in the included file', async () => {
  const defs = await client.request<Location[]>('textDocument/definition', at(main, positionOf(MAIN, 'chk_nginx', 4)));
  assert.deepEqual(defs.map(show), ['scripts.conf:0:chk_nginx']);
  // From the other included file (not open: read from disk), with a line option after the name.
  const fromWeb = await client.request<Location[]>('textDocument/definition', at(web, positionOf(WEB, 'chk_nginx', 1)));
  assert.deepEqual(fromWeb.map(show), ['scripts.conf:0:chk_nginx']);
});

test('definition of a sync group member: its vrrp_instance, in whichever file it is', async () => {
  const vi1 = await client.request<Location[]>('textDocument/definition', at(main, positionOf(MAIN, 'VI_1', 1)));
  assert.deepEqual(vi1.map(show), ['keepalived.conf:12:VI_1']);
  const vi2 = await client.request<Location[]>('textDocument/definition', at(main, positionOf(MAIN, 'VI_2', 1)));
  assert.deepEqual(vi2.map(show), ['web.conf:0:VI_2']);
});

test('definition of an include line: the files it reads; of a $NAME: its definition', async () => {
  const inc = await client.request<Location[]>('textDocument/definition', at(main, positionOf(MAIN, 'conf.d/*.conf', 3)));
  assert.deepEqual(inc.map((l) => l.uri), [scripts, web]);
  const param = await client.request<Location[]>('textDocument/definition', at(web, positionOf(WEB, 'IFACE', 1)));
  assert.equal(param.length, 1);
  assert.equal(param[0].uri, main);
  assert.equal(param[0].range.start.line, 4);
  // Nothing to go to on a plain keyword.
  assert.deepEqual(await client.request<Location[]>('textDocument/definition', at(main, positionOf(MAIN, 'priority', 2))), []);
});

test('references of a vrrp_script: every use across the files, with or without the declaration', async () => {
  const pos = at(scripts, positionOf(SCRIPTS, 'chk_nginx', 2));
  const all = await client.request<Location[]>('textDocument/references', { ...pos, context: { includeDeclaration: true } });
  assert.deepEqual(all.map(show).sort(), ['keepalived.conf:18:chk_nginx', 'scripts.conf:0:chk_nginx', 'web.conf:6:chk_nginx']);
  const uses = await client.request<Location[]>('textDocument/references', { ...pos, context: { includeDeclaration: false } });
  assert.deepEqual(uses.map(show).sort(), ['keepalived.conf:18:chk_nginx', 'web.conf:6:chk_nginx']);
  // From a use, the same set.
  const fromUse = await client.request<Location[]>('textDocument/references', { ...at(main, positionOf(MAIN, 'chk_nginx')), context: { includeDeclaration: true } });
  assert.deepEqual(fromUse.map(show).sort(), all.map(show).sort());
});

test('prepareRename: the name under the cursor; null where nothing can be renamed', async () => {
  const prep = await client.request<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', at(main, positionOf(MAIN, 'chk_nginx', 5)));
  assert.ok(prep);
  assert.equal(prep.placeholder, 'chk_nginx');
  assert.equal(textOf(MAIN, prep.range), 'chk_nginx');
  assert.equal(await client.request('textDocument/prepareRename', at(main, positionOf(MAIN, 'priority', 1))), null);
  assert.equal(await client.request('textDocument/prepareRename', at(main, positionOf(MAIN, 'include', 1))), null);
});

test('an invalid new name (with a space) is refused with an error response', async () => {
  await assert.rejects(
    client.request('textDocument/rename', { ...at(main, positionOf(MAIN, 'chk_nginx', 1)), newName: 'chk web' }),
    (e: { code?: number; message?: string }) => {
      assert.equal(e.code, -32602, 'InvalidParams');
      assert.match(e.message ?? '', /'chk web' cannot be a vrrp_script name/);
      return true;
    },
  );
  await assert.rejects(client.request('textDocument/rename', { ...at(main, positionOf(MAIN, 'IFACE', 1, 1)), newName: '9lives' }), /not a parameter name/);
});

test('rename a vrrp_script: one WorkspaceEdit changes its definition and every reference, in every file', async () => {
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(main, positionOf(MAIN, 'chk_nginx', 2)), newName: 'chk_web' });
  assert.ok(edit.changes);
  assert.deepEqual(Object.keys(edit.changes).sort(), [main, scripts, web].sort());
  const after = new Map<string, string>();
  for (const [uri, edits] of Object.entries(edit.changes)) after.set(uri, applyEdits(texts.get(uri)!, edits));
  assert.equal(after.get(main), MAIN.replace('chk_nginx', 'chk_web'));
  assert.equal(after.get(scripts), SCRIPTS.replace('chk_nginx', 'chk_web'));
  assert.equal(after.get(web), WEB.replace('chk_nginx', 'chk_web'));

  // With the edits applied (the editor opens the files it changes), navigation follows the new name.
  let version = 10;
  for (const [uri, text] of after) {
    if (uri === main) client.change(main, text, version++);
    else client.open(uri, text, version++);
    texts.set(uri, text);
  }
  const refs = await client.request<Location[]>('textDocument/references', {
    ...at(web, positionOf(after.get(web)!, 'chk_web', 1)),
    context: { includeDeclaration: true },
  });
  assert.deepEqual(refs.map(show).sort(), ['keepalived.conf:18:chk_web', 'scripts.conf:0:chk_web', 'web.conf:6:chk_web']);
});

test('rename a $NAME parameter: its definition and its uses ($NAME and ${NAME}) across the files', async () => {
  const edit = await client.request<WorkspaceEdit>('textDocument/rename', { ...at(main, positionOf(MAIN, '$IFACE=', 2)), newName: 'VRRP_IF' });
  assert.ok(edit.changes);
  assert.equal(applyEdits(texts.get(main)!, edit.changes[main]).match(/VRRP_IF/g)?.length, 2);
  assert.match(applyEdits(texts.get(main)!, edit.changes[main]), /^\$VRRP_IF=eth0$/m);
  assert.match(applyEdits(texts.get(web)!, edit.changes[web]), /interface \$\{VRRP_IF\}/);
});
