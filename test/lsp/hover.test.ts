// Hover over a real connection: keyword documentation, facts about values, $NAME values, and the
// rank of an instance among its peers when the peer's file is in the workspace.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { cursor, fileUri, hoverText, removeWorkspace, repoRoot, tempWorkspace, TestClient, textOf } from './lsp-client';

let client: TestClient;
let ws: string;
let docs = 0;
const example = (n: string) => readFileSync(join(repoRoot, 'examples/nginx-ha', n, 'keepalived.conf'), 'utf8');

before(async () => {
  ws = tempWorkspace({ 'lb01/keepalived.conf': example('lb01'), 'lb02/keepalived.conf': example('lb02') });
  client = await TestClient.start(ws);
});

after(async () => {
  await client.close();
  removeWorkspace(ws);
});

/** Opens `marked` as a new document (outside any cluster) and hovers at its `|`. */
async function hoverAt(marked: string, uri = fileUri(ws, `solo${++docs}/keepalived.conf`)): Promise<{ h: Hover | null; text: string }> {
  const { text, pos } = cursor(marked);
  client.open(uri, text);
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: pos });
  return { h, text };
}

test('on priority: markdown with its signature and its range', async () => {
  const { h, text } = await hoverAt('vrrp_instance VI_1 {\n    state BACKUP\n    prio|rity 100\n}\n');
  assert.ok(h);
  assert.equal((h.contents as { kind: string }).kind, 'markdown');
  const v = hoverText(h);
  assert.match(v, /```keepalived\npriority PRIORITY\n```/);
  assert.match(v, /1\s*(\.\.|-)\s*255/);
  assert.ok(h.range);
  assert.equal(textOf(text, h.range), 'priority');
  assert.doesNotMatch(v, /rank \d+ of/, 'no peer rank for an instance without peers');
});

test('on an auth_pass longer than 8: the effective 8 characters, never the password', async () => {
  const secret = 'S3cretPassw0rd9';
  const body = (at: string) => `vrrp_instance VI_1 {\n    authentication {\n        auth_type PASS\n        ${at}\n    }\n}\n`;
  for (const at of [`auth_pa|ss ${secret}`, `auth_pass S3cret|Passw0rd9`]) {
    const v = hoverText((await hoverAt(body(at))).h);
    assert.match(v, /only the first 8/);
    assert.match(v, /effective length 8/);
    assert.match(v, /15 characters/);
    assert.ok(!v.includes(secret), 'the password is not shown');
    assert.ok(!v.includes(secret.slice(0, 8)), 'nor its effective part');
    assert.ok(!v.includes(secret.slice(8)), 'nor the part keepalived drops');
  }
  const short = hoverText((await hoverAt(body('auth_pass sh|ort1'))).h);
  assert.doesNotMatch(short, /effective/);
  assert.ok(!short.includes('short1'));
});

test('on a $NAME: its value and where it is defined', async () => {
  const { h, text } = await hoverAt('$IFACE=eth7\nvrrp_instance VI_1 {\n    interface $IF|ACE\n}\n');
  const v = hoverText(h);
  assert.match(v, /\$IFACE/);
  assert.match(v, /```keepalived\neth7\n```/);
  assert.match(v, /keepalived\.conf:1/);
  assert.equal(textOf(text, h!.range!), '$IFACE');
  const undef = hoverText((await hoverAt('vrrp_instance VI_1 {\n    interface $NO|PE\n}\n')).h);
  assert.match(undef, /`\$NOPE` is not defined/);
});

test('on a reference: where the name is defined, or that it is defined nowhere', async () => {
  const text = 'vrrp_script chk_web {\n    script "/bin/true"\n}\nvrrp_instance VI_1 {\n    track_script {\n        chk_w|eb\n        chk_gone\n    }\n}\n';
  assert.match(hoverText((await hoverAt(text)).h), /vrrp_script `chk_web`, defined at \[keepalived\.conf:1\]/);
  assert.match(hoverText((await hoverAt(text.replace('chk_w|eb', 'chk_web').replace('chk_gone', 'chk_g|one'))).h), /No vrrp_script named `chk_gone` is defined/);
});

test('on a comment or blank: no hover', async () => {
  assert.equal((await hoverAt('# a com|ment\nvrrp_instance VI_1 {\n}\n')).h, null);
  assert.equal((await hoverAt('vrrp_instance VI_1 {\n  |\n}\n')).h, null);
});

test('with a peer pair in the workspace: hover on priority gives the rank among the peers', async () => {
  const lb01 = fileUri(ws, 'lb01/keepalived.conf');
  const lb02 = fileUri(ws, 'lb02/keepalived.conf');
  const t1 = example('lb01');
  const master = hoverText((await hoverAt(t1.replace('    priority 150', '    prio|rity 150'), lb01)).h);
  assert.match(master, /rank 1 of 2 among peers: lb01 150, lb02 100/);
  const backup = hoverText((await hoverAt(example('lb02').replace('    priority 100', '    priority 1|00'), lb02)).h);
  assert.match(backup, /rank 2 of 2 among peers: lb01 150, lb02 100/);
  // On the instance name too.
  assert.match(hoverText((await hoverAt(t1.replace('VI_1', 'V|I_1'), lb01)).h), /rank 1 of 2/);

  // Raising the BACKUP above the MASTER (unsaved) changes the ranking.
  const { text, pos } = cursor(example('lb02').replace('    priority 100', '    prio|rity 200'));
  client.change(lb02, text, 2);
  const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: lb02 }, position: pos });
  assert.match(hoverText(h), /rank 1 of 2 among peers: lb02 200, lb01 150/);
});
