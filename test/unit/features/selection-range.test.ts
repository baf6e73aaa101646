import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SelectionRange } from 'vscode-languageserver-types';
import { selectionRanges } from '../../../server/src/features/selection-range';
import { parseSyntax } from '../../../server/src/parser/syntax-builder';
import { containsRange } from '../../../server/src/features/util';
import { cursor, slice } from './helpers';

function chain(marked: string): string[] {
  const { text, pos } = cursor(marked);
  const [sel] = selectionRanges(parseSyntax(text, 'file:///k.conf'), [pos]);
  const out: string[] = [];
  for (let s: SelectionRange | undefined = sel; s; s = s.parent) {
    if (s.parent) assert.ok(containsRange(s.parent.range, s.range));
    out.push(slice(text, s.range));
  }
  return out;
}

test('selection range: word, line, block contents, block with its keyword, file', () => {
  const text = 'vrrp_instance VI_1 {\n  state MASTER\n  virtual_ipaddress {\n    10.0.0.1/24 dev eth0\n  }\n}\n';
  const marked = text.replace('dev eth0', 'dev et|h0');
  assert.deepEqual(chain(marked), [
    'eth0',
    '10.0.0.1/24 dev eth0',
    '{\n    10.0.0.1/24 dev eth0\n  }',
    'virtual_ipaddress {\n    10.0.0.1/24 dev eth0\n  }',
    'state MASTER\n  virtual_ipaddress {\n    10.0.0.1/24 dev eth0\n  }',
    '{\n  state MASTER\n  virtual_ipaddress {\n    10.0.0.1/24 dev eth0\n  }\n}',
    text.trimEnd(),
    text,
  ]);
});

test('selection range: on a keyword line, the line then the statement with its block', () => {
  const text = 'vrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n  }\n}\n';
  const c = chain(text.replace('authentication', 'authen|tication'));
  assert.deepEqual(c.slice(0, 3), ['authentication', 'authentication {\n    auth_type PASS\n  }', '{\n  authentication {\n    auth_type PASS\n  }\n}']);
});

test('selection range: a $NAME inside a word comes first', () => {
  const c = chain('$N=1\nvrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.${|N}.1\n  }\n}\n');
  assert.deepEqual(c.slice(0, 2), ['${N}', '10.0.${N}.1']);
});
