// Completion: keywords valid in the enclosing block, the values an argument takes (enums, booleans,
// names defined elsewhere in the node), option names, and `$NAME` parameters.
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { ConfigModel } from '../model/types';
import { overlap } from '../parser/conditions';
import { parseCondition } from '../parser/preprocess';
import type { Condition, Statement } from '../parser/statements';
import type { SyntaxTree, Word } from '../parser/syntax';
import { SCHEMA, type Schema } from '../schema';
import { explainMarkdown, signature } from '../schema/describe';
import { KEYWORD_USAGE } from '../schema/keyword-usage';
import type { ArgSpec, KeywordSpec, LineSpec, OptionSpec, RefTarget } from '../schema/types';
import { describeType } from '../schema/values';
import { cursorContext, type CursorContext } from './context';
import { compatibleForms, firstStartingAt, lineIndex, lineSpecs, shortLocation, walkLine } from './util';

const BOOLEAN_WORDS = ['on', 'off', 'true', 'false', 'yes', 'no'];
const INCLUDE_DOC =
  'Reads other files at this point, as if their lines were written here. The pattern may use shell wildcards (`*`, `?`, `[...]`, `{a,b}`); matching files are read in sorted order. A relative path is relative to the including file.';

/** Escapes text for a snippet placeholder. */
function esc(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

/** The example's words after the keyword, up to a `{`: nicer placeholders than ARG names. */
function exampleArgs(spec: KeywordSpec): string | undefined {
  const ex = spec.example;
  if (!ex || !ex.startsWith(spec.keyword + ' ')) return undefined;
  const rest = ex.slice(spec.keyword.length + 1);
  const brace = rest.indexOf('{');
  const text = (brace >= 0 ? rest.slice(0, brace) : rest).trim();
  return text || undefined;
}

/** The snippet a keyword inserts: its required arguments as placeholders, and braces for a block. */
export function keywordSnippet(spec: KeywordSpec): { text: string; snippet: boolean; retrigger: boolean } {
  const required = spec.args.filter((a) => !a.optional);
  const parts: string[] = [spec.keyword];
  let n = 1;
  let retrigger = false;
  const first = required[0];
  if (first && !spec.forms?.length && first.type.kind === 'enum' && required.length === 1) {
    parts.push(`\${${n++}|${first.type.values.map((v) => v.replace(/[\\|,$}]/g, (c) => '\\' + c)).join(',')}|}`);
  } else if (first && (first.type.kind === 'ref' || first.type.kind === 'boolean') && required.length === 1 && !spec.block) {
    parts.push('');
    retrigger = true;
  } else if (required.length) {
    const ex = exampleArgs(spec);
    const exWords = ex?.split(/\s+/) ?? [];
    if (spec.block && exWords.length >= required.length && exWords.length <= spec.args.length) for (const w of exWords) parts.push(`\${${n++}:${esc(w)}}`);
    else if (!spec.block && ex) parts.push(`\${${n++}:${esc(ex)}}`);
    else for (const a of required) parts.push(`\${${n++}:${esc(a.name)}}`);
  }
  let text = parts.join(' ');
  if (spec.block) text += ' {\n\t$0\n}';
  return { text, snippet: text !== spec.keyword && !retrigger, retrigger };
}

/** Most written first: `000` for the most used keyword of a block, `999` for one never seen in the samples. */
function usageRank(spec: KeywordSpec): string {
  const n = KEYWORD_USAGE[spec.path ? `${spec.path}/${spec.keyword}` : spec.keyword] ?? 0;
  return String(999 - Math.min(n, 999)).padStart(3, '0');
}

function keywordKind(spec: KeywordSpec): CompletionItemKind {
  if (spec.block === 'subkeywords') return CompletionItemKind.Module;
  if (spec.block === 'values') return CompletionItemKind.Struct;
  return CompletionItemKind.Keyword;
}

/** Whether a brace follows `offset` on its line. */
function braceAfter(tree: SyntaxTree, offset: number): boolean {
  const ix = lineIndex(tree);
  const end = ix.lineEnd(ix.positionAt(offset).line);
  for (let i = firstStartingAt(tree.words, offset); i < tree.words.length && tree.words[i].start < end; i++) if (tree.words[i].kind === 'brace') return true;
  return false;
}

/** Statements of the block the cursor is in (top-level ones at top level). */
function siblings(model: ConfigModel, ctx: CursorContext): readonly Statement[] {
  if (ctx.block) return ctx.block.children ?? [];
  return model.interp.statements;
}

function keywordItems(model: ConfigModel, ctx: CursorContext, schema: Schema): CompletionItem[] {
  const cond: Condition | undefined = ctx.condition ? parseCondition(ctx.condition) : undefined;
  const present = siblings(model, ctx).filter((s) => s !== ctx.statement);
  // Keep an existing line's arguments: only the keyword is replaced.
  const bare = ctx.lineWords.length > ctx.index + 1 || (ctx.tree !== undefined && braceAfter(ctx.tree, ctx.offset));
  const items: CompletionItem[] = [];
  for (const spec of schema.keywordsAt(ctx.path)) {
    if (!spec.repeatable && present.some((s) => s.keyword.value === spec.keyword && overlap(s, { condition: cond }))) continue;
    const item: CompletionItem = {
      label: spec.keyword,
      kind: keywordKind(spec),
      detail: signature(spec),
      documentation: { kind: MarkupKind.Markdown, value: explainMarkdown(spec) },
      sortText: (spec.deprecated ? '9' : '1') + usageRank(spec) + spec.keyword,
    };
    if (spec.deprecated) item.tags = [CompletionItemTag.Deprecated];
    const snip = bare ? { text: spec.keyword, snippet: false, retrigger: false } : keywordSnippet(spec);
    item.textEdit = { range: ctx.prefixRange, newText: snip.text };
    if (snip.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
    if (snip.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
    items.push(item);
  }
  if (!ctx.inValueBlock) {
    items.push({
      label: 'include',
      kind: CompletionItemKind.Keyword,
      detail: 'include PATTERN',
      documentation: { kind: MarkupKind.Markdown, value: '```keepalived\ninclude PATTERN\n```\n\n' + INCLUDE_DOC },
      sortText: '2include',
      textEdit: { range: ctx.prefixRange, newText: bare ? 'include' : 'include ${1:/etc/keepalived/conf.d/*.conf}' },
      insertTextFormat: bare ? undefined : InsertTextFormat.Snippet,
    });
  }
  return items;
}

/** Defined names of a kind, with where each is defined. */
function refItems(model: ConfigModel, target: RefTarget, ctx: CursorContext, exclude: ReadonlySet<string>): CompletionItem[] {
  const out: CompletionItem[] = [];
  for (const [name, words] of model.named.get(target) ?? []) {
    if (exclude.has(name) || name.includes('$')) continue;
    out.push({
      label: name,
      kind: CompletionItemKind.Reference,
      detail: `${target} (${shortLocation(words[0])})`,
      sortText: '0' + name,
      textEdit: { range: ctx.prefixRange, newText: name },
    });
  }
  return out;
}

function valueItems(model: ConfigModel, arg: ArgSpec, owner: string, ctx: CursorContext, exclude: ReadonlySet<string>): CompletionItem[] {
  const t = arg.type;
  const detail = `${arg.name} of ${owner}: ${describeType(t)}`;
  const plain = (values: readonly string[], kind: CompletionItemKind): CompletionItem[] =>
    values.map((v, i) => ({ label: v, kind, detail, sortText: '0' + String(i).padStart(3, '0'), textEdit: { range: ctx.prefixRange, newText: v } }));
  switch (t.kind) {
    case 'enum':
      return plain(t.values, CompletionItemKind.EnumMember);
    case 'boolean':
      return plain(BOOLEAN_WORDS, CompletionItemKind.Value);
    case 'ref':
      return refItems(model, t.target, ctx, exclude);
    default:
      return [];
  }
}

function optionItems(options: readonly OptionSpec[], owner: string, ctx: CursorContext, used: ReadonlySet<string>): CompletionItem[] {
  return options
    .filter((o) => !used.has(o.name))
    .map((o) => ({
      label: o.name,
      kind: CompletionItemKind.Property,
      detail: [o.name, ...o.args.map((a) => (a.optional ? `[${a.name}]` : a.name))].join(' ') + ` (option of ${owner})`,
      documentation: o.doc ? { kind: MarkupKind.Markdown, value: o.doc } : undefined,
      sortText: '5' + o.name,
      textEdit: { range: ctx.prefixRange, newText: o.name },
    }));
}

/** Items for the word after `before` on a line read with the given grammars. */
function lineItems(model: ConfigModel, forms: readonly LineSpec[], before: readonly Word[], owner: string, ctx: CursorContext, exclude: ReadonlySet<string>): CompletionItem[] {
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const used = new Set(before.map((w) => w.value));
  const add = (list: CompletionItem[]) => {
    for (const it of list) {
      if (seen.has(it.label)) continue;
      seen.add(it.label);
      items.push(it);
    }
  };
  for (const form of compatibleForms(forms, before)) {
    const walk = walkLine(form, before.map((w) => w.value));
    for (const a of walk.nextArgs) add(valueItems(model, a, owner, ctx, exclude));
    add(optionItems(walk.nextOptions, owner, ctx, used));
  }
  return items;
}

function paramItems(model: ConfigModel, ctx: CursorContext): CompletionItem[] {
  const dollar = ctx.prefix.lastIndexOf('$');
  const braced = ctx.prefix.startsWith('${', dollar);
  const byName = new Map<string, string>();
  for (const d of model.interp.definitions) byName.set(d.name, d.value);
  // Replace the `$NAME` being typed, not the whole word (it may be `10.0.0.$N`).
  let end = ctx.prefixRange.end;
  if (braced && ctx.word) {
    // `${NA|ME}`: replace through the closing brace.
    const rest = ctx.tree?.text.slice(ctx.offset, ctx.word.end) ?? '';
    const close = rest.indexOf('}');
    if (close >= 0) end = { line: end.line, character: end.character + close + 1 };
  }
  const range: Range = {
    start: { line: ctx.prefixRange.end.line, character: ctx.prefixRange.end.character - (ctx.prefix.length - dollar) },
    end,
  };
  return [...byName].map(([name, value]) => ({
    label: `$${name}`,
    kind: CompletionItemKind.Variable,
    detail: value.includes('\n') ? `${value.split('\n')[0]} …` : value,
    documentation: { kind: MarkupKind.Markdown, value: '```keepalived\n' + value + '\n```' },
    filterText: braced ? `\${${name}}` : `$${name}`,
    textEdit: { range, newText: braced ? `\${${name}}` : `$${name}` },
  }));
}

/**
 * Completion items at a position of `uri` (the root file of the model or one of its includes).
 * Returns plain LSP items; each carries a textEdit over the text typed so far.
 */
export function completions(model: ConfigModel, uri: string, position: Position, schema: Schema = SCHEMA, trigger?: string): CompletionItem[] {
  const items = completionsAt(model, uri, position, schema);
  // A space opens the list only where the word is one of a list (MASTER/BACKUP, on/off, a
  // defined name): after `state `, not after every word or in the indentation.
  if (trigger === ' ') return items.filter((i) => i.kind === CompletionItemKind.EnumMember || i.kind === CompletionItemKind.Value || i.kind === CompletionItemKind.Reference);
  return items;
}

function completionsAt(model: ConfigModel, uri: string, position: Position, schema: Schema): CompletionItem[] {
  const ctx = cursorContext(model, uri, position);
  if (ctx.place === 'comment' || ctx.place === 'condition' || ctx.place === 'definition') return [];
  if (ctx.prefix.lastIndexOf('$') >= 0) return paramItems(model, ctx);
  if (ctx.place === 'keyword') return keywordItems(model, ctx, schema);
  if (ctx.place === 'value') {
    const spec = ctx.block?.spec;
    if (!spec) return [];
    const before = ctx.lineWords.slice(0, ctx.index);
    // Names already listed in this block (track_script, group...) are not offered again.
    const listed = new Set<string>();
    for (const line of ctx.block?.values ?? []) for (const w of line.words) if (w !== ctx.word) listed.add(w.value);
    for (const w of before) listed.add(w.value);
    return lineItems(model, lineSpecs(spec, true), before, spec.keyword, ctx, listed);
  }
  const head = ctx.lineWords[0];
  if (!head) return [];
  const spec = ctx.statement?.spec ?? schema.lookup(ctx.path, head.value);
  if (!spec) return [];
  return lineItems(model, lineSpecs(spec, false), ctx.lineWords.slice(1, ctx.index), spec.keyword, ctx, new Set());
}
