// Document symbols (the outline: every block, nested as keepalived reads it) and workspace symbols
// (named objects and virtual/real servers across the given models).
import { SymbolKind, type DocumentSymbol, type Position, type Range, type SymbolInformation } from 'vscode-languageserver-types';
import type { ConfigModel } from '../model/types';
import { child, headRange, type Statement } from '../parser/statements';
import { instanceOf, instanceSummary } from './facts';
import { comparePos, containsRange, written } from './util';

const KINDS: Record<string, SymbolKind> = {
  global_defs: SymbolKind.Module,
  vrrp_instance: SymbolKind.Class,
  vrrp_sync_group: SymbolKind.Namespace,
  vrrp_script: SymbolKind.Function,
  vrrp_track_process: SymbolKind.Function,
  vrrp_track_file: SymbolKind.File,
  track_file: SymbolKind.File,
  track_group: SymbolKind.Namespace,
  garp_group: SymbolKind.Namespace,
  bfd_instance: SymbolKind.Event,
  virtual_server: SymbolKind.Interface,
  virtual_server_group: SymbolKind.Namespace,
  real_server: SymbolKind.Object,
  sorry_server: SymbolKind.Object,
  authentication: SymbolKind.Key,
  HTTP_GET: SymbolKind.Method,
  SSL_GET: SymbolKind.Method,
  TCP_CHECK: SymbolKind.Method,
  SMTP_CHECK: SymbolKind.Method,
  MISC_CHECK: SymbolKind.Method,
  DNS_CHECK: SymbolKind.Method,
  UDP_CHECK: SymbolKind.Method,
  PING_CHECK: SymbolKind.Method,
  FILE_CHECK: SymbolKind.Method,
  BFD_CHECK: SymbolKind.Method,
};

function kindOf(s: Statement): SymbolKind {
  const k = KINDS[s.keyword.value];
  if (k !== undefined) return k;
  return s.spec?.block === 'values' ? SymbolKind.Array : SymbolKind.Struct;
}

/** `vrrp_instance VI_1`, `virtual_server 10.0.0.1 80`, `virtual_ipaddress`. */
export function symbolName(s: Statement): string {
  return [s.keyword.value, ...s.args.map((a) => a.value)].join(' ');
}

function argsOf(s: Statement | undefined): string | undefined {
  return s && s.args.length ? s.args.map((a) => a.value).join(' ') : undefined;
}

function clip(t: string, n = 60): string {
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}

/** The detail shown next to a symbol: `MASTER 150 · VRID 55`, a script, an algorithm... */
export function symbolDetail(model: ConfigModel, s: Statement): string | undefined {
  switch (s.keyword.value) {
    case 'vrrp_instance': {
      const inst = instanceOf(model, s);
      if (!inst) return undefined;
      return instanceSummary(model, inst);
    }
    case 'vrrp_sync_group': {
      const g = model.syncGroups.find((x) => x.stmt === s);
      return g && g.members.length ? g.members.map((m) => m.name).join(', ') : undefined;
    }
    case 'vrrp_script': {
      const sc = argsOf(child(s, 'script'));
      return sc ? clip(sc) : undefined;
    }
    case 'virtual_server': {
      const algo = argsOf(child(s, 'lb_algo') ?? child(s, 'lvs_sched'));
      const kind = argsOf(child(s, 'lb_kind') ?? child(s, 'lvs_method'));
      const n = (s.children ?? []).filter((c) => c.keyword.value === 'real_server').length;
      return [algo, kind, `${n} real server${n === 1 ? '' : 's'}`].filter(Boolean).join(' · ');
    }
    case 'real_server': {
      const w = argsOf(child(s, 'weight'));
      return w ? `weight ${w}` : undefined;
    }
    case 'virtual_ipaddress':
    case 'virtual_ipaddress_excluded':
    case 'unicast_peer':
    case 'track_script':
    case 'track_interface':
    case 'track_process':
    case 'track_file':
    case 'group': {
      const n = (s.values ?? []).filter((l) => l.words.length).length;
      return `${n} entr${n === 1 ? 'y' : 'ies'}`;
    }
    default:
      return undefined;
  }
}

function maxPos(a: Position, b: Position): Position {
  return comparePos(a, b) >= 0 ? a : b;
}

function symbolRange(s: Statement, uri: string, children: DocumentSymbol[]): Range {
  const start = s.condition?.word.uri === uri && written(s.condition.word) ? s.condition.word.range.start : s.keyword.range.start;
  let end = headRange(s).end;
  if (s.close && s.close.uri === uri && written(s.close)) end = maxPos(end, s.close.range.end);
  else {
    if (s.open?.uri === uri) end = maxPos(end, s.open.range.end);
    for (const c of children) end = maxPos(end, c.range.end);
    for (const l of s.values ?? []) for (const w of l.words) if (w.uri === uri) end = maxPos(end, w.range.end);
  }
  return { start, end };
}

function collect(model: ConfigModel, list: readonly Statement[] | undefined, uri: string): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const s of list ?? []) {
    if (!s.spec?.block) continue;
    const children = collect(model, s.children, uri);
    if (s.keyword.uri !== uri) {
      // A block opened in another file whose lines are in this one (an include inside a block).
      out.push(...children);
      continue;
    }
    const range = symbolRange(s, uri, children);
    const head = headRange(s);
    const selectionRange = containsRange(range, head) ? head : s.keyword.range;
    const sym: DocumentSymbol = { name: symbolName(s), kind: kindOf(s), range, selectionRange };
    const detail = symbolDetail(model, s);
    if (detail) sym.detail = detail;
    if (children.length) sym.children = children.filter((c) => containsRange(range, c.range));
    out.push(sym);
  }
  return out;
}

/** The outline of `uri`: one symbol per block (keywords with `{ }`), nested. */
export function documentSymbols(model: ConfigModel, uri: string): DocumentSymbol[] {
  return collect(model, model.interp.statements, uri);
}

/** Whether the characters of `query` appear in `name` in order (case-insensitive). */
export function fuzzyMatch(query: string, name: string): boolean {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (const c of n) if (i < q.length && c === q[i]) i++;
  return i === q.length;
}

const WORKSPACE_BLOCKS = new Set(['virtual_server', 'real_server', 'global_defs']);

/**
 * Named objects (vrrp_instance, vrrp_script, sync groups, virtual_server_group...), virtual and
 * real servers of the given models whose name matches `query`. A file read by several models is
 * listed once.
 */
export function workspaceSymbols(models: readonly ConfigModel[], query: string): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const seen = new Set<string>();
  for (const model of models) {
    for (const s of model.interp.all) {
      const named = s.spec?.args[0]?.type.kind === 'name' && s.args.length > 0;
      if (!named && !WORKSPACE_BLOCKS.has(s.keyword.value)) continue;
      if (!written(s.keyword)) continue;
      const name = symbolName(s);
      if (!fuzzyMatch(query, name)) continue;
      const key = `${s.keyword.uri}#${s.keyword.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const info: SymbolInformation = { name, kind: kindOf(s), location: { uri: s.keyword.uri, range: headRange(s) } };
      if (s.parent) info.containerName = symbolName(s.parent);
      out.push(info);
    }
  }
  return out;
}
