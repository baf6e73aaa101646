// Top-level units: the syntax builder records where they start, and a span cut at those starts
// parses exactly as it does inside the whole text (what reparse.ts and the streaming CLI rely on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSpan, parseSyntax } from '../../../server/src/parser/syntax-builder';
import { TextLines } from '../../../server/src/parser/line-index';
import type { SyntaxNode } from '../../../server/src/parser/syntax';
import { allCorpora, corpusIncludes } from '../../helpers/corpus';

const URI = 'file:///t/keepalived.conf';

/** The nodes as plain data: kinds, word texts and offsets. */
function shape(nodes: readonly SyntaxNode[]): unknown {
  return nodes.map((n) =>
    n.kind === 'line'
      ? n.words.map((w) => [w.kind, w.text, w.start, w.end])
      : n.kind === 'block'
        ? { open: n.open.start, close: n.close?.start, children: shape(n.children) }
        : { stray: n.brace.start },
  );
}

const texts = [
  ...allCorpora().map((c) => ({ name: c.name, text: c.text })),
  ...corpusIncludes().map((c) => ({ name: c.path, text: c.text })),
  { name: 'brace on the next line', text: 'vrrp_instance VI_1\n# why\n\n{\n  state MASTER\n}\nglobal_defs {\n}\n' },
  { name: 'stray close, CRLF, no final break', text: 'a 1\r\n}\r\nb {\r\n c "}" # }\r\n}\r\nlast' },
  { name: 'definitions and sequences', text: '$X={ \\\n  1 \\\n  }\nvrrp_instance A {\n}\n@lb1 $Y=2 {\n~SEQ(i,1,3) z { $i }\nw ${X} {\n}\n' },
  { name: 'unclosed', text: 'a {\n b {\n c\n' },
  { name: 'escapes', text: 'a \\{ b\nc \\# { d\n}\n' },
];

for (const { name, text } of texts) {
  test(`top-level units of ${name}: each unit parses as it does in the whole`, () => {
    const tree = parseSyntax(text, URI);
    const starts = tree.segments ?? [];
    const lines = new TextLines(text);
    const parts = starts.map((s, i) => parseSpan(text, s, starts[i + 1] ?? text.length, URI, lines));
    assert.deepEqual(shape(parts.flatMap((p) => p.nodes)), shape(tree.nodes));
    assert.deepEqual(
      parts.flatMap((p) => p.comments.map((c) => [c.text, c.start])),
      tree.comments.map((c) => [c.text, c.start]),
    );
    // Every unit but the last is balanced; positions are those of the whole text.
    parts.slice(0, -1).forEach((p) => assert.equal(p.openBlocks, 0));
    for (const w of parts.flatMap((p) => p.words)) assert.deepEqual(w.range, tree.words.find((x) => x.start === w.start)?.range);
  });
}

test('a block whose `{` comes lines after its keyword is one unit with it', () => {
  const text = 'global_defs {\n}\nvrrp_instance VI_1\n# comment\n{\n  state MASTER\n}\nvirtual_server 10.0.0.1 80 {\n}\n';
  assert.deepEqual(parseSyntax(text, URI).segments, [0, text.indexOf('vrrp_instance'), text.indexOf('virtual_server')]);
});
