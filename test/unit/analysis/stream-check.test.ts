// The CLI reads each root file block by block (analysis/stream-check.ts). What it reports must be
// what reading the whole file reports: the findings of every rule, single-file and peer, with
// their ranges, messages, related places and fixes, on the corpus, on seeded mistakes in it, on
// hand-written cases of keepalived's state across blocks, and on the node pairs, cut as finely
// as the reader can cut (every top-level block alone) and as the CLI cuts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFiles, dedupe } from '../../../server/src/analysis/check-files';
import { checkStream } from '../../../server/src/analysis/stream-check';
import { textUnits } from '../../../server/src/parser/root-units';
import { checkNodes } from '../../../server/src/analysis/node-check';
import { checkCluster } from '../../../server/src/analysis/peer-check';
import { compareFindings, type Finding } from '../../../server/src/rules/finding';
import { findClusters } from '../../../server/src/workspace/cluster';
import { explicitGroups } from '../../../server/src/workspace/explicit-groups';
import { diskSource, FsIncludeResolver, pathToUri, TreeCache } from '../../../server/src/workspace/include-resolver';
import { readNodes } from '../../../server/src/workspace/nodes';
import { writeTree } from '../../helpers/analyze';
import { PAIRS, streamCases } from './stream-cases';

/** What the CLI reported before it streamed: every file parsed, read and checked whole. */
function wholeFiles(texts: ReadonlyMap<string, string>, oneCluster = false): Finding[] {
  const cache = new TreeCache();
  const byUri = new Map([...texts].map(([p, t]) => [pathToUri(p), t]));
  const resolver = new FsIncludeResolver({ read: (uri) => (byUri.has(uri) ? { text: byUri.get(uri) as string } : diskSource.read(uri)) }, undefined, cache);
  const trees = [...byUri].map(([uri, text]) => cache.get(uri, text));
  const checked = checkNodes(trees.map((tree) => ({ tree })), resolver);
  const roots = trees.map((tree, i) => ({ tree, nodes: readNodes(tree, resolver, checked[i].model) }));
  const nodes = roots.flatMap((r) => r.nodes);
  const findings = checked.flatMap((c) => c.findings);
  if (nodes.length >= 2) {
    const groups = oneCluster ? [nodes.map((n) => n.id)] : explicitGroups(nodes, [], [], roots);
    for (const cluster of findClusters(nodes, groups)) findings.push(...checkCluster(cluster));
  }
  return dedupe(findings);
}

/** Findings as a user sees them: sorted as the CLI sorts, every field that reaches an output. */
function shown(findings: readonly Finding[]): string[] {
  return [...findings].sort(compareFindings).map((f) => JSON.stringify([f.uri, f.range, f.severity, f.code, f.message, f.related ?? null, f.fixes ?? null, f.tags ?? null]));
}

const GRAINS = [
  { name: 'every block alone', grain: { batchWords: 1, pieceChars: 0 } },
  { name: 'as the CLI cuts', grain: undefined },
];

for (const c of streamCases()) {
  test(`block by block = whole file: ${c.name}`, () => {
    const dir = writeTree(c.files);
    const texts = new Map([[join(dir, c.main), c.files[c.main]]]);
    const expected = shown(wholeFiles(texts));
    for (const g of GRAINS) assert.deepEqual(shown(checkFiles(texts, { grain: g.grain })), expected, g.name);
  });
}

test('block by block = whole file: every corpus and hand-written file checked together, as one cluster too', () => {
  const cases = streamCases().filter((c) => !c.name.includes('mutant'));
  const texts = new Map<string, string>();
  cases.forEach((c, i) => {
    const dir = writeTree(c.files);
    texts.set(join(dir, c.main), c.files[c.main]);
    if (i === 0) texts.set(join(dir, 'second', c.main), c.files[c.main]);
  });
  for (const oneCluster of [false, true]) {
    const expected = shown(wholeFiles(texts, oneCluster));
    assert.ok(expected.some((f) => f.includes('"peer-')), 'some peer rule reports');
    for (const g of GRAINS) assert.deepEqual(shown(checkFiles(texts, { grain: g.grain, oneCluster })), expected, `${g.name}, oneCluster ${oneCluster}`);
  }
});

for (const p of PAIRS) {
  test(`block by block = whole file: the nodes of ${p.name}`, () => {
    const texts = new Map(p.files.map((f) => [f, readFileSync(f, 'utf8')]));
    const expected = shown(wholeFiles(texts));
    for (const g of GRAINS) assert.deepEqual(shown(checkFiles(texts, { grain: g.grain })), expected, g.name);
  });
}

test('the time budget holds block by block: past the deadline the reading stops and the checks that did not run are named', () => {
  const text = streamCases()[0].files[streamCases()[0].main];
  const uri = 'file:///budget/keepalived.conf';
  const { findings } = checkStream(uri, text, textUnits(text, uri, 1), { deadline: Date.now() - 1, batchWords: 1 });
  const messages = findings.filter((f) => f.code === 'limit-reached').map((f) => f.message);
  assert.ok(messages.some((m) => m.startsWith('The analysis time budget ran out here: this line and the rest of the configuration are not checked.')), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('The analysis time budget ran out: these checks did not run on this file: unbalanced-brace, ')), messages.join('\n'));
  assert.deepEqual(findings.map((f) => f.code).filter((c) => c !== 'limit-reached'), []);
});
