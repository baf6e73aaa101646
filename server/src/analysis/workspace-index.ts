// The cluster index of the language server: every keepalived file of the workspace folders (not
// only open ones), read as nodes, grouped into clusters, with single-file and peer findings.
// A change re-reads only the nodes that contain the changed file; clusters are then regrouped.
import { readdirSync } from 'node:fs';
import { posix as path } from 'node:path';
import { readModel } from '../model/read';
import { checkModel, type CheckOptions } from './analyze';
import { dedupe } from './check-files';
import type { Finding } from '../rules/finding';
import { checkCluster } from './peer-check';
import type { ConfigModel } from '../model/types';
import type { SyntaxTree } from '../parser/syntax';
import { findClusters, type Cluster } from '../workspace/cluster';
import { DEFAULT_FILE_PATTERNS, globToRegex, isBackupFile, isTemplate, looksLikeKeepalived, matchesAny } from '../workspace/file-patterns';
import { diskSource, FsIncludeResolver, pathToUri, TreeCache, uriToPath, type FileSource } from '../workspace/include-resolver';
import { readNodes, type Node } from '../workspace/nodes';
import { explicitGroups } from '../workspace/explicit-groups';

interface NodeEntry {
  root: string;
  tree: SyntaxTree;
  /** The model read with every conditional line, for single-file rules and features. */
  model: ConfigModel;
  nodes: Node[];
  files: Set<string>;
  findings: Finding[];
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

export class WorkspaceIndex {
  readonly cache = new TreeCache();
  private readonly known = new Set<string>();
  private readonly entries = new Map<string, NodeEntry>();
  private readonly resolver: FsIncludeResolver;
  private settings: IndexSettings = {};
  private clusterList: Cluster[] = [];
  private peerFindings: Finding[] = [];
  private dirty = true;
  /** Files included by a node at the last refresh. */
  private included = new Set<string>();

  constructor(
    private readonly roots: string[],
    private readonly source: FileSource = diskSource,
  ) {
    this.resolver = new FsIncludeResolver(source, undefined, this.cache, roots);
  }

  configure(settings: IndexSettings): void {
    this.settings = settings;
    this.entries.clear();
    this.dirty = true;
  }

  private patterns(): RegExp[] {
    return (this.settings.files?.length ? this.settings.files : DEFAULT_FILE_PATTERNS).map(globToRegex);
  }

  /** Walks the workspace folders for keepalived files. */
  scan(): void {
    const patterns = this.patterns();
    for (const root of this.roots) this.walk(root, root, patterns, 0);
    this.dirty = true;
  }

  /** Whether a file on disk is a keepalived config by the file patterns or its first line. */
  isKeepalivedFile(uri: string): boolean {
    const p = uriToPath(uri);
    if (isBackupFile(p)) return false;
    const patterns = this.patterns();
    for (const root of this.roots) if (p.startsWith(root + '/') && matchesAny(path.relative(root, p), patterns)) return true;
    return p.endsWith('.conf') && looksLikeKeepalived(this.source.read(uri)?.slice(0, 200) ?? '');
  }

  /** A file changed on disk (created, saved, or changed by another program). */
  fileChanged(uri: string): void {
    if (this.known.has(uri) || this.isIncluded(uri) || this.isKeepalivedFile(uri)) this.touch(uri);
  }

  private isIncluded(uri: string): boolean {
    for (const e of this.entries.values()) if (e.files.has(uri)) return true;
    return false;
  }

  private walk(root: string, dir: string, patterns: RegExp[], depth: number): void {
    if (depth > 12 || this.known.size >= MAX_FILES) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) this.walk(root, full, patterns, depth + 1);
      } else if (e.isFile() && !isBackupFile(e.name)) {
        const rel = path.relative(root, full);
        if (matchesAny(rel, patterns) || (e.name.endsWith('.conf') && looksLikeKeepalived(this.source.read(pathToUri(full))?.slice(0, 200) ?? ''))) {
          this.known.add(pathToUri(full));
        }
      }
    }
  }

  /** A file was opened, edited, saved or created. */
  touch(uri: string): void {
    this.known.add(uri);
    this.invalidate(uri);
  }

  /** A file was deleted (or renamed away). */
  remove(uri: string): void {
    this.known.delete(uri);
    this.cache.delete(uri);
    this.invalidate(uri);
  }

  private invalidate(uri: string): void {
    for (const [root, e] of this.entries) if (root === uri || e.files.has(uri)) this.entries.delete(root);
    this.dirty = true;
  }

  /** Brings nodes, clusters and findings up to date. */
  refresh(): void {
    if (!this.dirty) return;
    const included = new Set<string>();
    const read = (uri: string) => {
      const e = this.entry(uri);
      if (e) for (const f of e.files) if (f !== uri) included.add(f);
    };
    // Roots first; a file that was included last time is read on its own only if no root
    // includes it any more (so conf.d fragments are not re-analysed as nodes at every change).
    for (const uri of this.known) if (!this.included.has(uri)) read(uri);
    for (const uri of this.known) if (this.included.has(uri) && !included.has(uri)) read(uri);
    // A file another file includes is part of that node, not a node of its own.
    for (const uri of included) this.entries.delete(uri);
    this.included = included;
    const nodes = [...this.entries.values()].flatMap((e) => e.nodes);
    this.clusterList = findClusters(nodes, explicitGroups(nodes, this.settings.clusters ?? [], this.roots, this.entries.values()));
    this.peerFindings = this.clusterList.flatMap((c) => checkCluster(c, { levels: this.settings.levels }));
    this.dirty = false;
  }

  private entry(uri: string): NodeEntry | undefined {
    const hit = this.entries.get(uri);
    if (hit) return hit;
    const text = this.source.read(uri);
    if (text === undefined || isTemplate(text)) return undefined;
    let e: NodeEntry;
    try {
      const tree = this.cache.get(uri, text);
      const model = readModel(tree, { includes: this.resolver });
      const nodes = readNodes(tree, this.resolver, model);
      e = { root: uri, tree, model, nodes, files: new Set(model.interp.files), findings: checkModel(model, { levels: this.settings.levels, targetVersion: this.settings.targetVersion }) };
    } catch {
      // A file the analysis cannot read (e.g. nested too deep for the parser) must not take the
      // other files down with it: it is left out of the nodes.
      return undefined;
    }
    this.entries.set(uri, e);
    return e;
  }

  clusters(): Cluster[] {
    this.refresh();
    return this.clusterList;
  }

  /** Every finding, by file. */
  findingsByUri(): Map<string, Finding[]> {
    this.refresh();
    const out = new Map<string, Finding[]>();
    const add = (f: Finding) => {
      const list = out.get(f.uri);
      if (list) list.push(f);
      else out.set(f.uri, [f]);
    };
    for (const e of this.entries.values()) for (const f of e.findings) add(f);
    for (const f of this.peerFindings) add(f);
    for (const [k, v] of out) out.set(k, dedupe(v));
    return out;
  }

  /** The model a file is best read in: its node's when it is included, else its own. */
  modelFor(uri: string): ConfigModel | undefined {
    this.refresh();
    for (const e of this.entries.values()) if (e.files.has(uri)) return e.model;
    const text = this.source.read(uri);
    if (text === undefined) return undefined;
    return readModel(this.cache.get(uri, text), { includes: this.resolver });
  }

  /** Nodes sharing a cluster with the node(s) of `uri`. */
  peersOf(uri: string): { cluster: Cluster; nodes: Node[] }[] {
    return this.clusters()
      .filter((c) => c.nodes.some((n) => n.uri === uri || n.model.interp.files.includes(uri)))
      .map((c) => ({ cluster: c, nodes: c.nodes.filter((n) => n.uri !== uri && !n.model.interp.files.includes(uri)) }));
  }

  /** The peer findings written in a file. */
  peerFindingsOf(uri: string): Finding[] {
    this.refresh();
    return dedupe(this.peerFindings.filter((f) => f.uri === uri));
  }

  /** The nodes a file is part of: its own, or those of the roots that include it. */
  nodesOf(uri: string): Node[] {
    this.refresh();
    return [...this.entries.values()].filter((e) => e.files.has(uri)).flatMap((e) => e.nodes);
  }

  allModels(): ConfigModel[] {
    this.refresh();
    return [...this.entries.values()].map((e) => e.model);
  }
}
