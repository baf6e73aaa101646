// Incremental analysis of an edited document: the model re-read from the previous one (reparse.ts
// for the text, reinterpret.ts for its meaning) gives the findings, symbols, semantic tokens,
// folding ranges and completions a fresh analysis of the same text gives, after every edit of
// random edit sequences on the corpus (and keepalived's samples with KEEPALIVED_SAMPLES).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSyntax } from '../../../server/src/parser/syntax-builder';
import { reparse } from '../../../server/src/parser/reparse';
import { readModel } from '../../../server/src/model/read';
import type { ConfigModel } from '../../../server/src/model/types';
import type { IncludeResolver } from '../../../server/src/parser/interpretation';
import type { SyntaxTree } from '../../../server/src/parser/syntax';
import { checkModel } from '../../../server/src/analysis/analyze';
import { completions, documentSymbols, foldingRanges, semanticTokens } from '../../../server/src/features';
import { allCorpora } from '../../helpers/corpus';
import { rng } from '../../helpers/rng.mjs';

const URI = 'file:///t/keepalived.conf';

/** What a user sees of a model: its diagnostics and the editor features that read the whole file. */
function view(model: ConfigModel, at: { line: number; character: number }): string {
  return JSON.stringify({
    findings: checkModel(model),
    symbols: documentSymbols(model, URI),
    tokens: semanticTokens(model, URI),
    folding: foldingRanges(model.tree),
    completion: completions(model, URI, at).map((c) => c.label),
  });
}

/** Mostly typing (a character in or out), sometimes a line or a brace. */
const TYPED = ['a', 'e', '1', '0', ' ', '_', '.', '/'];
const STRUCTURAL = ['\n', '{', '}', '"', '# ', '$X=1\n', '@lb1 ', 'include none.conf\n', 'vrrp_instance VI_9 {\n', 'priority 10\n'];

function edit(text: string, r: () => number): { text: string; at: number } {
  const at = Math.floor(r() * (text.length + 1));
  const roll = r();
  if (roll < 0.4) return { text: text.slice(0, at) + TYPED[Math.floor(r() * TYPED.length)] + text.slice(at), at: at + 1 };
  if (roll < 0.7) return { text: text.slice(0, at) + text.slice(at + 1), at };
  const piece = STRUCTURAL[Math.floor(r() * STRUCTURAL.length)];
  const del = r() < 0.3 ? Math.floor(r() * 8) : 0;
  return { text: text.slice(0, at) + piece + text.slice(at + del), at: at + piece.length };
}

let reused = 0;

/** The corpus's included files, under file:///t/ as the corpus folder is. */
function corpusIncludes(companions: Record<string, string>): IncludeResolver {
  const trees = new Map<string, SyntaxTree>();
  return {
    resolve(pattern) {
      const re = new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
      return Object.keys(companions)
        .filter((f) => re.test(f))
        .sort()
        .map((f) => {
          const uri = `file:///t/${f}`;
          const tree = trees.get(uri) ?? parseSyntax(companions[f], uri);
          trees.set(uri, tree);
          return { uri, tree };
        });
    },
  };
}

const CASES = allCorpora().flatMap((f) => {
  const includes = corpusIncludes(f.companions);
  const first = Object.keys(f.companions)[0];
  // Each file again with an include read at its top: the units after it are re-read around it.
  return [
    { name: f.name, text: f.text, includes },
    ...(first ? [{ name: `${f.name} with an include`, text: `include ${first}\n${f.text}`, includes }] : []),
  ];
});

for (const file of CASES) {
  test(`random edits of ${file.name}: the incremental analysis equals a fresh one`, () => {
    const r = rng(0xa11ce ^ file.text.length);
    const opts = { includes: file.includes };
    for (let seq = 0; seq < 4; seq++) {
      let text = file.text;
      let tree = parseSyntax(text, URI);
      let model = readModel(tree, opts);
      for (let i = 0; i < 20; i++) {
        const e = edit(text, r);
        text = e.text;
        const first = model.interp.all[0];
        tree = reparse(tree, text);
        model = readModel(tree, { ...opts, previous: model });
        if (first && model.interp.all[0] === first) reused++;
        const fresh = readModel(parseSyntax(text, URI), opts);
        const pos = fresh.tree.lines!.index.positionAt(e.at);
        assert.equal(view(model, pos), view(fresh, pos), `sequence ${seq}, edit ${i}`);
      }
    }
  });
}

test('the random edits took the incremental path (statements outside the edit were kept)', () => {
  assert.ok(reused > 50, `kept statements in ${reused} edits`);
});

test('typing in one block re-reads that block only: the other blocks keep their statements', () => {
  const text = 'vrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n  virtual_router_id 51\n  priority 100\n}\nvrrp_instance VI_2 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 52\n  priority 9\n}\n';
  const model = readModel(parseSyntax(text, URI));
  const at = text.indexOf('priority 9') + 'priority 9'.length;
  const next = readModel(reparse(model.tree, `${text.slice(0, at)}0${text.slice(at)}`), { previous: model });
  assert.equal(next.instances[0].stmt, model.instances[0].stmt);
  assert.notEqual(next.instances[1].stmt, model.instances[1].stmt);
  assert.equal(next.instances[1].priority?.value, 90);
  assert.deepEqual(next.instances[1].priority?.word.range, { start: { line: 10, character: 11 }, end: { line: 10, character: 13 } });
});

test('an edit that adds a $NAME definition reads the whole file again', () => {
  const text = 'vrrp_instance VI_1 {\n  priority 100\n}\nvrrp_instance VI_2 {\n  priority $P\n}\n';
  const model = readModel(parseSyntax(text, URI));
  const next = readModel(reparse(model.tree, `$P=50\n${text}`), { previous: model });
  assert.notEqual(next.interp.all[0], model.interp.all[0]);
  assert.equal(next.instances[1].priority?.value, 50);
});

test('a file whose includes were read is re-read incrementally while the included files stay the same, and in full when one changes', () => {
  const files = new Map([
    ['file:///etc/keepalived/conf.d/a.conf', 'vrrp_script chk_a {\n  script "/bin/true"\n}\n'],
    ['file:///etc/keepalived/conf.d/b.conf', 'vrrp_instance VI_B {\n  state BACKUP\n  interface eth0\n  virtual_router_id 60\n  priority 50\n}\n'],
  ]);
  const cache = new Map<string, SyntaxTree>();
  const includes: IncludeResolver = {
    resolve(pattern) {
      const re = new RegExp(`^file:///etc/keepalived/${pattern.replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
      return [...files.keys()].filter((u) => re.test(u)).sort().map((uri) => {
        const text = files.get(uri)!;
        const hit = cache.get(uri);
        const tree = hit && hit.text === text ? hit : parseSyntax(text, uri);
        cache.set(uri, tree);
        return { uri, tree };
      });
    },
  };
  const root = 'file:///etc/keepalived/keepalived.conf';
  const text = 'global_defs {\n  router_id lb1\n}\ninclude conf.d/*.conf\nvrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  track_script {\n    chk_a\n  }\n}\n';
  const fresh = (t: string) => readModel(parseSyntax(t, root), { includes });
  const model = fresh(text);
  const at = text.indexOf('priority 100') + 'priority 100'.length;
  const edited = `${text.slice(0, at)}1${text.slice(at)}`;
  const next = readModel(reparse(model.tree, edited), { includes, previous: model });
  assert.equal(next.interp.all[0], model.interp.all[0], 'the global_defs statement is kept');
  assert.deepEqual(next.instances.map((i) => [i.name, i.priority?.value]), [['VI_B', 50], ['VI_1', 1001]]);
  assert.equal(JSON.stringify(checkModel(next)), JSON.stringify(checkModel(fresh(edited))));
  // An included file changed: the old reading of it cannot be kept.
  files.set('file:///etc/keepalived/conf.d/b.conf', files.get('file:///etc/keepalived/conf.d/b.conf')!.replace('priority 50', 'priority 60'));
  const again = `${edited} `;
  const third = readModel(reparse(next.tree, again), { includes, previous: next });
  assert.notEqual(third.interp.all[0], next.interp.all[0]);
  assert.deepEqual(third.instances.map((i) => [i.name, i.priority?.value]), [['VI_B', 60], ['VI_1', 1001]]);
});
