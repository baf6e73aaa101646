// An edited text re-read from its previous tree (reparse.ts) gives the tree a fresh parse gives:
// the same nodes, words (offsets and positions), comments and top-level units, after every edit
// of random sequences on the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSyntax } from '../../../server/src/parser/syntax-builder';
import { reparse } from '../../../server/src/parser/reparse';
import type { SyntaxNode, SyntaxTree } from '../../../server/src/parser/syntax';
import { allCorpora } from '../../helpers/corpus';
import { rng } from '../../helpers/rng.mjs';

const URI = 'file:///t/keepalived.conf';

function shape(nodes: readonly SyntaxNode[]): unknown {
  return nodes.map((n) =>
    n.kind === 'line'
      ? n.words.map((w) => `${w.kind}:${w.text}@${w.start}-${w.end}`)
      : n.kind === 'block'
        ? { open: n.open.start, close: n.close?.start, children: shape(n.children) }
        : { stray: n.brace.start },
  );
}

function same(actual: SyntaxTree, expected: SyntaxTree, what: string): void {
  assert.equal(actual.text, expected.text);
  assert.deepEqual(actual.segments, expected.segments, `${what}: top-level units`);
  assert.deepEqual(shape(actual.nodes), shape(expected.nodes), `${what}: nodes`);
  assert.deepEqual(
    actual.words.map((w) => [w.kind, w.text, w.value, w.start, w.end, w.range]),
    expected.words.map((w) => [w.kind, w.text, w.value, w.start, w.end, w.range]),
    `${what}: words`,
  );
  assert.deepEqual(
    actual.comments.map((c) => [c.text, c.start, c.end, c.range]),
    expected.comments.map((c) => [c.text, c.start, c.end, c.range]),
    `${what}: comments`,
  );
}

/** Pieces an edit inserts: what people type, and what changes the structure. */
const PIECES = ['a', 'x', ' ', '\n', '{', '}', '{\n', '\n}\n', '"', '#', '! c', '\\', '\r\n', '$X=1\n', '$Y=a \\\n b\n', '@lb1 ', '~SEQ(i,1,2) ', 'include x.conf\n', 'priority 100\n', 'vrrp_instance V {\n', '${X}', '\t'];

/** One random edit: a deletion, an insertion or a replacement somewhere in the text. */
function edit(text: string, r: () => number): string {
  const at = Math.floor(r() * (text.length + 1));
  const del = r() < 0.5 ? Math.floor(r() * Math.min(12, text.length - at + 1)) : 0;
  const ins = r() < 0.75 ? PIECES[Math.floor(r() * PIECES.length)] : '';
  return text.slice(0, at) + ins + text.slice(at + del);
}

for (const file of allCorpora()) {
  test(`random edits of ${file.name}: each re-read tree equals a fresh parse`, () => {
    const r = rng(0x5eed ^ file.name.length);
    for (let seq = 0; seq < 6; seq++) {
      let text = file.text;
      let tree = parseSyntax(text, URI);
      for (let i = 0; i < 25; i++) {
        text = edit(text, r);
        tree = reparse(tree, text);
        same(tree, parseSyntax(text, URI), `sequence ${seq}, edit ${i}`);
      }
    }
  });
}

test('typing inside one block re-reads that block only, and the words after it move', () => {
  const text = 'global_defs {\n  router_id a\n}\nvrrp_instance VI_1 {\n  priority 100\n}\nvrrp_instance VI_2 {\n  priority 90\n}\n';
  const tree = parseSyntax(text, URI);
  const last = tree.words[tree.words.length - 2];
  const at = text.indexOf('100') + 3;
  const next = reparse(tree, `${text.slice(0, at)}1${text.slice(at)}`);
  assert.equal(next.edit?.start, text.indexOf('vrrp_instance VI_1'));
  assert.equal(next.edit?.oldEnd, text.indexOf('vrrp_instance VI_2'));
  assert.equal(next.edit?.nodeCount, 2);
  // The untouched words are the same objects, moved by one character.
  assert.equal(next.words[next.words.length - 2], last);
  assert.equal(last.start, text.lastIndexOf('90') + 1);
  assert.deepEqual(last.range.start, { line: 7, character: 11 });
  assert.equal(tree.edit, undefined);
});

test('an edit that leaves a `{` at the head of a unit joins it to the unit of the line of words before', () => {
  const text = 'global_defs {\n  router_id a\n}\n# the first instance\nvrrp_instance VI_1\n{\n  state MASTER\n}\nvrrp_instance VI_2 {\n}\n';
  const at = text.indexOf('vrrp_instance VI_1');
  const edited = text.slice(0, at) + text.slice(at + 'vrrp_instance VI_1'.length);
  const fresh = parseSyntax(edited, URI);
  // The `{` left alone opens the block of `global_defs`'s unit, as a fresh parse reads it.
  assert.deepEqual(fresh.segments, [0, edited.indexOf('vrrp_instance VI_2')]);
  same(reparse(parseSyntax(text, URI), edited), fresh, 'the edit');
});

test('a change to more than half of the text is parsed anew, and equals a fresh parse', () => {
  const text = Array.from({ length: 400 }, (_, i) => `vrrp_script s${i} {\n  script "/bin/true"\n}\n`).join('');
  // The middle 60% goes: more than the half MAX_REREAD_FRACTION re-reads.
  const cut = Math.floor(text.length * 0.2);
  const edited = text.slice(0, cut) + text.slice(text.length - cut);
  const tree = reparse(parseSyntax(text, URI), edited);
  assert.equal(tree.edit, undefined);
  same(tree, parseSyntax(edited, URI), 'the paste');
});

test('an edit inside 20,000 nested blocks is read without recursion', () => {
  const depth = 20000;
  const text = `a {\n}\n${'b {\n'.repeat(depth)}c 1\n${'}\n'.repeat(depth)}d {\n}\n`;
  const at = text.indexOf('c 1') + 2;
  const edited = `${text.slice(0, at)}2${text.slice(at + 1)}`;
  const tree = reparse(parseSyntax(text, URI), edited);
  const fresh = parseSyntax(edited, URI);
  // Compared flat: the test's own recursive shape() would not reach that deep.
  assert.deepEqual(tree.segments, fresh.segments);
  assert.deepEqual(
    tree.words.map((w) => [w.kind, w.text, w.start, w.end]),
    fresh.words.map((w) => [w.kind, w.text, w.start, w.end]),
  );
  assert.equal(tree.words.find((w) => w.text === '2')?.range.start.line, depth + 2);
  assert.deepEqual(tree.nodes.map((n) => n.kind), fresh.nodes.map((n) => n.kind));
});
