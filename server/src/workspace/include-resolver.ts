// Resolves include patterns to files, relative to the including file. An absolute path such as
// /etc/keepalived/conf.d/*.conf is first looked for under the including file's ancestors, so a
// repository that mirrors each host's /etc (hosts/lb01/etc/keepalived/...) resolves in place.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { posix as path } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IncludeResolver, IncludeTarget } from '../parser/interpreter';
import type { SyntaxTree } from '../parser/syntax';
import { parseSyntax } from '../parser/syntax-builder';
import { glob, type GlobFs } from './glob';

export interface FileSource {
  /** The text of a file: an open editor buffer when there is one, else the disk. */
  read(uri: string): string | undefined;
}

export const diskFs: GlobFs = {
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return undefined;
    }
  },
  isFile(p) {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  },
};

export const diskSource: FileSource = {
  read(uri) {
    try {
      return readFileSync(fileURLToPath(uri), 'utf8');
    } catch {
      return undefined;
    }
  },
};

export function uriToPath(uri: string): string {
  return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
}

export function pathToUri(p: string): string {
  return pathToFileURL(p).href;
}

/** Parsed trees cached by uri and text, so that re-reading a node reparses only what changed. */
export class TreeCache {
  private readonly trees = new Map<string, SyntaxTree>();

  get(uri: string, text: string): SyntaxTree {
    const hit = this.trees.get(uri);
    if (hit && hit.text === text) return hit;
    const tree = parseSyntax(text, uri);
    this.trees.set(uri, tree);
    return tree;
  }

  delete(uri: string): void {
    this.trees.delete(uri);
  }
}

export class FsIncludeResolver implements IncludeResolver {
  constructor(
    private readonly source: FileSource = diskSource,
    private readonly fs: GlobFs = diskFs,
    private readonly cache = new TreeCache(),
    /** Where the search for a mirrored /etc stops (workspace folders); none = up to the root. */
    private readonly roots: readonly string[] = [],
  ) {}

  /** Candidate file paths for a pattern, before reading them. */
  matches(pattern: string, fromUri: string): string[] {
    const fromDir = path.dirname(uriToPath(fromUri));
    if (!pattern.startsWith('/')) return glob(path.join(fromDir, pattern), this.fs);
    for (let dir = fromDir; ; dir = path.dirname(dir)) {
      if (dir !== '/') {
        const found = glob(path.join(dir, pattern), this.fs);
        if (found.length) return found;
      }
      if (dir === '/' || this.roots.includes(dir)) break;
    }
    return glob(pattern, this.fs);
  }

  resolve(pattern: string, fromUri: string): IncludeTarget[] {
    const out: IncludeTarget[] = [];
    for (const p of this.matches(pattern, fromUri)) {
      const uri = pathToUri(p);
      const text = this.source.read(uri);
      if (text !== undefined) out.push({ uri, tree: this.cache.get(uri, text) });
    }
    return out;
  }
}
