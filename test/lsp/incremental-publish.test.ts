// Over a real connection: after random opens, edits, closes and file-watcher events on a
// multi-node workspace, the diagnostics the server has published (it re-reads only what changed
// and publishes only the files whose findings changed) are those a freshly started server
// publishes for the same files and buffers.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { fileUri, removeWorkspace, tempWorkspace, TestClient } from './lsp-client';
import { rng } from '../helpers/rng.mjs';
import { pairNode, TWO_PAIRS } from '../helpers/node-pairs';

const FILES: Record<string, string> = {
  ...TWO_PAIRS,
  'c/keepalived/keepalived.conf': pairNode('c1', 'BACKUP', 53, '10.0.2.1'),
  'c/keepalived/conf.d/x.conf': 'vrrp_script x {\n    script "/bin/true"\n}\n',
};
const NEW_FILES = ['g/lb01/keepalived.conf', 'a/lb01/conf.d/vip2.conf'];

const MUTATIONS: ((t: string, r: () => number) => string)[] = [
  (t, r) => t.replace(/virtual_router_id \d+/, `virtual_router_id ${51 + Math.floor(r() * 3)}`),
  (t, r) => t.replace(/10\.0\.\d\.1/, `10.0.${Math.floor(r() * 3)}.1`),
  (t) => (t.includes('MASTER') ? t.replace('MASTER', 'BACKUP') : t.replace('BACKUP', 'MASTER')),
  (t) => (t.includes('priorty') ? t.replace('    priorty 7\n', '') : t.replace('interface eth0\n', 'interface eth0\n    priorty 7\n')),
  (t) => (t.includes('include conf.d') ? t.replace('include conf.d/*.conf\n', '') : `${t}include conf.d/*.conf\n`),
  (t, r) => t.slice(0, Math.floor(r() * t.length)),
];

/** Resolves when the server has published after the last change and stays quiet. */
async function settle(client: TestClient, seen: number): Promise<void> {
  await client.waitUntil(() => client.clustersChanged > seen, () => 'a publish after the changes');
  for (let last = client.clustersChanged; ; last = client.clustersChanged) {
    await new Promise((r) => setTimeout(r, 300));
    if (client.clustersChanged === last) return;
  }
}

test('published diagnostics equal a fresh server\'s after random opens, edits, closes and file events', async () => {
  const ws = tempWorkspace(FILES);
  const r = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const client = await TestClient.start(ws);
  const buffers = new Map<string, { text: string; version: number }>();
  const rels = () => [...Object.keys(FILES), ...NEW_FILES].filter((rel) => existsSync(join(ws, rel)) || buffers.has(fileUri(ws, rel)));
  try {
    // First a pair that disagrees (peer findings on both files), then the pair split apart (they
    // must go from the closed file too), then random changes.
    const lb02 = fileUri(ws, 'a/lb02/keepalived.conf');
    const drifted = FILES['a/lb02/keepalived.conf'].replace('virtual_router_id 51', 'virtual_router_id 52');
    const scripted = [
      () => {
        client.open(lb02, drifted);
        buffers.set(lb02, { text: drifted, version: 1 });
      },
      () => {
        client.change(lb02, drifted.replace('10.0.0.1', '10.0.9.1'), 2);
        buffers.set(lb02, { text: drifted.replace('10.0.0.1', '10.0.9.1'), version: 2 });
      },
    ];
    for (let round = 0; round < 6; round++) {
      const seen = client.clustersChanged;
      const changes: string[] = [];
      if (round < scripted.length) {
        scripted[round]();
        changes.push(`scripted change ${round}`);
      }
      for (let i = 0; i < (round < scripted.length ? 0 : 8); i++) {
        const rel = pick(rels());
        const uri = fileUri(ws, rel);
        const b = buffers.get(uri);
        const text = b?.text ?? (existsSync(join(ws, rel)) ? readFileSync(join(ws, rel), 'utf8') : '');
        const op = r();
        if (op < 0.5) {
          const next = pick(MUTATIONS)(text, r);
          if (b) client.change(uri, next, ++b.version);
          else client.open(uri, next);
          buffers.set(uri, { text: next, version: b ? b.version : 1 });
          changes.push(`edit ${rel}`);
        } else if (op < 0.65 && b) {
          void client.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
          buffers.delete(uri);
          changes.push(`close ${rel}`);
        } else if (op < 0.8 && !b && existsSync(join(ws, rel))) {
          writeFileSync(join(ws, rel), pick(MUTATIONS)(text, r));
          void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
          changes.push(`disk ${rel}`);
        } else if (op < 0.9) {
          const created = pick(NEW_FILES);
          if (existsSync(join(ws, created))) continue;
          mkdirSync(dirname(join(ws, created)), { recursive: true });
          writeFileSync(join(ws, created), created.includes('conf.d') ? pairNode('n', 'BACKUP', 51, '10.0.0.1') : pairNode('g1', 'BACKUP', 52, '10.0.1.1'));
          void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(ws, created), type: 1 }] });
          changes.push(`create ${created}`);
        } else if (!b && existsSync(join(ws, rel))) {
          rmSync(join(ws, rel));
          void client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
          changes.push(`delete ${rel}`);
        }
      }
      await settle(client, seen);
      const fresh = new TestClient();
      try {
        await fresh.initialize(ws);
        for (const [uri, b] of buffers) fresh.open(uri, b.text, b.version);
        await settle(fresh, 0);
        const diagnostics = (c: TestClient) => {
          const out: Record<string, Diagnostic[]> = {};
          for (const rel of [...Object.keys(FILES), ...NEW_FILES]) {
            const d = c.diagnosticsOf(fileUri(ws, rel)) ?? [];
            if (d.length) out[rel] = d;
          }
          return out;
        };
        assert.deepEqual(diagnostics(client), diagnostics(fresh), `round ${round}, after: ${changes.join(', ')}`);
      } finally {
        await fresh.close();
      }
    }
  } finally {
    await client.close();
    removeWorkspace(ws);
  }
});
