// Formatting over a real connection: re-indenting by brace depth, comments kept, idempotent, and
// range formatting confined to its lines.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FormattingOptions, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, fileUri, removeWorkspace, tempWorkspace, TestClient } from './lsp-client';

const BAD = `! Configuration File for keepalived
global_defs {
router_id lb01   
      # a comment in global_defs
}

   # checks
vrrp_script chk { script "/usr/bin/pgrep nginx"
  interval 2 }
vrrp_instance VI_1 {
  state MASTER
        interface eth0   # trailing comment
 authentication {
auth_type PASS
            auth_pass 1111
   }
virtual_ipaddress { 10.0.0.1/24 }
  track_script {
  chk
      }
}`;

const GOOD = `! Configuration File for keepalived
global_defs {
    router_id lb01
    # a comment in global_defs
}

# checks
vrrp_script chk {
    script "/usr/bin/pgrep nginx"
    interval 2
}
vrrp_instance VI_1 {
    state MASTER
    interface eth0   # trailing comment
    authentication {
        auth_type PASS
        auth_pass 1111
    }
    virtual_ipaddress { 10.0.0.1/24 }
    track_script {
        chk
    }
}
`;

const SPACES4: FormattingOptions = { tabSize: 4, insertSpaces: true };

let client: TestClient;
let ws: string;
let docs = 0;

before(async () => {
  ws = tempWorkspace({});
  client = await TestClient.start(ws);
});

after(async () => {
  await client.close();
  removeWorkspace(ws);
});

function openDoc(text: string): string {
  const uri = fileUri(ws, `doc${++docs}/keepalived.conf`);
  client.open(uri, text);
  return uri;
}

const format = (uri: string, options = SPACES4) => client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });

const comments = (text: string) => text.split('\n').flatMap((l) => l.match(/[#!].*$/)?.[0].trimEnd() ?? []);

test('formatting re-indents a badly indented file, keeps every comment, and is stable', async () => {
  const uri = openDoc(BAD);
  const edits = await format(uri);
  assert.ok(edits.length > 0);
  const formatted = applyEdits(BAD, edits);
  assert.equal(formatted, GOOD);
  assert.deepEqual(comments(formatted), comments(BAD), 'every comment is kept, in order');
  // The words are untouched: only blanks changed.
  assert.deepEqual(formatted.split(/\s+/).filter(Boolean), BAD.split(/\s+/).filter(Boolean));

  // Formatting the result again changes nothing.
  client.change(uri, formatted, 2);
  assert.deepEqual(await format(uri), []);
});

test('formatting with tabs, and with tabSize 2', async () => {
  const uri = openDoc(BAD);
  const tabs = applyEdits(BAD, await format(uri, { tabSize: 4, insertSpaces: false }));
  assert.equal(tabs, GOOD.replace(/^((?: {4})+)/gm, (m) => '\t'.repeat(m.length / 4)));
  const two = applyEdits(BAD, await format(uri, { tabSize: 2, insertSpaces: true }));
  assert.equal(two, GOOD.replace(/^((?: {4})+)/gm, (m) => ' '.repeat(m.length / 2)));
});

test('an already formatted file gets no edits', async () => {
  assert.deepEqual(await format(openDoc(GOOD)), []);
});

test('rangeFormatting touches only the lines of the range', async () => {
  const uri = openDoc(BAD);
  const lines = BAD.split('\n');
  const first = lines.indexOf(' authentication {');
  const last = lines.indexOf('   }');
  const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
    textDocument: { uri },
    range: { start: { line: first, character: 0 }, end: { line: last, character: lines[last].length } },
    options: SPACES4,
  });
  assert.ok(edits.length > 0);
  for (const e of edits) assert.ok(e.range.start.line >= first - 1 && e.range.end.line <= last, `edit outside the range: ${JSON.stringify(e)}`);
  const out = applyEdits(BAD, edits).split('\n');
  assert.deepEqual(out.slice(first, last + 1), ['    authentication {', '        auth_type PASS', '        auth_pass 1111', '    }']);
  // Everything else is as it was.
  assert.deepEqual(out.slice(0, first), lines.slice(0, first));
  assert.deepEqual(out.slice(last + 1), lines.slice(last + 1));
});

test('rangeFormatting of a selection of whole lines (ending at column 0 of the next line)', async () => {
  const uri = openDoc(BAD);
  const lines = BAD.split('\n');
  const line = lines.indexOf('router_id lb01   ');
  const edits = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
    textDocument: { uri },
    range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
    options: SPACES4,
  });
  const out = applyEdits(BAD, edits).split('\n');
  assert.equal(out[line], '    router_id lb01');
  assert.equal(out[line + 1], lines[line + 1], 'the next line is not part of the selection');

  // The comment line below only: the trailing blanks of the line above stay.
  const below = await client.request<TextEdit[]>('textDocument/rangeFormatting', {
    textDocument: { uri },
    range: { start: { line: line + 1, character: 3 }, end: { line: line + 1, character: 5 } },
    options: SPACES4,
  });
  assert.deepEqual(below, [{ range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 6 } }, newText: '    ' }]);
});

/** Sends a configuration change and waits until the server has read the settings and published. */
async function reconfigure(): Promise<void> {
  const asked = client.configurationRequests;
  void client.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  await client.waitUntil(() => client.configurationRequests > asked, () => 'the server asking for its settings');
  const seen = client.clustersChanged;
  await client.waitUntil(() => client.clustersChanged > seen, () => 'a publish after the configuration change');
}

test('the keepalived.format.enable setting turns formatting off', async () => {
  const uri = openDoc(BAD);
  await client.ready();
  client.settings = { format: { enable: false } };
  await reconfigure();
  assert.deepEqual(await format(uri), []);
  client.settings = {};
  await reconfigure();
  assert.equal(applyEdits(BAD, await format(uri)), GOOD);
});

test('CRLF line endings are kept', async () => {
  const crlf = BAD.replace(/\n/g, '\r\n');
  const uri = openDoc(crlf);
  const formatted = applyEdits(crlf, await format(uri));
  assert.equal(formatted, GOOD.replace(/\n/g, '\r\n'));
});
