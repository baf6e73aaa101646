// The parser and the rules never throw, whatever the input: a deterministic fuzz loop over text
// built from config-ish fragments and random characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkModel } from '../../../server/src/analysis/analyze';
import { readText } from '../../../server/src/model/read';
import { parseSyntax } from '../../../server/src/parser/syntax-builder';
import { MEMORY_URI } from '../../helpers/analyze';
import { rng } from '../../helpers/rng.mjs';


const FRAGMENTS = [
  'vrrp_instance', 'VI_1', 'vrrp_script', 'chk', 'global_defs', 'router_id', 'virtual_server', '10.0.0.1 80', 'real_server',
  'HTTP_GET', 'url', 'path /', 'status_code 200', 'virtual_ipaddress', '10.0.0.1/24', 'dev', 'eth0', 'track_script',
  'authentication', 'auth_type PASS', 'auth_pass', 'secret12345', 'state', 'MASTER', 'BACKUP', 'nopreempt', 'priority', '100',
  'virtual_router_id', '51', 'interface', 'include', 'includer', 'conf.d/*.conf', '{a,b}', '{', '}', '{', '}', '\n', '\n', '\n',
  '\r\n', '\r', ' ', '\t', '#', '!', '"', '"quoted text"', '\\', '\\#', '\\!', '$X=', '$X', '${X}', '${X', '$', '=', '@lb1 ', '@^lb1 ', '@',
  '~SEQ(i,1,3)', '~SEQ(i,', '~LST(n,a,b)', '~LST(', '(', ')', ',', ';', '\u0000', '\uffff', '\ud800', 'é', '😀', '999999999999999999999',
  '-1', '0x1f', '1.5', 'fe80::1/64', 'static_ipaddress', 'static_routes', 'via', 'bfd_instance', 'SSL', 'garp_group', 'vrrp_sync_group',
];

function randomText(next: () => number): string {
  const n = Math.floor(next() * 80);
  let s = '';
  for (let j = 0; j < n; j++) {
    const r = next();
    if (r < 0.08) s += String.fromCharCode(Math.floor(next() * 0x10000));
    else if (r < 0.1) s += String.fromCharCode(Math.floor(next() * 32));
    else s += FRAGMENTS[Math.floor(next() * FRAGMENTS.length)] + (next() < 0.6 ? ' ' : '');
  }
  return s;
}

test('readText and checkModel survive 2000 random config-ish texts', () => {
  const next = rng(0x6b61);
  for (let i = 0; i < 2000; i++) {
    const text = randomText(next);
    let findings: unknown;
    try {
      findings = checkModel(readText(text, MEMORY_URI, { configId: i % 3 === 0 ? 'lb1' : undefined }));
    } catch (e) {
      assert.fail(`iteration ${i} threw on ${JSON.stringify(text)}: ${(e as Error).stack}`);
    }
    assert.ok(Array.isArray(findings), `iteration ${i}`);
    for (const f of findings as { message: string; range: { start: { line: number } } }[]) {
      assert.ok(!f.message.startsWith('Internal error'), `iteration ${i}: ${f.message} on ${JSON.stringify(text)}`);
      assert.ok(f.range.start.line >= 0);
    }
  }
});

test('the syntax tree of random text covers each word once, in order, inside the text', () => {
  const next = rng(42);
  for (let i = 0; i < 500; i++) {
    const text = randomText(next);
    const tree = parseSyntax(text, MEMORY_URI);
    let last = 0;
    for (const w of tree.words) {
      assert.ok(w.start >= last && w.end > w.start && w.end <= text.length, `iteration ${i}: ${JSON.stringify(w.text)}`);
      assert.equal(text.slice(w.start, w.end), w.text);
      last = w.end;
    }
  }
});

test('binary garbage parses', () => {
  const next = rng(7);
  for (let i = 0; i < 200; i++) {
    const bytes = Array.from({ length: Math.floor(next() * 400) }, () => Math.floor(next() * 256));
    const text = Buffer.from(bytes).toString('latin1');
    assert.ok(Array.isArray(checkModel(readText(text, MEMORY_URI))));
  }
});
