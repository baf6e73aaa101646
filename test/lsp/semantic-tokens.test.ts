// Semantic tokens over a real connection: the legend announced at initialize, and the decoded
// token stream telling known from unknown keywords and defined from undefined references.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InitializeResult, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { fileUri, positionOf, removeWorkspace, tempWorkspace, TestClient } from './lsp-client';

const TEXT = `$IFACE=eth0
vrrp_script chk_up {
    script "/bin/true"
}
vrrp_instance VI_1 {
    state MASTER
    interface $IFACE
    priority 150
    priorty 150
    virtual_ipaddress {
        10.0.0.1/24 dev $NOWHERE
    }
    track_script {
        chk_up
        chk_down
    }
}
`;

let client: TestClient;
let ws: string;
let uri: string;
let legend: SemanticTokensLegend;

before(async () => {
  ws = tempWorkspace({ 'lb01/keepalived.conf': TEXT });
  uri = fileUri(ws, 'lb01/keepalived.conf');
  client = new TestClient();
  const init = (await client.initialize(ws)) as InitializeResult;
  const provider = init.capabilities.semanticTokensProvider;
  assert.ok(provider, 'the server announces semantic tokens');
  legend = provider.legend;
  await client.ready();
  client.open(uri, TEXT);
});

after(async () => {
  await client.close();
  removeWorkspace(ws);
});

interface Token {
  line: number;
  character: number;
  text: string;
  type: string;
  modifiers: string[];
}

/** Decodes LSP's relative encoding with the announced legend. */
function decode(data: number[], text: string): Token[] {
  const lines = text.split('\n');
  const out: Token[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, length, type, mods] = data.slice(i, i + 5);
    line += dl;
    character = dl === 0 ? character + dc : dc;
    const modifiers = legend.tokenModifiers.filter((_, bit) => mods & (1 << bit));
    out.push({ line, character, text: lines[line].slice(character, character + length), type: legend.tokenTypes[type], modifiers });
  }
  return out;
}

async function tokens(): Promise<Token[]> {
  const res = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
  assert.equal(res.data.length % 5, 0);
  return decode(res.data, TEXT);
}

function tokenAt(list: Token[], needle: string, nth = 0): Token | undefined {
  const p = positionOf(TEXT, needle, 0, nth);
  return list.find((t) => t.line === p.line && t.character === p.character);
}

test('the legend from the initialize result', () => {
  assert.deepEqual(legend.tokenTypes, ['keyword', 'variable', 'macro', 'enumMember', 'property', 'decorator']);
  assert.deepEqual(legend.tokenModifiers, ['declaration', 'deprecated', 'unknown', 'undefined']);
});

test('a known keyword vs an unknown one', async () => {
  const list = await tokens();
  assert.deepEqual(tokenAt(list, 'priority 150'), { line: 7, character: 4, text: 'priority', type: 'keyword', modifiers: [] });
  assert.deepEqual(tokenAt(list, 'priorty'), { line: 8, character: 4, text: 'priorty', type: 'keyword', modifiers: ['unknown'] });
  assert.deepEqual(tokenAt(list, 'vrrp_instance'), { line: 4, character: 0, text: 'vrrp_instance', type: 'keyword', modifiers: [] });
});

test('a defined vs an undefined reference, and the declaration', async () => {
  const list = await tokens();
  assert.deepEqual(tokenAt(list, 'chk_up', 0), { line: 1, character: 12, text: 'chk_up', type: 'variable', modifiers: ['declaration'] });
  assert.deepEqual(tokenAt(list, 'chk_up', 1), { line: 13, character: 8, text: 'chk_up', type: 'variable', modifiers: [] });
  assert.deepEqual(tokenAt(list, 'chk_down'), { line: 14, character: 8, text: 'chk_down', type: 'variable', modifiers: ['undefined'] });
});

test('$NAME parameters, enum values and line options', async () => {
  const list = await tokens();
  assert.deepEqual(tokenAt(list, '$IFACE=')?.type, 'macro');
  assert.deepEqual(tokenAt(list, '$IFACE=')?.modifiers, ['declaration']);
  assert.deepEqual(tokenAt(list, '$IFACE', 1), { line: 6, character: 14, text: '$IFACE', type: 'macro', modifiers: [] });
  assert.deepEqual(tokenAt(list, '$NOWHERE'), { line: 10, character: 24, text: '$NOWHERE', type: 'macro', modifiers: ['undefined'] });
  assert.equal(tokenAt(list, 'MASTER')?.type, 'enumMember');
  assert.equal(tokenAt(list, 'dev $NOWHERE')?.type, 'property');
});

test('tokens are sorted and do not overlap', async () => {
  const list = await tokens();
  for (let i = 1; i < list.length; i++) {
    const a = list[i - 1];
    const b = list[i];
    assert.ok(b.line > a.line || (b.line === a.line && b.character >= a.character + a.text.length), `${JSON.stringify(a)} / ${JSON.stringify(b)}`);
  }
});

test('defining the missing script turns its reference into a defined one', async () => {
  const fixed = TEXT + 'vrrp_script chk_down {\n    script "/bin/false"\n}\n';
  client.change(uri, fixed, 2);
  const res = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
  const list = decode(res.data, fixed);
  const p = positionOf(fixed, 'chk_down');
  assert.deepEqual(list.find((t) => t.line === p.line && t.character === p.character)?.modifiers, []);
  client.change(uri, TEXT, 3);
});

test('semanticTokens/range: only the lines of the range', async () => {
  const res = await client.request<SemanticTokens>('textDocument/semanticTokens/range', {
    textDocument: { uri },
    range: { start: { line: 13, character: 0 }, end: { line: 14, character: 20 } },
  });
  const list = decode(res.data, TEXT);
  assert.deepEqual(
    list.map((t) => `${t.line}:${t.text}:${[t.type, ...t.modifiers].join('+')}`),
    ['13:chk_up:variable', '14:chk_down:variable+undefined'],
  );
});
