import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SEMANTIC_TOKENS_LEGEND,
  semanticTokenList,
  semanticTokens,
  semanticTokensRange,
} from '../../../server/src/features/semantic-tokens';
import { model, URI } from './helpers';

const TEXT = [
  '$IF=eth0', // 0
  'global_defs {', // 1
  '  lvs_process_name lvs', // 2
  '}', // 3
  'vrrp_script chk {', // 4
  '}', // 5
  'vrrp_instance VI_1 {', // 6
  '  state MASTER', // 7
  '  interface $IF', // 8
  '@lb01 priority 150', // 9
  '  bogus 1', // 10
  '  track_script {', // 11
  '    chk weight 2', // 12
  '    nope', // 13
  '  }', // 14
  '  virtual_ipaddress {', // 15
  '    10.0.0.1/24 dev $NOPE', // 16
  '  }', // 17
  '}', // 18
  'include extra.conf', // 19
].join('\n');

function decoded(): string[] {
  const lines = TEXT.split('\n');
  return semanticTokenList(model(TEXT), URI).map((t) => `${t.line}:${lines[t.line].slice(t.character, t.character + t.length)}:${[t.type, ...t.modifiers].join('+')}`);
}

test('semantic tokens: keywords known, deprecated and unknown; names defined and undefined; parameters', () => {
  const toks = decoded();
  const expect = [
    '0:$IF:macro+declaration',
    '1:global_defs:keyword',
    '2:lvs_process_name:keyword+deprecated',
    '4:vrrp_script:keyword',
    '4:chk:variable+declaration',
    '6:vrrp_instance:keyword',
    '6:VI_1:variable+declaration',
    '7:state:keyword',
    '7:MASTER:enumMember',
    '8:interface:keyword',
    '8:$IF:macro',
    '9:@lb01:decorator',
    '9:priority:keyword',
    '10:bogus:keyword+unknown',
    '11:track_script:keyword',
    '12:chk:variable',
    '12:weight:property',
    '13:nope:variable+undefined',
    '15:virtual_ipaddress:keyword',
    '16:dev:property',
    '16:$NOPE:macro+undefined',
    '19:include:keyword',
  ];
  assert.deepEqual(toks, expect);
});

test('semantic tokens: LSP encoding against the legend', () => {
  const m = model(TEXT);
  const list = semanticTokenList(m, URI);
  const { data } = semanticTokens(m, URI);
  assert.equal(data.length, list.length * 5);
  // Second token: global_defs at line 1, col 0, keyword, no modifiers.
  assert.deepEqual(data.slice(5, 10), [1, 0, 'global_defs'.length, SEMANTIC_TOKENS_LEGEND.tokenTypes.indexOf('keyword'), 0]);
  // Third: lvs_process_name on the next line, deprecated.
  assert.deepEqual(data.slice(10, 15), [1, 2, 'lvs_process_name'.length, 0, 1 << SEMANTIC_TOKENS_LEGEND.tokenModifiers.indexOf('deprecated')]);
  // MASTER is on the same line as state: relative column.
  const i = list.findIndex((t) => t.type === 'enumMember');
  assert.deepEqual(data.slice(i * 5, i * 5 + 2), [0, 'state '.length]);
  const r = semanticTokensRange(m, URI, { start: { line: 7, character: 0 }, end: { line: 8, character: 0 } });
  assert.equal(r.data.length, 4 * 5);
});
