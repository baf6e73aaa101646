// Code lenses over a real connection: one per vrrp_instance, with its role and its peers' roles.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { fileUri, removeWorkspace, repoRoot, tempWorkspace, TestClient, textOf } from './lsp-client';

const example = (n: string) => readFileSync(join(repoRoot, 'examples/nginx-ha', n, 'keepalived.conf'), 'utf8');

const SOLO = `vrrp_instance VI_A {
    state MASTER
    virtual_router_id 10
}
vrrp_instance VI_B {
    virtual_router_id 11
    priority 90
    version 3
}
`;

let client: TestClient;
let ws: string;

before(async () => {
  ws = tempWorkspace({ 'lb01/keepalived.conf': example('lb01'), 'lb02/keepalived.conf': example('lb02'), 'solo/keepalived.conf': SOLO });
  client = await TestClient.start(ws);
});

after(async () => {
  await client.close();
  removeWorkspace(ws);
});

const lenses = (uri: string) => client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });

test('a lens on the vrrp_instance with its role and the peer from the other file', async () => {
  const lb01 = fileUri(ws, 'lb01/keepalived.conf');
  client.open(lb01, example('lb01'));
  const list = await lenses(lb01);
  assert.equal(list.length, 1);
  assert.equal(list[0].command?.title, 'MASTER 150 · VRID 55 · peer lb02 BACKUP 100');
  assert.equal(textOf(example('lb01'), list[0].range), 'vrrp_instance VI_1');
  // a click opens the diff with the peer
  assert.deepEqual(list[0].command && { command: list[0].command.command, arguments: list[0].command.arguments }, { command: 'keepalived.compareWithPeer', arguments: [{ uri: lb01 }] });
  // And from the other side (a file that is not open).
  const back = await lenses(fileUri(ws, 'lb02/keepalived.conf'));
  assert.deepEqual(
    back.map((l) => l.command?.title),
    ['BACKUP 100 · VRID 55 · peer lb01 MASTER 150'],
  );
});

test('the lens follows an unsaved edit of the peer', async () => {
  const lb01 = fileUri(ws, 'lb01/keepalived.conf');
  const lb02 = fileUri(ws, 'lb02/keepalived.conf');
  client.open(lb02, example('lb02'));
  client.change(lb02, example('lb02').replace('priority 100', 'priority 120'), 2);
  assert.equal((await lenses(lb01))[0].command?.title, 'MASTER 150 · VRID 55 · peer lb02 BACKUP 120');
  client.change(lb02, example('lb02'), 3);
  assert.equal((await lenses(lb01))[0].command?.title, 'MASTER 150 · VRID 55 · peer lb02 BACKUP 100');
});

test('one lens per instance; no peer part without peers; implicit priority and VRRP version shown', async () => {
  const solo = fileUri(ws, 'solo/keepalived.conf');
  client.open(solo, SOLO);
  const list = await lenses(solo);
  assert.deepEqual(
    list.map((l) => [l.range.start.line, l.command?.title]),
    [
      [0, 'MASTER 255 (implicit) · VRID 10 · no peer yet: create its BACKUP'],
      [4, 'BACKUP 90 · VRID 11 · VRRPv3'],
    ],
  );
  // a lone MASTER's lens writes its BACKUP; a lone BACKUP's lens is only text
  assert.equal(list[0].command?.command, 'keepalived.createPeerConfig');
  assert.deepEqual(list[0].command?.arguments, [{ uri: solo }]);
  assert.equal(list[1].command?.command, '');
});
