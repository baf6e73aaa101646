// The language server's workspace index is incremental (analysis/workspace-index.ts): it reads
// again only the nodes a change touched, rebuilds only the clusters whose nodes changed, and
// publishes only the files whose findings may have changed. After random sequences of edits,
// saves, closes, created and deleted files, setting changes and requests in between, what it has
// published and what it answers must be what a fresh index of the same files computes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { WorkspaceIndex, type IndexSettings } from '../../../server/src/analysis/workspace-index';
import { diskSource, pathToUri, type FileSource } from '../../../server/src/workspace/include-resolver';
import type { Finding } from '../../../server/src/rules/finding';
import { writeTree } from '../../helpers/analyze';
import { rng } from '../../helpers/rng.mjs';
import { pairNode, TWO_PAIRS } from '../../helpers/node-pairs';

/** Pairs by shared VIP, an include of an unscanned folder, a fragment the scan finds, peer directives, @ID views. */
const FILES: Record<string, string> = {
  ...TWO_PAIRS,
  'c/keepalived/keepalived.conf': 'global_defs {\n    router_id c1\n}\ninclude conf.d/*.conf\n',
  'c/keepalived/conf.d/vip.conf': pairNode('c1', 'BACKUP', 51, '10.0.2.1'),
  'd/keepalived.conf.one': '# keepalived-peer: keepalived.conf.two\n' + pairNode('d1', 'MASTER', 53, '10.0.3.1'),
  'd/keepalived.conf.two': pairNode('d2', 'BACKUP', 53, '10.0.4.1'),
  'e/keepalived.conf': '@lb1 global_defs {\n@lb1     router_id e1\n@lb1 }\n@lb2 global_defs {\n@lb2     router_id e2\n@lb2 }\n' + pairNode('e', 'MASTER', 54, '10.0.5.1').replace(/^global_defs[^}]*}\n/, ''),
};

/** Text changes that move nodes between clusters, change peer findings, single-file findings and includes. */
const MUTATIONS: ((text: string, r: () => number) => string)[] = [
  (t, r) => t.replace(/virtual_router_id \d+/, `virtual_router_id ${51 + Math.floor(r() * 4)}`),
  (t, r) => t.replace(/10\.0\.\d+\.1/, `10.0.${Math.floor(r() * 6)}.1`),
  (t) => (t.includes('MASTER') ? t.replace('MASTER', 'BACKUP') : t.replace('BACKUP', 'MASTER')),
  (t, r) => t.replace(/priority \d+/, `priority ${r() < 0.5 ? 100 : 150}`),
  (t, r) => t.replace(/router_id \S+/, `router_id ${['lb01', 'lb02', 'b1', 'x'][Math.floor(r() * 4)]}`),
  (t) => (t.includes('priorty') ? t.replace('    priorty 7\n', '') : t.replace('interface eth0\n', 'interface eth0\n    priorty 7\n')),
  (t) => (t.includes('include conf.d/*.conf') ? t.replace('include conf.d/*.conf\n', '') : `${t}\ninclude conf.d/*.conf\n`),
  (t) => (t.includes('keepalived-peer') ? t.replace(/^# keepalived-peer:.*\n/m, '') : `# keepalived-peer: ../lb02/keepalived.conf\n${t}`),
  (t) => (t.includes('{{') ? t.replace('# {{ host }}\nvrrp_instance {{ name }} {}\n', '') : `${t}# {{ host }}\nvrrp_instance {{ name }} {}\n`),
  (t, r) => t.slice(0, Math.floor(r() * t.length)),
  (t) => t.replace('interface eth0', 'interface eth1'),
  (t, r) => t.replace(/vrrp_instance \S+/, `vrrp_instance ${r() < 0.5 ? 'VI_1' : 'VI_2'}`),
];

const NEW_FILES = ['g/lb01/keepalived.conf', 'g/lb02/keepalived.conf', 'a/lb01/conf.d/vip2.conf', 'c/keepalived/conf.d/more.conf'];

/** What a client holds: each file's findings as last published, as JSON. */
type Published = Map<string, string>;

/** The server's publishing: the files the index says may have changed, those whose findings did. */
function publish(index: WorkspaceIndex, published: Published, filter?: (uri: string) => boolean): void {
  for (let uris = index.takeChanged(filter, { regroup: !!filter }); uris.length; uris = filter ? [] : index.takeChanged()) {
    for (const uri of uris) {
      const f = index.currentFindings(uri);
      if (f.length) published.set(uri, JSON.stringify(f));
      else published.delete(uri);
    }
  }
}

function asJson(m: Map<string, Finding[]>): Published {
  return new Map([...m].map(([k, v]) => [k, JSON.stringify(v)]));
}

const clusterShape = (index: WorkspaceIndex) => index.clusters().map((c) => ({ id: c.id, labels: c.nodes.map((n) => n.label), groups: c.groups.map((g) => `${g.name}: ${g.members.map((m) => m.node.id).join(',')}`) }));

function runSequence(seed: number, steps: number): void {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const dir = writeTree(FILES);
  const buffers = new Map<string, string>();
  const source: FileSource = { read: (uri) => (buffers.has(uri) ? { text: buffers.get(uri)! } : diskSource.read(uri)) };
  let settings: IndexSettings = {};
  const index = new WorkspaceIndex([dir], source, undefined);
  index.configure(settings);
  index.startScan();
  const published: Published = new Map();
  const uriOf = (rel: string) => pathToUri(join(dir, rel));
  const allRel = () => [...Object.keys(FILES), ...NEW_FILES].filter((rel) => existsSync(join(dir, rel)) || buffers.has(uriOf(rel)));
  const textOf = (rel: string) => buffers.get(uriOf(rel)) ?? (existsSync(join(dir, rel)) ? readFileSync(join(dir, rel), 'utf8') : '');
  const log: string[] = [];
  try {
    for (let step = 0; step < steps; step++) {
      const rel = pick(allRel());
      const uri = uriOf(rel);
      const op = r();
      if (op < 0.35) {
        const text = pick(MUTATIONS)(textOf(rel), r);
        log.push(`edit ${rel}`);
        buffers.set(uri, text);
        index.touch(uri);
      } else if (op < 0.45) {
        // Saved and closed: the disk copy takes over.
        log.push(`save+close ${rel}`);
        const existed = existsSync(join(dir, rel));
        writeFileSync(join(dir, rel), textOf(rel));
        // The file watcher reports a file the save created.
        if (!existed) index.fileChanged(uri, true);
        buffers.delete(uri);
        index.close(uri);
      } else if (op < 0.55 && !buffers.has(uri)) {
        log.push(`disk change ${rel}`);
        writeFileSync(join(dir, rel), pick(MUTATIONS)(textOf(rel), r));
        index.fileChanged(uri);
      } else if (op < 0.62) {
        const created = pick(NEW_FILES);
        if (existsSync(join(dir, created))) continue;
        log.push(`create ${created}`);
        mkdirSync(dirname(join(dir, created)), { recursive: true });
        writeFileSync(join(dir, created), created.includes('conf.d') ? pairNode('n', 'BACKUP', 55, '10.0.0.1') : pairNode(created, pick(['MASTER', 'BACKUP']), 51 + Math.floor(r() * 4), `10.0.${Math.floor(r() * 6)}.1`));
        index.fileChanged(uriOf(created), true);
      } else if (op < 0.68) {
        if (!existsSync(join(dir, rel))) continue;
        log.push(`delete ${rel}`);
        rmSync(join(dir, rel));
        // An open buffer outlives its file (the server's rule).
        if (buffers.has(uri)) index.touch(uri);
        else index.remove(uri);
      } else if (op < 0.72) {
        settings = pick<IndexSettings>([{}, { levels: { 'peer-vrid-mismatch': 'off' } }, { clusters: [['b/lb01/keepalived.conf', 'c/keepalived/keepalived.conf']] }, { levels: { 'unknown-keyword': 'hint' }, clusters: [['d/*']] }]);
        log.push(`configure ${JSON.stringify(settings)}`);
        index.configure(settings);
      } else if (op < 0.85) {
        // Requests between changes: they read what they need and leave the rest to the background.
        log.push(`requests ${rel}`);
        index.modelFor(uri);
        index.peersOf(uri);
        index.findingsOf(uri);
      } else {
        // A slice of background work and the open files' provisional diagnostics.
        log.push('slice');
        index.work(Date.now());
        publish(index, published, (u) => buffers.has(u));
      }
      if (r() < 0.3) continue;
      // Quiet: the index finishes its work and publishes, as the server does after the debounce.
      while (index.work(Infinity));
      publish(index, published);
      const fresh = new WorkspaceIndex([dir], source, undefined);
      fresh.configure(settings);
      fresh.scan();
      for (const b of buffers.keys()) fresh.touch(b);
      const expected = asJson(fresh.findingsByUri());
      const where = `seed ${seed}, after:\n${log.slice(-12).join('\n')}`;
      assert.deepEqual(new Map([...published].sort()), new Map([...expected].sort()), `published diagnostics differ from a fresh analysis; ${where}`);
      assert.deepEqual(asJson(index.findingsByUri()), expected, `findingsByUri differs from a fresh analysis; ${where}`);
      assert.deepEqual(clusterShape(index), clusterShape(fresh), `clusters differ from a fresh analysis; ${where}`);
      for (const rel of allRel()) {
        const u = uriOf(rel);
        assert.equal(index.modelFor(u)?.uri, fresh.modelFor(u)?.uri, `modelFor(${rel}) reads another node; ${where}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// INDEX_SEEDS=N runs seeds 1..N (a longer search than the default eight).
const SEEDS = process.env.INDEX_SEEDS ? Array.from({ length: Number(process.env.INDEX_SEEDS) }, (_, i) => i + 1) : [1, 2, 3, 4, 5, 6, 7, 8];
for (const seed of SEEDS) {
  test(`incremental index == fresh index after random changes (seed ${seed})`, () => runSequence(seed, 120));
}


/** A workspace of `files` on disk, indexed to the end, whose open buffers are `buffers`. */
function indexedTree(files: Record<string, string>): { dir: string; buffers: Map<string, string>; index: WorkspaceIndex } {
  const dir = writeTree(files);
  const buffers = new Map<string, string>();
  const source: FileSource = { read: (uri) => (buffers.has(uri) ? { text: buffers.get(uri)! } : diskSource.read(uri)) };
  const index = new WorkspaceIndex([dir], source, undefined);
  index.configure({});
  index.scan();
  while (index.work(Infinity));
  return { dir, buffers, index };
}

test('an edit re-reads only the edited node and republishes only the files of its cluster', () => {
  const files: Record<string, string> = {};
  for (let s = 0; s < 20; s++) {
    files[`site${s}/lb01/keepalived.conf`] = pairNode(`s${s}a`, 'MASTER', 51 + s, `10.1.${s}.1`);
    files[`site${s}/lb02/keepalived.conf`] = pairNode(`s${s}b`, 'BACKUP', 51 + s, `10.1.${s}.1`);
  }
  const { dir, buffers, index } = indexedTree(files);
  index.takeChanged();
  const lb01 = pathToUri(join(dir, 'site3/lb01/keepalived.conf'));
  const lb02 = pathToUri(join(dir, 'site3/lb02/keepalived.conf'));
  const before = index.clusters();
  buffers.set(lb01, files['site3/lb01/keepalived.conf'].replace('virtual_router_id 54', 'virtual_router_id 99'));
  index.touch(lb01);
  while (index.work(Infinity));
  assert.deepEqual(index.takeChanged().sort(), [lb01, lb02].sort());
  assert.ok(index.findingsOf(lb02).some((f) => f.code === 'peer-vrid-mismatch' && /99/.test(f.message)));
  // Every other cluster is the same object: its peer rules did not run again.
  const after = index.clusters();
  assert.equal(after.filter((c, i) => c !== before[i]).length, 1);
});

test('modelFor answers from the file\'s node without reading the other changed nodes or running rules', () => {
  const { dir, buffers, index } = indexedTree({ 'lb01/keepalived.conf': pairNode('lb01', 'MASTER', 51, '10.0.0.1'), 'lb02/keepalived.conf': pairNode('lb02', 'BACKUP', 51, '10.0.0.1') });
  const lb01 = pathToUri(join(dir, 'lb01/keepalived.conf'));
  const lb02 = pathToUri(join(dir, 'lb02/keepalived.conf'));
  index.takeChanged();
  buffers.set(lb01, pairNode('lb01', 'MASTER', 61, '10.0.0.1'));
  buffers.set(lb02, pairNode('lb02', 'BACKUP', 62, '10.0.0.1'));
  index.touch(lb01);
  index.touch(lb02);
  assert.equal(index.modelFor(lb01)?.instances[0].vrid?.value, 61);
  // lb02 waits for the background; nothing was checked yet.
  assert.ok(index.busy());
  assert.deepEqual(index.takeChanged(), [lb01]);
  while (index.work(Infinity));
  assert.ok(index.findingsOf(lb01).some((f) => f.code === 'peer-vrid-mismatch'));
});
