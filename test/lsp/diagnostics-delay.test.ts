// initializationOptions.diagnosticsDelayMs over a real connection: 0 publishes an edit's
// diagnostics without the typing pause (what the benchmark measures); a long delay holds them back.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, positionOf, removeWorkspace, tempWorkspace, TestClient } from './lsp-client';

const CONFIG = `vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        10.0.0.1/24
    }
}
`;
const BROKEN = CONFIG.replace('priority 150', 'priority 1500');
const outOfRange = (d: Diagnostic[]) => d.some((x) => x.code === 'value-out-of-range' && x.range.start.line === positionOf(BROKEN, '1500').line);

const workspaces: string[] = [];
const clients: TestClient[] = [];
after(async () => {
  for (const c of clients) await c.close();
  for (const w of workspaces) removeWorkspace(w);
});

async function session(init: Record<string, unknown>): Promise<{ client: TestClient; uri: string }> {
  const ws = tempWorkspace({ 'lb01/keepalived.conf': CONFIG });
  workspaces.push(ws);
  const client = new TestClient();
  clients.push(client);
  await client.initialize(ws, init);
  await client.ready();
  const uri = fileUri(ws, 'lb01/keepalived.conf');
  client.open(uri, CONFIG);
  return { client, uri };
}

test('diagnosticsDelayMs 0: each edit is published, and the diagnostic comes and goes with it', async () => {
  const { client, uri } = await session({ diagnosticsDelayMs: 0 });
  for (let v = 2; v < 6; v += 2) {
    client.change(uri, BROKEN, v);
    await client.waitFor(uri, outOfRange);
    client.change(uri, CONFIG, v + 1);
    await client.waitFor(uri, (d) => !outOfRange(d));
  }
});

test('a long diagnosticsDelayMs holds the edit back: a request answered after it still sees the old diagnostics', async () => {
  const { client, uri } = await session({ diagnosticsDelayMs: 4000 });
  // The open's own publish (it is not debounced by typing) comes first.
  await client.waitUntil(() => client.clustersChanged > 1, () => 'the publish after the open');
  const before = client.clustersChanged;
  client.change(uri, BROKEN, 2);
  // The edit is read before the hover: the server has the new text, and keeps its diagnostics back.
  await client.request('textDocument/hover', { textDocument: { uri }, position: positionOf(BROKEN, '1500') });
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(client.clustersChanged, before, 'nothing was published within 400 ms of a 4000 ms debounce');
  assert.equal(outOfRange(client.diagnosticsOf(uri) ?? []), false);
});
