// The line reader: words, comments, quotes, escapes, braces and their exact positions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSyntax } from '../../../server/src/parser/syntax-builder';
import type { SyntaxNode, SyntaxTree, Word } from '../../../server/src/parser/syntax';
import { parseDefinition } from '../../../server/src/parser/preprocess';
import { at, conf, model, MEMORY_URI } from '../../helpers/analyze';

const parse = (text: string): SyntaxTree => parseSyntax(text, MEMORY_URI);
/** Values of the words of a text, braces included, in source order. */
const values = (text: string): string[] => parse(text).words.map((w) => w.value);
/** The shape of a tree: lines as arrays of values, blocks as {children}. */
function shape(nodes: readonly SyntaxNode[]): unknown[] {
  return nodes.map((n) => {
    if (n.kind === 'line') return n.words.map((w) => w.value);
    if (n.kind === 'block') return { block: shape(n.children), closed: n.close !== undefined };
    return '<stray }>';
  });
}

test('a # comment ends the line, at the start or after words', () => {
  const tree = parse(conf('# whole line', 'router_id lb01 # trailing', '  # indented'));
  assert.deepEqual(tree.words.map((w) => w.value), ['router_id', 'lb01']);
  assert.deepEqual(
    tree.comments.map((c) => c.text),
    ['# whole line', '# trailing', '# indented'],
  );
  assert.equal(at(tree.comments[1].range), '1:15-1:25');
});

test('a ! comment ends the line too, even glued to a word', () => {
  assert.deepEqual(values('! Configuration File for keepalived\nrouter_id lb01!note\nstate MASTER !x\n'), ['router_id', 'lb01', 'state', 'MASTER']);
  assert.deepEqual(
    parse('a!b#c\n').comments.map((c) => c.text),
    ['!b#c'],
  );
});

test('# and ! inside double quotes are part of the word', () => {
  const w = parse('script "/bin/check # not a comment ! either"\n').words;
  assert.equal(w.length, 2);
  assert.equal(w[1].kind, 'quoted');
  assert.equal(w[1].value, '/bin/check # not a comment ! either');
});

test('\\# and \\! escape the comment characters and read as # and !', () => {
  const w = parse('auth_pass a\\#b\\!c # real comment\n').words;
  assert.deepEqual(
    w.map((x) => [x.text, x.value]),
    [
      ['auth_pass', 'auth_pass'],
      ['a\\#b\\!c', 'a#b!c'],
    ],
  );
  assert.equal(parse('x \\#y\n').words[1].value, '#y');
});

test('a quoted string with spaces is one word without its quotes', () => {
  const tree = parse('notification_email_from "Keepalived Daemon <ka@example.com>"\n');
  const [k, v] = tree.words;
  assert.equal(k.kind, 'word');
  assert.equal(v.kind, 'quoted');
  assert.equal(v.value, 'Keepalived Daemon <ka@example.com>');
  assert.equal(v.text, '"Keepalived Daemon <ka@example.com>"');
  // The range covers the quotes.
  assert.equal(at(v.range), '0:24-0:60');
  assert.equal(v.end - v.start, v.text.length);
});

test('two quoted strings and an empty one on one line', () => {
  const w = parse('script "a b" "" "c"\n').words;
  assert.deepEqual(
    w.map((x) => [x.kind, x.value]),
    [
      ['word', 'script'],
      ['quoted', 'a b'],
      ['quoted', ''],
      ['quoted', 'c'],
    ],
  );
});

test('an unterminated quote runs to the end of its line only', () => {
  const tree = parse('router_id "lb01 x\nstate MASTER\n');
  const u = tree.words[1];
  assert.equal(u.kind, 'unterminated');
  assert.equal(u.value, 'lb01 x');
  assert.equal(at(u.range), '0:10-0:17');
  assert.deepEqual(shape(tree.nodes), [
    ['router_id', 'lb01 x'],
    ['state', 'MASTER'],
  ]);
});

test('{ and } on the keyword line, on their own lines, or glued to a word', () => {
  const own = parse(conf('vrrp_instance VI_1', '{', '  state MASTER', '}'));
  const same = parse(conf('vrrp_instance VI_1 {', '  state MASTER', '}'));
  const glued = parse(conf('vrrp_instance VI_1{', '  state MASTER}'));
  const expected = [['vrrp_instance', 'VI_1'], { block: [['state', 'MASTER']], closed: true }];
  assert.deepEqual(shape(own.nodes), expected);
  assert.deepEqual(shape(same.nodes), expected);
  assert.deepEqual(shape(glued.nodes), expected);
  const open = glued.words.find((w) => w.text === '{') as Word;
  assert.equal(open.kind, 'brace');
  assert.equal(at(open.range), '0:18-0:19');
  const close = glued.words.find((w) => w.text === '}') as Word;
  assert.equal(at(close.range), '1:14-1:15');
  // And keepalived reads all three alike.
  for (const text of [own.text, same.text, glued.text]) {
    const m = model(text);
    assert.equal(m.instances[0].state?.value, 'MASTER');
    assert.equal(m.instances[0].stmt.close?.text, '}');
  }
});

test('one-line blocks: virtual_ipaddress { 1.2.3.4 }', () => {
  const tree = parse('virtual_ipaddress { 1.2.3.4 }\n');
  assert.deepEqual(shape(tree.nodes), [['virtual_ipaddress'], { block: [['1.2.3.4']], closed: true }]);
  const m = model(conf('vrrp_instance VI_1 { interface eth0', 'virtual_router_id 1', 'virtual_ipaddress { 1.2.3.4/24 dev eth0 } }'));
  const vip = m.instances[0].vips;
  assert.deepEqual(
    vip.map((v) => [v.address, v.prefix, v.dev]),
    [['1.2.3.4', 24, 'eth0']],
  );
  assert.equal(m.instances[0].interface?.value, 'eth0');
  assert.equal(m.instances[0].vrid?.value, 1);
  assert.equal(m.instances[0].stmt.close?.range.start.line, 2);
});

test('nested one-line blocks keep their nesting', () => {
  const tree = parse('a { b { c } d }\n');
  assert.deepEqual(shape(tree.nodes), [['a'], { block: [['b'], { block: [['c']], closed: true }, ['d']], closed: true }]);
});

test('a stray } at top level and an unclosed { are part of the tree', () => {
  assert.deepEqual(shape(parse('}\nx\n').nodes), ['<stray }>', ['x']]);
  assert.deepEqual(shape(parse('x {\ny\n').nodes), [['x'], { block: [['y']], closed: false }]);
});

test('a $NAME= definition continues over lines ending with \\', () => {
  const text = conf('$VIPS=10.0.0.1 \\', '      10.0.0.2 \\', '      10.0.0.3', 'router_id x');
  const tree = parse(text);
  const def = tree.words[0];
  assert.equal(def.kind, 'definition');
  assert.equal(at(def.range), '0:0-2:14');
  assert.deepEqual(shape(tree.nodes).slice(1), [['router_id', 'x']]);
  const d = parseDefinition(def);
  assert.equal(d?.name, 'VIPS');
  assert.equal(d?.value, '10.0.0.1\n10.0.0.2\n10.0.0.3');
});

test('a comment after the continuation backslash is dropped, and a blank line ends a definition', () => {
  const text = conf('$A=one \\ # c', 'two', '$B=x \\', '', 'router_id y');
  const tree = parse(text);
  const defs = tree.words.filter((w) => w.kind === 'definition').map((w) => parseDefinition(w)?.value);
  assert.deepEqual(defs, ['one\ntwo', 'x']);
  assert.deepEqual(
    tree.words.filter((w) => w.kind === 'word').map((w) => w.value),
    ['router_id', 'y'],
  );
});

test('a multi-line definition goes on over a comment ending in \\, and a comment-only line ends it', () => {
  // keepalived's VRRP and checker processes read the parent's decomment()ed copy: '# b \\' became
  // '\\' (a backslash ending the raw line is kept) and '# d' an empty line.
  const text = conf('$RS=a \\', '# b \\', '    c \\', '# d', '    e', 'router_id z');
  const tree = parse(text);
  const defs = tree.words.filter((w) => w.kind === 'definition');
  assert.equal(defs.length, 1);
  assert.equal(at(defs[0].range), '0:0-2:7');
  assert.equal(parseDefinition(defs[0])?.value, 'a\nc');
  assert.deepEqual(
    tree.words.filter((w) => w.kind === 'word').map((w) => w.value),
    ['e', 'router_id', 'z'],
  );
});

test('${NAME} stays inside its word', () => {
  assert.deepEqual(values('vrrp_instance VI_${N} {\n}\n'), ['vrrp_instance', 'VI_${N}', '{', '}']);
  assert.deepEqual(values('x $A${B}c\n'), ['x', '$A${B}c']);
});

test('directives are only recognised at the start of a line', () => {
  const kinds = (t: string) => parse(t).words.map((w) => w.kind);
  assert.deepEqual(kinds('@lb1 priority 100\n'), ['conditional', 'word', 'word']);
  assert.deepEqual(kinds('  @^lb1 priority 100\n'), ['conditional', 'word', 'word']);
  assert.deepEqual(kinds('router_id @lb1\n'), ['word', 'word']);
  assert.deepEqual(kinds('~SEQ(i,1,3) x$i\n'), ['seq', 'word']);
  assert.deepEqual(kinds('x ~SEQ(i,1,3)\n'), ['word', 'word']);
  assert.deepEqual(kinds('$A=1\n'), ['definition']);
  assert.deepEqual(kinds('x $A=1\n'), ['word', 'word']);
  // keepalived strips a leading @ID before it looks for a definition or a ~SEQ.
  assert.deepEqual(kinds('@^lb1 $IF=eth0\n'), ['conditional', 'definition']);
  assert.deepEqual(kinds('@lb1 ~SEQ(i,1,3) x$i\n'), ['conditional', 'seq', 'word']);
  assert.deepEqual(kinds('x @lb1 $A=1\n'), ['word', 'word', 'word']);
});

test('exact ranges and offsets of words, with tabs and CRLF line endings', () => {
  const text = 'vrrp_instance\tVI_1 {\r\n\tpriority  100\r\n}\r\n';
  const tree = parse(text);
  const got = tree.words.map((w) => `${w.text}@${at(w.range)}#${w.start}-${w.end}`);
  assert.deepEqual(got, ['vrrp_instance@0:0-0:13#0-13', 'VI_1@0:14-0:18#14-18', '{@0:19-0:20#19-20', 'priority@1:1-1:9#23-31', '100@1:11-1:14#33-36', '}@2:0-2:1#38-39']);
  for (const w of tree.words) assert.equal(text.slice(w.start, w.end), w.text);
});

test('exact ranges with lone CR line endings and non-ASCII text', () => {
  const tree = parse('router_id é\rstate MASTER\r');
  assert.deepEqual(
    tree.words.map((w) => at(w.range)),
    ['0:0-0:9', '0:10-0:11', '1:0-1:5', '1:6-1:12'],
  );
});

test('exact ranges of model nodes', () => {
  const text = conf('vrrp_instance VI_1 {', '    state MASTER', '    interface eth0', '    virtual_router_id 51', '    priority 150', '    virtual_ipaddress {', '        192.168.1.10/24 dev eth0', '    }', '}');
  const m = model(text);
  const i = m.instances[0];
  assert.equal(at(i.stmt.keyword.range), '0:0-0:13');
  assert.equal(at(i.nameWord!.range), '0:14-0:18');
  assert.equal(at(i.stmt.open!.range), '0:19-0:20');
  assert.equal(at(i.stmt.close!.range), '8:0-8:1');
  assert.equal(at(i.state!.word.range), '1:10-1:16');
  assert.equal(at(i.state!.stmt.keyword.range), '1:4-1:9');
  assert.equal(at(i.interface!.word.range), '2:14-2:18');
  assert.equal(i.vrid?.value, 51);
  assert.equal(at(i.vrid!.word.range), '3:22-3:24');
  assert.equal(at(i.priority!.word.range), '4:13-4:16');
  assert.equal(at(i.vipBlock!.keyword.range), '5:4-5:21');
  assert.equal(i.vips.length, 1);
  assert.equal(i.vips[0].address, '192.168.1.10');
  assert.equal(i.vips[0].prefix, 24);
  assert.equal(i.vips[0].dev, 'eth0');
  assert.equal(at(i.vips[0].word.range), '6:8-6:23');
  assert.equal(i.stmt.path, '');
  assert.equal(i.state!.stmt.path, 'vrrp_instance');
  assert.equal(i.vipBlock!.values![0].owner, i.vipBlock);
});

test('a backslash before a blank is a word of its own, and a trailing one outside a definition is dropped', () => {
  const tree = parse('x \\ y\nz \\\n');
  assert.deepEqual(
    tree.words.map((w) => [w.kind, w.text]),
    [
      ['word', 'x'],
      ['backslash', '\\'],
      ['word', 'y'],
      ['word', 'z'],
    ],
  );
});

test('every UTF-16 code unit lexes: keepalived separates words by " \\t\\f\\n\\r\\v" only, so anything else is part of a word', async () => {
  const { keepalivedLexer } = await import('../../../server/src/parser/lexer');
  let all = '';
  for (let c = 0; c <= 0xffff; c++) all += String.fromCharCode(c) + (c % 64 === 63 ? '\n' : ' ');
  const r = keepalivedLexer.tokenize(all);
  assert.deepEqual(r.errors, []);
  const nbsp = keepalivedLexer.tokenize('router_id\u00a0lb01');
  assert.deepEqual(nbsp.tokens.map((t) => t.image), ['router_id\u00a0lb01']);
});
