// What a node's model keeps of a file read block by block: what the file-wide rules
// (rules/rule.ts scope 'file', and checkFile parts) and the peer rules read, not the statements
// of every block. Each kept kind says which rule reads it.
import type { ConfigModel, VirtualServer } from '../model/types';
import type { Interpretation, SymbolUse } from '../parser/interpreter';
import type { Statement } from '../parser/statements';

/**
 * Top-level blocks kept whole: instances and sync groups (duplicate-vrid, auth-ignored,
 * missing-required's sync groups, every peer rule), global_defs (vrrp_strict, vrrp_version,
 * router_id, multicast groups), and the named definitions (duplicate-definition,
 * undefined-reference, the failover's trackers).
 */
const KEPT_TOP = new Set([
  'global_defs',
  'vrrp_instance',
  'vrrp_sync_group',
  'vrrp_script',
  'track_file',
  'vrrp_track_file',
  'vrrp_track_process',
  'bfd_instance',
  'track_group',
  'virtual_server_group',
]);

/** Where the nested statements kept (detached from their block) are: missing-required's FILE_CHECK needs every usable track_file. */
const FILE_CHECK_PATH = 'virtual_server/real_server';

/** Keywords whose statements peer-router-id-duplicate looks for anywhere (does the node send notifications?). */
function notifies(k: string): boolean {
  // Asked of every statement: a first letter tells most apart.
  const c = k.charCodeAt(0);
  if (c !== 101 && c !== 115) return false;
  return k.startsWith('enable_snmp') || k === 'enable_traps' || k === 'smtp_server' || k.startsWith('smtp_alert');
}

/** A top-level statement duplicate-keyword compares at the top level (a single-valued keyword). */
function singleValued(s: Statement): boolean {
  return !!s.spec && !s.spec.repeatable && !(s.spec.block === 'subkeywords' && s.args.length > 0);
}

function topOf(s: Statement): Statement {
  let t = s;
  while (t.parent) t = t.parent;
  return t;
}

/** A copy of a statement without its enclosing block; `deep`: with copies of its contents. */
function detached(s: Statement, deep: boolean, parent?: Statement): Statement {
  const copy: Statement = { ...s, parent };
  if (!deep) {
    copy.children = undefined;
    if (copy.values) copy.values = [];
    return copy;
  }
  if (s.children) copy.children = s.children.map((c) => detached(c, true, copy));
  if (s.values) copy.values = s.values.map((l) => ({ ...l, owner: copy }));
  return copy;
}

/** Accumulates what a file's blocks leave for the file-wide and peer rules. */
export class CompactModel {
  readonly statements: Statement[] = [];
  readonly all: Statement[] = [];
  readonly symbols: SymbolUse[] = [];
  readonly includes: Interpretation['includes'] = [];
  readonly limits: Interpretation['limits'] = [];
  readonly skipped: Statement[] = [];
  readonly definitions: Interpretation['definitions'] = [];
  readonly files: string[] = [];
  readonly trees: Interpretation['trees'] = [];
  readonly virtualServers: VirtualServer[] = [];
  expanded = false;
  private readonly keptTops = new Set<Statement>();
  /** Copies already made, deep and shallow (weak: the originals must go). */
  private readonly copies = [new WeakMap<Statement, Statement>(), new WeakMap<Statement, Statement>()];

  /** Takes what the file-wide rules need from the model of one chunk of blocks. */
  add(chunk: ConfigModel): void {
    const interp = chunk.interp;
    for (const s of chunk.statements) {
      if (KEPT_TOP.has(s.keyword.value) || singleValued(s)) {
        this.keptTops.add(s);
        this.statements.push(s);
      }
    }
    // `all` is in reading order: a top-level statement, then what its block holds.
    let inKept = false;
    for (const s of interp.all) {
      if (!s.parent) inKept = this.keptTops.has(s);
      if (inKept) this.all.push(s);
      else if (s.keyword.value === 'FILE_CHECK' && s.path === FILE_CHECK_PATH) this.all.push(this.copy(s, true));
      else if (s.spec && notifies(s.keyword.value)) this.all.push(this.copy(s, false));
    }
    for (const sym of interp.symbols) {
      const kept = this.keptTops.has(topOf(sym.stmt));
      // undefined-reference reads a definition's contents; of a reference, only the word.
      const stmt = kept ? sym.stmt : this.copy(sym.stmt, sym.role === 'definition');
      this.symbols.push(kept ? sym : { word: sym.word, role: sym.role, target: sym.target, stmt });
    }
    for (const x of interp.includes) this.includes.push(x);
    for (const x of interp.limits) this.limits.push(x);
    for (const x of interp.skipped) this.skipped.push(x);
    for (const x of interp.definitions) this.definitions.push(x);
    for (const x of interp.files) this.files.push(x);
    // The first tree of a chunk is the root's part read there.
    for (const t of interp.trees.slice(1)) this.trees.push(t);
    if (interp.expanded) this.expanded = true;
    // peer-router-id-duplicate, the only reader of a compact model's virtual servers, asks whether
    // one has real servers: the first that has is kept, not the thousands a large LVS file lists.
    if (!this.virtualServers.length) {
      const vs = chunk.virtualServers.find((v) => v.realServers.length > 0);
      if (vs) this.virtualServers.push({ stmt: this.copy(vs.stmt, false), key: vs.key, realServers: vs.realServers.map((r) => this.copy(r, false)) });
    }
  }

  private copy(s: Statement, deep: boolean): Statement {
    const made = this.copies[deep ? 1 : 0];
    let c = made.get(s);
    if (!c) made.set(s, (c = detached(s, deep)));
    return c;
  }

  /** The interpretation the file-wide rules read. */
  interpretation(rootTree: Interpretation['trees'][number], configIds: Set<string>): Interpretation {
    return {
      statements: this.statements,
      all: this.all,
      definitions: this.definitions,
      includes: this.includes,
      unexpectedOpens: [],
      missingOpens: [],
      extraCloses: [],
      displacedCloses: [],
      topLevelReads: [],
      skipped: this.skipped,
      unclosed: [],
      configIds,
      unexpanded: [],
      undefinedParameters: [],
      files: this.files,
      trees: [rootTree, ...this.trees],
      symbols: this.symbols,
      expanded: this.expanded || undefined,
      limits: this.limits,
    };
  }
}
