import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FoldingRangeKind } from 'vscode-languageserver-types';
import { foldingRanges } from '../../../server/src/features/folding';
import { parseSyntax } from '../../../server/src/parser/syntax-builder';

const fold = (text: string) => foldingRanges(parseSyntax(text, 'file:///k.conf')).map((r) => [r.startLine, r.endLine, r.kind ?? 'block']);

test('folding: blocks fold from the keyword line to the line before the closing brace', () => {
  const text = [
    'vrrp_instance VI_1 {', // 0
    '  state MASTER', // 1
    '  virtual_ipaddress {', // 2
    '    10.0.0.1', // 3
    '  }', // 4
    '  track_script { chk }', // 5
    '}', // 6
  ].join('\n');
  assert.deepEqual(fold(text), [
    [0, 5, 'block'],
    [2, 3, 'block'],
  ]);
});

test('folding: a brace on the line below its keyword; an unclosed block folds to the end', () => {
  assert.deepEqual(fold('global_defs\n{\n  router_id a\n}\n'), [[0, 2, 'block']]);
  assert.deepEqual(fold('global_defs {\n  router_id a\n  vrrp_strict\n'), [[0, 2, 'block']]);
});

test('folding: runs of comment lines, and multi-line definitions', () => {
  const text = ['! header', '! more', '# and more', 'global_defs { # trailing', '}', '# single', '$A=1 \\', '  2 \\', '  3', ''].join('\n');
  assert.deepEqual(fold(text), [
    [0, 2, FoldingRangeKind.Comment],
    [6, 8, FoldingRangeKind.Region],
  ]);
});
