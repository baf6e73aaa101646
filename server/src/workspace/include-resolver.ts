// Resolves include patterns to files, relative to the including file. An absolute path such as
// /etc/keepalived/conf.d/*.conf is first looked for under the including file's ancestors, so a
// repository that mirrors each host's /etc (hosts/lb01/etc/keepalived/...) resolves in place.
import { readdirSync, statSync } from 'node:fs';
import { posix as path } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IncludeResolver, IncludeTarget } from '../parser/interpreter';
import type { SyntaxTree } from '../parser/syntax';
import { parseSyntax } from '../parser/syntax-builder';
import { reparse } from '../parser/reparse';
import { SCHEMA } from '../schema';
import { glob, type GlobFs } from './glob';
import { readRegularFile, type FileRead } from './read-file';

export type { FileRead };

export interface FileSource {
  /** The text of a file (an open editor buffer when there is one, else the disk), or why not. */
  read(uri: string): FileRead;
}

/** The text of a read, when there is one. */
export function textOf(r: FileRead): string | undefined {
  return r.text;
}

export const diskFs: GlobFs = {
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return undefined;
    }
  },
  // Anything but a directory matches (as glob(3) matches it): a FIFO or a device is then refused
  // by name, with its reason, instead of "no file matches".
  isFile(p) {
    try {
      return !statSync(p).isDirectory();
    } catch {
      return false;
    }
  },
};

export const diskSource: FileSource = {
  read(uri) {
    if (!uri.startsWith('file:')) return { refused: 'unreadable' };
    try {
      return readRegularFile(fileURLToPath(uri));
    } catch {
      return { refused: 'unreadable' };
    }
  },
};

/**
 * Whether an included file reads like a keepalived configuration (or a fragment of one): at least
 * one of its first lines starts with a keyword, a directive, a brace or an address. /etc/passwd,
 * /etc/group or a process environment do not, and their lines must never reach a diagnostic.
 */
export function looksLikeConfigText(text: string): boolean {
  if (text.includes('\0')) return false;
  let significant = 0;
  let start = 0;
  while (start < text.length && significant < 100) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (!line || line[0] === '#' || line[0] === '!') continue;
    significant++;
    const first = line.split(/[ \t]/)[0];
    if (/^[{}$@~]/.test(first) || /[{}]/.test(line) || /^include[rmwba]?$/.test(first)) return true;
    if (SCHEMA.named(first).length > 0) return true;
    if (/^[0-9a-fA-F:.]+(?:\/\d+)?(?:-\d+)?$/.test(first) && /[.:]/.test(first)) return true;
  }
  return significant === 0;
}

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
    // An edited file is re-read from its last tree: only the top-level blocks the edit touches.
    const tree = hit ? reparse(hit, text) : parseSyntax(text, uri);
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
    /** Whether files outside `roots` may be read (false in an untrusted workspace). */
    private readonly outsideAllowed: () => boolean = () => true,
  ) {}

  /**
   * The folder a relative pattern starts from: the including file's, or for a document that is
   * no file (an untitled buffer, a notebook cell) the first workspace folder, else none.
   */
  private baseDir(fromUri: string): string | undefined {
    if (fromUri.startsWith('file:')) return path.dirname(uriToPath(fromUri));
    if (fromUri.includes(':') || !fromUri.startsWith('/')) return this.roots[0];
    return path.dirname(fromUri);
  }

  /** Candidate file paths for a pattern, before reading them. */
  matches(pattern: string, fromUri: string): string[] {
    const fromDir = this.baseDir(fromUri);
    if (!pattern.startsWith('/')) return fromDir === undefined ? [] : glob(path.join(fromDir, pattern), this.fs);
    for (let dir = fromDir; dir !== undefined && dir.startsWith('/'); ) {
      if (dir !== '/') {
        const found = glob(path.join(dir, pattern), this.fs);
        if (found.length) return found;
      }
      const parent = path.dirname(dir);
      if (parent === dir || this.roots.includes(dir)) break;
      dir = parent;
    }
    return glob(pattern, this.fs);
  }

  private inRoots(p: string): boolean {
    return this.roots.some((r) => p === r || p.startsWith(r.endsWith('/') ? r : r + '/'));
  }

  resolve(pattern: string, fromUri: string): IncludeTarget[] {
    const out: IncludeTarget[] = [];
    for (const p of this.matches(pattern, fromUri)) {
      const uri = pathToUri(p);
      if (!this.outsideAllowed() && !this.inRoots(p)) {
        out.push({ uri, refused: 'untrusted' });
        continue;
      }
      const r = this.source.read(uri);
      if (r.refused) out.push({ uri, refused: r.refused, size: r.size });
      else if (!looksLikeConfigText(r.text)) out.push({ uri, refused: 'not-config' });
      else out.push({ uri, tree: this.cache.get(uri, r.text) });
    }
    return out;
  }
}
