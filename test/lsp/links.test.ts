// Document links over a real connection: an include pattern links to every file it reads.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DocumentLink } from 'vscode-languageserver-protocol';
import { fileUri, removeWorkspace, tempWorkspace, TestClient, textOf } from './lsp-client';

const MAIN = `! Configuration File for keepalived
include conf.d/*.conf
include /etc/keepalived/extra/site.conf
include conf.d/{b,c}.conf
include missing/*.conf
global_defs {
    router_id lb01
}
`;

let client: TestClient;
let ws: string;
let main: string;

before(async () => {
  ws = tempWorkspace({
    'etc/keepalived/keepalived.conf': MAIN,
    'etc/keepalived/conf.d/a.conf': 'vrrp_script chk_a {\n    script "/bin/true"\n}\n',
    'etc/keepalived/conf.d/b.conf': 'vrrp_script chk_b {\n    script "/bin/true"\n}\n',
    'etc/keepalived/conf.d/notes.txt': 'not read\n',
    'etc/keepalived/extra/site.conf': 'vrrp_script chk_site {\n    script "/bin/true"\n}\n',
  });
  main = fileUri(ws, 'etc/keepalived/keepalived.conf');
  client = await TestClient.start(ws);
  client.open(main, MAIN);
});

after(async () => {
  await client.close();
  removeWorkspace(ws);
});

async function links(text: string): Promise<{ line: number; text: string; target?: string }[]> {
  const res = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: main } });
  return res.map((l) => ({ line: l.range.start.line, text: textOf(text, l.range), target: l.target?.slice(fileUri(ws, '').length) }));
}

test('documentLink: each include pattern links to each file it matches, in keepalived order', async () => {
  assert.deepEqual(await links(MAIN), [
    { line: 1, text: 'conf.d/*.conf', target: '/etc/keepalived/conf.d/a.conf' },
    { line: 1, text: 'conf.d/*.conf', target: '/etc/keepalived/conf.d/b.conf' },
    // An absolute /etc path resolves in the workspace copy of /etc.
    { line: 2, text: '/etc/keepalived/extra/site.conf', target: '/etc/keepalived/extra/site.conf' },
    { line: 3, text: 'conf.d/{b,c}.conf', target: '/etc/keepalived/conf.d/b.conf' },
  ]);
});

test('documentLink: a pattern that matches nothing has no link; a link has a tooltip', async () => {
  const res = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: main } });
  assert.ok(!res.some((l) => l.range.start.line === 4));
  assert.match(res[0].tooltip ?? '', /a\.conf \(2 files match\)/);
  assert.match(res[2].tooltip ?? '', /^Open site\.conf$/);
});

test('documentLink follows edits of the buffer', async () => {
  const edited = MAIN.replace('include conf.d/*.conf', 'include conf.d/a*.conf');
  client.change(main, edited, 2);
  const got = await links(edited);
  assert.deepEqual(
    got.filter((l) => l.line === 1),
    [{ line: 1, text: 'conf.d/a*.conf', target: '/etc/keepalived/conf.d/a.conf' }],
  );
  client.change(main, MAIN, 3);
});

test('documentLink: paths with blanks and non-ASCII characters give well-formed file URIs', async () => {
  const root = tempWorkspace({ 'my site/keepalived/conf.d/web été.conf': 'vrrp_script chk {\n    script "/bin/true"\n}\n' });
  try {
    const text = 'include conf.d/*.conf\n';
    const uri = fileUri(root, 'my site/keepalived/keepalived.conf');
    client.open(uri, text);
    const res = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    assert.deepEqual(
      res.map((l) => l.target),
      [fileUri(root, 'my site/keepalived/conf.d/web été.conf')],
    );
    assert.match(res[0].tooltip ?? '', /web été\.conf/);
  } finally {
    removeWorkspace(root);
  }
});
