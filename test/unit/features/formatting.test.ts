import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatDocument, formatRange, type KeepalivedFormattingOptions } from '../../../server/src/features/formatting';
import { parseSyntax } from '../../../server/src/parser/syntax-builder';
import { allCorpora, corpusIncludes } from '../../helpers/corpus';
import { applyEdits } from './helpers';

const SPACES: KeepalivedFormattingOptions = { tabSize: 4, insertSpaces: true };
const TABS: KeepalivedFormattingOptions = { tabSize: 8, insertSpaces: false };

function format(text: string, opts: KeepalivedFormattingOptions = SPACES): string {
  return applyEdits(text, formatDocument(parseSyntax(text, 'file:///k.conf'), opts));
}

/** Words and comments in order (a comment's trailing blanks are not part of it). */
function tokens(text: string): string[] {
  const t = parseSyntax(text, 'file:///k.conf');
  const all: [number, string][] = [...t.words.map((w): [number, string] => [w.start, w.text]), ...t.comments.map((c): [number, string] => [c.start, c.text.trimEnd()])];
  return all.sort((a, b) => a[0] - b[0]).map((x) => x[1]);
}

/** Our corpus and the files it includes, keepalived's samples when KEEPALIVED_SAMPLES is set, the examples. */
const files: { path: string; text: string }[] = [
  ...allCorpora(),
  ...corpusIncludes(),
  ...['examples/nginx-ha/lb01/keepalived.conf', 'examples/nginx-ha/lb02/keepalived.conf'].map((path) => ({ path, text: readFileSync(path, 'utf8') })),
];

test('formatting: the corpus and the examples keep every token, and formatting twice changes nothing', () => {
  assert.ok(files.length >= 10, `only ${files.length} files`);
  for (const { path: f, text } of files) {
    for (const opts of [SPACES, TABS]) {
      const once = format(text, opts);
      assert.deepEqual(tokens(once), tokens(text), `${f}: tokens changed`);
      assert.equal(format(once, opts), once, `${f}: not idempotent`);
      assert.deepEqual(formatDocument(parseSyntax(once, 'file:///k.conf'), opts), [], `${f}: edits on formatted text`);
      assert.ok(once.endsWith('\n') && !once.endsWith('\n\n'), `${f}: final newline`);
      assert.ok(!/[ \t]+$/m.test(once.replace(/^\$.*$/gm, '')), `${f}: trailing blanks`);
    }
  }
});

test('formatting: re-indents by brace depth, with spaces or tabs', () => {
  const text = 'vrrp_instance VI_1 {\nstate MASTER\n      priority 150\n  authentication {\nauth_type PASS\n}\n}\n';
  assert.equal(format(text), 'vrrp_instance VI_1 {\n    state MASTER\n    priority 150\n    authentication {\n        auth_type PASS\n    }\n}\n');
  assert.equal(format(text, TABS), 'vrrp_instance VI_1 {\n\tstate MASTER\n\tpriority 150\n\tauthentication {\n\t\tauth_type PASS\n\t}\n}\n');
  assert.equal(format(text, { tabSize: 2, insertSpaces: true }).split('\n')[4], '    auth_type PASS');
});

test('formatting: braces of multi-line blocks get their own line break; one-line blocks stay', () => {
  const text = 'vrrp_instance VI_1 { state MASTER\n  virtual_ipaddress { 10.0.0.1/24 }\n  track_script {\n  chk }\n} vrrp_script chk {\n  script "/bin/true" }\n';
  assert.equal(
    format(text),
    'vrrp_instance VI_1 {\n    state MASTER\n    virtual_ipaddress { 10.0.0.1/24 }\n    track_script {\n        chk\n    }\n}\nvrrp_script chk {\n    script "/bin/true"\n}\n',
  );
  assert.equal(format('virtual_server_group web { 10.0.0.1 80 }\n'), 'virtual_server_group web { 10.0.0.1 80 }\n');
  assert.equal(
    format('virtual_server_group web { 10.0.0.1 80 }\n', { ...SPACES, splitInlineBlocks: true }),
    'virtual_server_group web {\n    10.0.0.1 80\n}\n',
  );
});

test('formatting: comments stay with their line and keep their text; blank lines stay', () => {
  const text = 'global_defs {   # the globals   \n# own line\n   router_id lb01 ! id\n\n\n   vrrp_strict\n}   \n';
  assert.equal(format(text), 'global_defs {   # the globals\n    # own line\n    router_id lb01 ! id\n\n\n    vrrp_strict\n}\n');
});

test('formatting: @ID lines, $NAME lines and definitions are never split; @ID stays at column 0', () => {
  const text = [
    '$IF=eth0   ',
    '$MULTI=a \\',
    '     b',
    'vrrp_instance VI_1 {',
    '@lb01 priority 150 }',
    'vrrp_instance VI_2 { interface $IF',
    '        @^lb01  state BACKUP',
    '}',
  ].join('\n');
  assert.equal(
    format(text),
    ['$IF=eth0   ', '$MULTI=a \\', '     b', 'vrrp_instance VI_1 {', '@lb01 priority 150 }', 'vrrp_instance VI_2 { interface $IF', '@^lb01  state BACKUP', '}', ''].join('\n'),
  );
});

test('formatting: final newline, trailing blank lines, CRLF kept, empty file', () => {
  assert.equal(format('global_defs {\n}'), 'global_defs {\n}\n');
  assert.equal(format('global_defs {\n}\n\n\n\n'), 'global_defs {\n}\n');
  assert.equal(format('global_defs {\r\nrouter_id a\r\n}'), 'global_defs {\r\n    router_id a\r\n}\r\n');
  assert.equal(format(''), '');
  assert.equal(format('   \n\n'), '');
});

test('formatting: a range formats only its lines', () => {
  const text = 'global_defs {\nrouter_id a\nvrrp_strict\n}\nvrrp_instance X {\nstate MASTER\n}\n';
  const edits = formatRange(parseSyntax(text, 'file:///k.conf'), { start: { line: 5, character: 0 }, end: { line: 5, character: 5 } }, SPACES);
  assert.equal(applyEdits(text, edits), 'global_defs {\nrouter_id a\nvrrp_strict\n}\nvrrp_instance X {\n    state MASTER\n}\n');
  // Whole lines 1-2 selected (the selection ends at the start of line 3).
  const lines = formatRange(parseSyntax(text, 'file:///k.conf'), { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } }, SPACES);
  assert.equal(applyEdits(text, lines), 'global_defs {\n    router_id a\n    vrrp_strict\n}\nvrrp_instance X {\nstate MASTER\n}\n');
});
