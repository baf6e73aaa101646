// The client parses no keepalived text: no keyword of the schema appears in client/src as a string
// literal (the server reads the files and the client draws what it answers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SCHEMA } from '../../../server/src/schema';

const root = join(import.meta.dirname, '../../..');
const KEYWORDS = new Set(SCHEMA.all.map((k) => k.keyword));
/**
 * Words of the client's own vocabulary that happen to be keywords too: a URI scheme and the kind of
 * an overview item. Any other keyword as a whole literal fails.
 */
const CLIENT_WORDS = new Set(['file', 'instance']);
/** Keywords written with an underscore are never English words: found inside any literal. */
const DISTINCT = [...KEYWORDS].filter((k) => k.includes('_'));
const distinct = new RegExp(`(?<![A-Za-z0-9_])(${DISTINCT.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![A-Za-z0-9_])`);

/** String literals and template-literal text of a TypeScript source, comments left out. */
export function literals(text: string): string[] {
  const out: string[] = [];
  const re = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g;
  for (const m of text.matchAll(re)) {
    const lit = m[1] ?? m[2] ?? m[3];
    if (lit !== undefined) out.push(lit);
  }
  return out;
}

export function keywordLiterals(text: string): string[] {
  return literals(text).filter((l) => (KEYWORDS.has(l) && !CLIENT_WORDS.has(l)) || distinct.test(l));
}

function clientFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) out.push(p);
    }
  };
  walk(join(root, 'client/src'));
  return out;
}

test('client/src holds no keepalived keyword as a string literal', () => {
  const found = clientFiles().flatMap((f) => keywordLiterals(readFileSync(f, 'utf8')).map((l) => `${relative(root, f)}: '${l}'`));
  assert.deepEqual(found, []);
});

test('the scan finds a keyword literal, alone or inside a message, and skips comments', () => {
  const src = [
    "const k = 'vrrp_instance';",
    'const m = `no peer shares a virtual_router_id with ${x}`;',
    '// a comment may name router_id',
    'const s = "state";',
    "const ok = 'a peer state';",
  ].join('\n');
  assert.deepEqual(keywordLiterals(src), ['vrrp_instance', 'no peer shares a virtual_router_id with ${x}', 'state']);
});
