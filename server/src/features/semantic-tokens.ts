// Semantic tokens: what the TextMate grammar cannot know. Keywords keepalived knows at that place
// vs unknown or deprecated ones, names of defined objects vs references to names defined nowhere,
// `$NAME` parameters (defined or not), enum values, line options and `@ID` conditions.
//
// Legend (the lead declares the two custom modifiers in package.json
// `contributes.semanticTokenModifiers` so that themes can style them):
//   types:     keyword, variable, macro, enumMember, property, decorator
//   modifiers: declaration, deprecated, unknown (custom), undefined (custom)
//   keyword                 a keyword valid where it is written (include too)
//   keyword + deprecated    a deprecated keyword
//   keyword + unknown       a keyword keepalived does not know at that place (it ignores the line)
//   variable + declaration  the name a block defines (vrrp_instance VI_1, vrrp_script chk...)
//   variable                a reference to a defined name (track_script entries, sync group members...)
//   variable + undefined    a reference to a name defined nowhere in the node
//   macro + declaration     `$NAME` of a `$NAME=` definition
//   macro                   a `$NAME` use; + undefined when no definition exists
//   enumMember              a fixed-word value (MASTER, PASS, rr, DR...)
//   property                a named option on a line (dev, label, weight, track_group...)
//   decorator               a `@ID` / `@^ID` condition
import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { ConfigModel } from '../model/types';
import type { Word } from '../parser/syntax';
import type { LineSpec } from '../schema/types';
import { definitionRange, lineIndex, paramRefs, recordedWalk, treeOf, written } from './util';

export const TOKEN_TYPES = ['keyword', 'variable', 'macro', 'enumMember', 'property', 'decorator'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'deprecated', 'unknown', 'undefined'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...TOKEN_TYPES],
  tokenModifiers: [...TOKEN_MODIFIERS],
};

/** A decoded token, for tests and tools. */
export interface SemanticToken {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

function tok(r: Range, type: TokenType, modifiers: TokenModifier[] = []): SemanticToken | undefined {
  if (r.start.line !== r.end.line || r.end.character <= r.start.character) return undefined;
  return { line: r.start.line, character: r.start.character, length: r.end.character - r.start.character, type, modifiers };
}

/** The tokens of `uri`, sorted, without overlaps. */
export function semanticTokenList(model: ConfigModel, uri: string): SemanticToken[] {
  const tree = treeOf(model, uri);
  if (!tree) return [];
  const out: (SemanticToken | undefined)[] = [];
  const here = (w: Word) => w.uri === uri && written(w);
  const ix = lineIndex(tree);
  const defined = new Set(model.interp.definitions.map((d) => d.name));

  // Words holding `$NAME` are shown as their parameters only.
  for (const w of tree.words) {
    if (w.kind === 'conditional') out.push(tok(w.range, 'decorator'));
    if (w.kind === 'definition') out.push(tok(definitionRange(w), 'macro', ['declaration']));
    for (const p of paramRefs(w, ix)) out.push(tok(p.range, 'macro', defined.has(p.name) ? [] : ['undefined']));
  }
  const plain = (w: Word) => here(w) && !w.text.includes('$');

  for (const inc of model.interp.includes) if (plain(inc.keyword)) out.push(tok(inc.keyword.range, 'keyword'));

  for (const s of model.interp.all) {
    // On a line re-read after `$NAME` substitution, the unchanged keyword as written.
    const kw = s.keyword.origin && s.keyword.origin.text === s.keyword.text ? s.keyword.origin : s.keyword;
    if (plain(kw)) {
      const mods: TokenModifier[] = !s.spec ? ['unknown'] : s.spec.deprecated ? ['deprecated'] : [];
      out.push(tok(kw.range, 'keyword', mods));
    }
    if (!s.spec) continue;
    const lines: { words: Word[]; form?: LineSpec }[] = [{ words: s.args, form: s.form }];
    for (const l of s.values ?? []) lines.push({ words: l.words, form: l.form });
    for (const l of lines) {
      if (!l.words.some(plain)) continue;
      const walk = recordedWalk(l.form, l.words);
      if (!walk) continue;
      l.words.forEach((w, i) => {
        const role = walk.roles[i];
        if (!plain(w) || !role) return;
        if (role.kind === 'option') out.push(tok(w.range, 'property'));
        else if (role.kind === 'arg' && role.arg.type.kind === 'enum') out.push(tok(w.range, 'enumMember'));
      });
    }
  }

  for (const sym of model.interp.symbols) {
    const w = sym.word;
    if (!plain(w)) continue;
    if (sym.role === 'definition') out.push(tok(w.range, 'variable', ['declaration']));
    else out.push(tok(w.range, 'variable', model.named.get(sym.target)?.has(w.value) ? [] : ['undefined']));
  }

  const list = out.filter((t): t is SemanticToken => t !== undefined).sort((a, b) => a.line - b.line || a.character - b.character);
  const result: SemanticToken[] = [];
  for (const t of list) {
    const last = result[result.length - 1];
    if (last && last.line === t.line && t.character < last.character + last.length) continue;
    result.push(t);
  }
  return result;
}

/** LSP relative encoding of a token list. */
export function encodeTokens(tokens: readonly SemanticToken[]): SemanticTokens {
  const data: number[] = [];
  let line = 0;
  let char = 0;
  for (const t of tokens) {
    const dl = t.line - line;
    const dc = dl === 0 ? t.character - char : t.character;
    let mods = 0;
    for (const m of t.modifiers) mods |= 1 << TOKEN_MODIFIERS.indexOf(m);
    data.push(dl, dc, t.length, TOKEN_TYPES.indexOf(t.type), mods);
    line = t.line;
    char = t.character;
  }
  return { data };
}

/** textDocument/semanticTokens/full. */
export function semanticTokens(model: ConfigModel, uri: string): SemanticTokens {
  return encodeTokens(semanticTokenList(model, uri));
}

/** textDocument/semanticTokens/range. */
export function semanticTokensRange(model: ConfigModel, uri: string, range: Range): SemanticTokens {
  return encodeTokens(semanticTokenList(model, uri).filter((t) => t.line >= range.start.line && t.line <= range.end.line));
}
