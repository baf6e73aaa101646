// The cluster index of the language server: every keepalived file of the workspace folders (not
// only open ones), read as nodes, grouped into clusters, with single-file and peer findings.
//
// It is built to stay interactive on large workspaces:
// - Work is done in small units the server runs in time slices (work()), most wanted first: the
//   nodes of changed (open) files, then the workspace scan and the other nodes, nearest first.
// - A node is read again only when one of its files changes; until then the last read stands
//   (a changed node keeps its previous entry, stale, until it is read again).
// - Reading a node (its model) and checking it (its rules) are separate: a request gets the model
//   of its file's node without waiting for any rule or for another node (modelFor).
// - Clusters are regrouped over all nodes (cheap), but a cluster whose nodes are the same objects
//   as before keeps its names, instance groups and peer findings: peer rules run only for the
//   clusters a change touched.
// - Findings are kept per source (a node's single-file findings, a cluster's peer findings), and
//   the files whose findings may have changed are collected (takeChanged), so that publishing is
//   proportional to the change, not to the workspace.
// The synchronous queries (clusters(), findingsByUri()...) first finish whatever is left, so that
// they answer as a fresh index would.
import { readdirSync } from 'node:fs';
import { posix as path } from 'node:path';
import { readModel } from '../model/read';
import { checkModel, type CheckOptions } from './analyze';
import { dedupe } from './check-files';
import type { Finding } from '../rules/finding';
import { checkCluster } from './peer-check';
import type { ConfigModel } from '../model/types';
import type { SyntaxTree } from '../parser/syntax';
import { makeCluster, partitionNodes, type Cluster } from '../workspace/cluster';
import { DEFAULT_FILE_PATTERNS, globToRegex, isBackupFile, isTemplate, looksLikeKeepalived, matchesAny } from '../workspace/file-patterns';
import { diskSource, FsIncludeResolver, pathToUri, textOf, TreeCache, uriToPath, type FileSource } from '../workspace/include-resolver';
import { ANALYSIS_TIME_BUDGET_MS } from '../limits';
import { refusedFileFinding } from './limits-findings';
import { readNodes, type Node } from '../workspace/nodes';
import { explicitGroups, groupingCache } from '../workspace/explicit-groups';
import { peerDirectives } from '../workspace/peer-directive';

/** What findings come from: one node's single-file rules, or one cluster's peer rules. */
interface Source {
  /** The files this source's findings may be in: its files, and where its findings are. */
  uris: Set<string>;
  /** Findings by file; undefined until computed (rules run when findings are asked for). */
  findings?: Map<string, Finding[]>;
}

interface NodeEntry extends Source {
  kind: 'node';
  root: string;
  tree: SyntaxTree;
  /** The model read with every conditional line, for single-file rules and features. */
  model: ConfigModel;
  nodes: Node[];
  /** The node's files: the root and what it includes. */
  files: Set<string>;
  /** Files a change of which makes this node read again: its files and the matches it refused. */
  deps: Set<string>;
  /** Whether the root or an included file has an include (a new file may match it). */
  includes: boolean;
  /** The peer files its `# keepalived-peer:` comments name. */
  peers: string[];
  /** Milliseconds spent reading it: the rules get what is left of the time budget. */
  readMs: number;
}

interface ClusterRecord extends Source {
  kind: 'cluster';
  cluster: Cluster;
  /** The nodes as partitionNodes gave them (before naming): what the next regroup compares. */
  members: Node[];
  /** Position in the cluster list: findings of one file are listed in cluster order. */
  order: number;
}

export interface IndexSettings {
  levels?: CheckOptions['levels'];
  /** Groups of glob patterns (workspace-relative or absolute), one group per cluster. */
  clusters?: string[][];
  files?: string[];
  /** keepalived.targetVersion: the keepalived release the nodes run. */
  targetVersion?: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.venv', '__pycache__']);
const MAX_FILES = 5000;
const MAX_DEPTH = 12;
/** The most recently changed files the scan visits first (their folders hold their likely peers). */
const SCAN_FOCUS = 8;
const NO_GROUPS: string[][] = [];

export class WorkspaceIndex {
  readonly cache = new TreeCache();
  /** Files that are nodes unless another node includes them: scanned, opened, or created. */
  private readonly known = new Set<string>();
  /** The nodes read (fresh, or stale while they wait in `pending`), by root file. */
  private readonly entries = new Map<string, NodeEntry>();
  /** Root files to read (again), in the order found; `urgent` ones first. */
  private readonly pending = new Set<string>();
  private readonly urgent = new Set<string>();
  /** Entries whose single-file rules have not run since they were read. */
  private readonly unchecked = new Set<string>();
  /** Included file → the roots (entries) that include it. */
  private readonly includers = new Map<string, Set<string>>();
  /** File → the sources whose findings may be in it. */
  private readonly sourcesOf = new Map<string, Set<NodeEntry | ClusterRecord>>();
  /** Files whose findings may have changed since takeChanged() last ran. */
  private readonly changed = new Set<string>();
  /** The findings of a file as currentFindings() last made them (the same array until they may change). */
  private readonly lists = new Map<string, Finding[]>();
  private readonly resolver: FsIncludeResolver;
  private settings: IndexSettings = {};
  private records: ClusterRecord[] = [];
  private clusterList: Cluster[] = [];
  private regroupNeeded = true;
  private sorted: NodeEntry[] | undefined;
  /** What explicitGroups keeps between regroupings (node paths, the setting groups they match). */
  private readonly grouping = groupingCache();
  /** The scan's folders still to list (a stack: the last pushed is listed next). */
  private scanStack: { dir: string; depth: number }[] = [];
  /** Recently changed files, most recent last: the scan lists their folders first. */
  private focus: string[] = [];

  /** Whether files outside the workspace folders may be read (the workspace is trusted). */
  private trusted = true;

  constructor(
    private readonly roots: string[],
    private readonly source: FileSource = diskSource,
    /** The analysis time budget per node (ms); undefined = none (the CLI reads everything). */
    private readonly budgetMs: number | undefined = ANALYSIS_TIME_BUDGET_MS,
  ) {
    this.resolver = new FsIncludeResolver(source, undefined, this.cache, roots, () => this.trusted);
  }

  /** A file under one of the workspace folders. */
  inWorkspace(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const p = uriToPath(uri);
    return this.roots.some((r) => p.startsWith(r + '/'));
  }

  /** In an untrusted workspace, includes outside the workspace folders are not read. */
  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    for (const root of this.entries.keys()) this.pending.add(root);
  }

  configure(settings: IndexSettings): void {
    const before = this.settings;
    this.settings = settings;
    const same = <K extends keyof IndexSettings>(k: K) => JSON.stringify(before[k]) === JSON.stringify(settings[k]);
    // Nodes and their models do not depend on settings: only what the settings change is redone.
    if (!same('levels') || !same('targetVersion')) {
      for (const e of this.entries.values()) this.forgetFindings(e);
      for (const r of this.records) this.forgetFindings(r);
    }
    if (!same('clusters')) this.regroupNeeded = true;
  }

  private patterns(): RegExp[] {
    return (this.settings.files?.length ? this.settings.files : DEFAULT_FILE_PATTERNS).map(globToRegex);
  }

  /** Walks the workspace folders for keepalived files, at once. */
  scan(): void {
    this.startScan();
    while (this.scanStep());
  }

  /** Starts a walk of the workspace folders that work() carries on. */
  startScan(): void {
    this.scanStack = this.roots.map((dir) => ({ dir, depth: 0 }));
    this.scanPatterns = this.patterns();
  }

  private scanPatterns: RegExp[] = [];

  /** Lists one folder of the scan; false when the scan is over. */
  private scanStep(): boolean {
    const next = this.scanStack.pop();
    if (!next) return false;
    const { dir, depth } = next;
    if (depth > MAX_DEPTH || this.known.size >= MAX_FILES) return true;
    let list;
    try {
      list = readdirSync(dir, { withFileTypes: true });
    } catch {
      return true;
    }
    const root = this.roots.find((r) => dir === r || dir.startsWith(r + '/')) ?? dir;
    const subdirs: string[] = [];
    for (const e of list) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) subdirs.push(full);
      } else if (e.isFile() && !isBackupFile(e.name)) {
        const uri = pathToUri(full);
        if (this.known.has(uri)) continue;
        const rel = path.relative(root, full);
        if (matchesAny(rel, this.scanPatterns) || (e.name.endsWith('.conf') && looksLikeKeepalived(textOf(this.source.read(uri))?.slice(0, 200) ?? ''))) {
          if (this.known.size >= MAX_FILES) break;
          this.known.add(uri);
          this.queue(uri, false);
        }
      }
    }
    // Depth first, the folders of recently changed files first: a node's peers usually sit next to
    // it, so they are found (and read) before the rest of the workspace.
    const hot = (d: string) => this.focus.some((p) => p.startsWith(d + '/'));
    for (const d of subdirs) if (!hot(d)) this.scanStack.push({ dir: d, depth: depth + 1 });
    for (const d of subdirs) if (hot(d)) this.scanStack.push({ dir: d, depth: depth + 1 });
    return true;
  }

  /** Whether a file on disk is a keepalived config by the file patterns or its first line. */
  isKeepalivedFile(uri: string): boolean {
    const p = uriToPath(uri);
    if (isBackupFile(p)) return false;
    const patterns = this.patterns();
    for (const root of this.roots) if (p.startsWith(root + '/') && matchesAny(path.relative(root, p), patterns)) return true;
    return p.endsWith('.conf') && looksLikeKeepalived(textOf(this.source.read(uri))?.slice(0, 200) ?? '');
  }

  /** A file changed on disk (saved, or changed by another program), or was `created`. */
  fileChanged(uri: string, created = false): void {
    if (created) {
      // A new file may be what an include pattern of a node matches now (even a file open in an
      // editor: include patterns match what is on disk).
      for (const e of this.entries.values()) if (e.includes) this.queue(e.root, true);
    }
    if (this.known.has(uri) || this.isDependency(uri) || this.isKeepalivedFile(uri)) this.touch(uri);
  }

  private isDependency(uri: string): boolean {
    for (const e of this.entries.values()) if (e.deps.has(uri)) return true;
    return false;
  }

  /** A file was opened, edited, saved or created. */
  touch(uri: string): void {
    this.known.add(uri);
    const p = uriToPath(uri);
    this.focus = [...this.focus.filter((x) => x !== p).slice(1 - SCAN_FOCUS), p];
    this.invalidate(uri);
  }

  /**
   * A file was closed in the editor: the disk copy counts again, and a file that is no keepalived
   * file by the patterns or its first line is a node no more (as when the server starts afresh).
   */
  close(uri: string): void {
    if (!this.isKeepalivedFile(uri)) this.known.delete(uri);
    this.invalidate(uri);
  }

  /** A file was deleted (or renamed away). */
  remove(uri: string): void {
    this.known.delete(uri);
    this.cache.delete(uri);
    this.invalidate(uri);
  }

  /** The nodes that read `uri` are read again; `uri` itself is read as a node if it may be one. */
  private invalidate(uri: string): void {
    for (const e of this.entries.values()) if (e.deps.has(uri)) this.queue(e.root, true);
    if (this.known.has(uri) && !this.entries.has(uri)) this.queue(uri, true);
  }

  private queue(root: string, urgent: boolean): void {
    this.pending.add(root);
    if (urgent) this.urgent.add(root);
  }

  /** Whether work() has anything left to do. */
  busy(): boolean {
    return this.pending.size > 0 || this.scanStack.length > 0 || this.unchecked.size > 0 || this.regroupNeeded || this.records.some((r) => !r.findings);
  }

  /**
   * Does the index's outstanding work in small units until `deadline` (Date.now()): changed nodes
   * first, then the scan and the other nodes (nearest to the changed files first), their rules,
   * the regrouping and the peer rules. Returns whether work is left.
   */
  work(deadline: number): boolean {
    do {
      if (!this.step()) return false;
    } while (Date.now() < deadline);
    return this.busy();
  }

  /** One unit of work; false when there was none. */
  private step(): boolean {
    const root = first(this.urgent) ?? first(this.pending);
    if (root !== undefined) {
      this.readRoot(root);
      const e = this.entries.get(root);
      if (e) this.check(e);
      return true;
    }
    if (this.scanStep()) return true;
    const unchecked = first(this.unchecked);
    if (unchecked !== undefined) {
      const e = this.entries.get(unchecked);
      if (e) this.check(e);
      else this.unchecked.delete(unchecked);
      return true;
    }
    if (this.regroupNeeded) {
      this.regroup();
      return true;
    }
    const rec = this.records.find((r) => !r.findings);
    if (rec) {
      this.checkPeers(rec);
      return true;
    }
    return false;
  }

  /** Finishes the scan and reads every node waiting to be read (no rules run). */
  refresh(): void {
    while (this.scanStep());
    for (let root = first(this.pending); root !== undefined; root = first(this.pending)) this.readRoot(root);
    this.regroup();
  }

  /** Reads `root` (again) as a node, unless it is no node (any more). */
  private readRoot(root: string): void {
    this.pending.delete(root);
    this.urgent.delete(root);
    const old = this.entries.get(root);
    // A file another node includes is part of that node, not a node of its own.
    const e = this.known.has(root) && !this.includers.get(root)?.size ? this.entry(root, old) : undefined;
    if (old) this.drop(old);
    if (e) this.add(e);
  }

  private add(e: NodeEntry): void {
    this.entries.set(e.root, e);
    this.sorted = undefined;
    this.regroupNeeded = true;
    this.unchecked.add(e.root);
    this.link(e, e.files);
    const included = [...e.files].filter((f) => f !== e.root);
    for (const f of included) {
      let set = this.includers.get(f);
      if (!set) this.includers.set(f, (set = new Set()));
      set.add(e.root);
      this.pending.delete(f);
      this.urgent.delete(f);
    }
    // A node read before the node that includes it is part of that one now.
    for (const f of included) {
      const was = this.entries.get(f);
      if (was) this.drop(was);
    }
  }

  private drop(e: NodeEntry): void {
    if (this.entries.get(e.root) === e) this.entries.delete(e.root);
    this.sorted = undefined;
    this.regroupNeeded = true;
    this.unchecked.delete(e.root);
    this.unlink(e);
    for (const f of e.files) {
      if (f === e.root) continue;
      const set = this.includers.get(f);
      set?.delete(e.root);
      // No longer included by anyone: a file of its own again.
      if (set && set.size === 0) {
        this.includers.delete(f);
        if (this.known.has(f) && !this.entries.has(f)) this.queue(f, false);
      }
    }
  }

  private link(s: NodeEntry | ClusterRecord, uris: Iterable<string>): void {
    for (const u of uris) {
      if (s.uris.has(u)) continue;
      s.uris.add(u);
      let set = this.sourcesOf.get(u);
      if (!set) this.sourcesOf.set(u, (set = new Set()));
      set.add(s);
      this.touched(u);
    }
  }

  private unlink(s: NodeEntry | ClusterRecord): void {
    for (const u of s.uris) {
      const set = this.sourcesOf.get(u);
      set?.delete(s);
      if (set?.size === 0) this.sourcesOf.delete(u);
      this.touched(u);
    }
  }

  /** The findings of `u` may have changed: it is published again, and its list made anew. */
  private touched(u: string): void {
    this.changed.add(u);
    this.lists.delete(u);
  }

  private forgetFindings(s: NodeEntry | ClusterRecord): void {
    if (!s.findings) return;
    s.findings = undefined;
    for (const u of s.uris) this.touched(u);
    if (s.kind === 'node') this.unchecked.add(s.root);
  }

  private setFindings(s: NodeEntry | ClusterRecord, findings: readonly Finding[]): void {
    const byUri = new Map<string, Finding[]>();
    for (const f of findings) {
      const list = byUri.get(f.uri);
      if (list) list.push(f);
      else byUri.set(f.uri, [f]);
    }
    s.findings = byUri;
    this.link(s, byUri.keys());
    for (const u of s.uris) this.touched(u);
  }

  /** Runs the single-file rules of a node, when they have not run since it was read. */
  private check(e: NodeEntry): void {
    this.unchecked.delete(e.root);
    if (e.findings) return;
    const deadline = this.budgetMs === undefined ? undefined : Date.now() + Math.max(0, this.budgetMs - e.readMs);
    let findings: Finding[];
    try {
      findings = checkModel(e.model, { levels: this.settings.levels, targetVersion: this.settings.targetVersion, deadline });
    } catch {
      findings = [];
    }
    this.setFindings(e, findings);
  }

  private checkPeers(r: ClusterRecord): void {
    if (!r.findings) this.setFindings(r, checkCluster(r.cluster, { levels: this.settings.levels }));
  }

  /**
   * Reads a root file as a node. `previous`: the node's entry before the change that made it read
   * again, if any: what an incremental reading of the model may start from (readModel's
   * `previous` option, which checks that the tree was re-read from that model's tree).
   */
  private entry(uri: string, previous?: NodeEntry): NodeEntry | undefined {
    const t0 = Date.now();
    const read = this.source.read(uri);
    const base = { kind: 'node' as const, root: uri, uris: new Set<string>(), includes: false, peers: [], readMs: 0 };
    if (read.refused === 'too-large') {
      // One diagnostic, nothing read.
      const tree = this.cache.get(uri, '');
      const files = new Set([uri]);
      const e: NodeEntry = { ...base, tree, model: readModel(tree), nodes: [], files, deps: files };
      this.setFindings(e, [refusedFileFinding(uri, read.refused, read.size)]);
      return e;
    }
    const text = read.text;
    if (text === undefined || isTemplate(text)) return undefined;
    try {
      const tree = this.cache.get(uri, text);
      const deadline = this.budgetMs === undefined ? undefined : t0 + this.budgetMs;
      const model = readModel(tree, { includes: this.resolver, deadline, previous: previous?.model });
      const nodes = readNodes(tree, this.resolver, model);
      const interp = model.interp;
      const files = new Set(interp.files);
      const deps = new Set(files);
      for (const inc of interp.includes) for (const r of inc.refused) deps.add(r.uri);
      return { ...base, tree, model, nodes, files, deps, includes: interp.includes.length > 0, peers: peerDirectives(tree), readMs: Date.now() - t0 };
    } catch {
      // A file the analysis cannot read (e.g. nested too deep for the parser) must not take the
      // other files down with it: it is left out of the nodes.
      return undefined;
    }
  }

  /** The entries in root order: the order of nodes in clusters and of findings in a file. */
  private sortedEntries(): NodeEntry[] {
    this.sorted ??= [...this.entries.values()].sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
    return this.sorted;
  }

  /**
   * Groups the nodes read into clusters, as findClusters would; a cluster whose nodes are the very
   * objects of one before keeps its record (names, instance groups, peer findings).
   */
  private regroup(): void {
    if (!this.regroupNeeded) return;
    this.regroupNeeded = false;
    const entries = this.sortedEntries();
    const nodes = entries.flatMap((e) => e.nodes);
    const sets = partitionNodes(nodes, explicitGroups(nodes, this.settings.clusters ?? NO_GROUPS, this.roots, entries, this.grouping));
    const before = new Map(this.records.map((r) => [r.members[0], r]));
    this.records = sets.map((members, order) => {
      const old = before.get(members[0]);
      if (old && old.members.length === members.length && old.members.every((n, i) => n === members[i])) {
        before.delete(members[0]);
        old.order = order;
        return old;
      }
      const r: ClusterRecord = { kind: 'cluster', cluster: makeCluster(members), members, order, uris: new Set() };
      this.link(r, members.flatMap((n) => n.model.interp.files));
      return r;
    });
    for (const r of before.values()) this.unlink(r);
    this.clusterList = this.records.map((r) => r.cluster);
  }

  /** Reads the nodes `uri` belongs to, and the other nodes of their clusters, when they wait to be read. */
  private readNear(uri: string): void {
    const roots = new Set<string>();
    for (const e of this.entries.values()) if (e.files.has(uri)) roots.add(e.root);
    if (this.known.has(uri)) roots.add(uri);
    for (const c of this.clusterList) if (c.nodes.some((n) => roots.has(n.uri))) for (const n of c.nodes) roots.add(n.uri);
    for (const r of roots) if (this.pending.has(r)) this.readRoot(r);
  }

  /**
   * Files whose findings may have changed since the last call, and forgets them. `regroup`: the
   * nodes read so far are grouped first, so that the files whose clusters changed are among them
   * (while the workspace is still being read, an open file's peers join its cluster as they are read).
   */
  takeChanged(filter?: (uri: string) => boolean, opts: { regroup?: boolean } = {}): string[] {
    if (opts.regroup) this.regroup();
    const out: string[] = [];
    for (const u of this.changed) {
      if (filter && !filter(u)) continue;
      out.push(u);
      this.changed.delete(u);
    }
    return out;
  }

  /**
   * The findings of one file as they stand: the rules of its node and of its clusters run now if
   * they have not (nodes that wait to be read are not read: see findingsOf). The same array is
   * returned until they may have changed (callers do not change it).
   */
  currentFindings(uri: string): Finding[] {
    this.regroup();
    const known = this.lists.get(uri);
    if (known) return known;
    const sources = [...(this.sourcesOf.get(uri) ?? [])];
    const nodes = sources.filter((s): s is NodeEntry => s.kind === 'node').sort((a, b) => (a.root < b.root ? -1 : a.root > b.root ? 1 : 0));
    const clusters = sources.filter((s): s is ClusterRecord => s.kind === 'cluster').sort((a, b) => a.order - b.order);
    const out: Finding[] = [];
    for (const e of nodes) {
      this.check(e);
      for (const f of e.findings?.get(uri) ?? []) out.push(f);
    }
    for (const r of clusters) {
      this.checkPeers(r);
      for (const f of r.findings?.get(uri) ?? []) out.push(f);
    }
    const list = dedupe(out);
    this.lists.set(uri, list);
    return list;
  }

  /** The findings of one file, its node and its cluster read first when they changed. */
  findingsOf(uri: string): Finding[] {
    this.readNear(uri);
    return this.currentFindings(uri);
  }

  clusters(): Cluster[] {
    this.refresh();
    return this.clusterList;
  }

  /** Every finding, by file. */
  findingsByUri(): Map<string, Finding[]> {
    this.refresh();
    const out = new Map<string, Finding[]>();
    for (const uri of [...this.sourcesOf.keys()].sort()) {
      const list = this.currentFindings(uri);
      if (list.length) out.set(uri, list);
    }
    return out;
  }

  /**
   * The model a file is best read in: its node's when it is included, else its own. Only that node
   * is read when it changed, and no rule runs: a request never waits for the rules or for other
   * files. An included file whose node changed is read with that node again first.
   */
  modelFor(uri: string): ConfigModel | undefined {
    const holder = () => this.sortedEntries().find((e) => e.files.has(uri));
    for (let e = holder(); e && this.pending.has(e.root); e = holder()) this.readRoot(e.root);
    if (!holder() && this.known.has(uri) && this.pending.has(uri)) this.readRoot(uri);
    const found = holder();
    if (found) return found.model;
    const text = textOf(this.source.read(uri));
    if (text === undefined) return undefined;
    const deadline = this.budgetMs === undefined ? undefined : Date.now() + this.budgetMs;
    return readModel(this.cache.get(uri, text), { includes: this.resolver, deadline });
  }

  /**
   * Nodes sharing a cluster with the node(s) of `uri`: that node and the other nodes of its
   * clusters are read again when they changed; nodes elsewhere in the workspace that wait to be
   * read are not waited for. `stale`: the clusters as they stand, nothing read (hover and code
   * lens text).
   */
  peersOf(uri: string, opts: { stale?: boolean } = {}): { cluster: Cluster; nodes: Node[] }[] {
    if (!opts.stale) {
      this.readNear(uri);
      this.regroup();
    }
    return this.clusterList
      .filter((c) => c.nodes.some((n) => n.uri === uri || n.model.interp.files.includes(uri)))
      .map((c) => ({ cluster: c, nodes: c.nodes.filter((n) => n.uri !== uri && !n.model.interp.files.includes(uri)) }));
  }

  /** The peer findings written in a file. */
  peerFindingsOf(uri: string): Finding[] {
    this.refresh();
    const out: Finding[] = [];
    for (const r of this.records) {
      if (!r.uris.has(uri)) continue;
      this.checkPeers(r);
      for (const f of r.findings?.get(uri) ?? []) out.push(f);
    }
    return dedupe(out);
  }

  /** The nodes a file is part of: its own, or those of the roots that include it. */
  nodesOf(uri: string): Node[] {
    this.refresh();
    return this.sortedEntries()
      .filter((e) => e.files.has(uri))
      .flatMap((e) => e.nodes);
  }

  allModels(): ConfigModel[] {
    this.refresh();
    return this.sortedEntries().map((e) => e.model);
  }
}

function first<T>(set: Set<T>): T | undefined {
  for (const x of set) return x;
  return undefined;
}
