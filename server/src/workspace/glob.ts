// Just enough of glob(3) with GLOB_BRACE for keepalived's include patterns.
import { posix as path } from 'node:path';

/** `{a,b}` alternatives expanded (nested braces too), as GLOB_BRACE does. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf('{');
  if (open < 0) return [pattern];
  let depth = 0;
  const parts: string[] = [];
  let start = open + 1;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '{') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) {
        parts.push(pattern.slice(start, i));
        const head = pattern.slice(0, open);
        const tail = pattern.slice(i + 1);
        return parts.flatMap((p) => expandBraces(head + p + tail));
      }
    } else if (c === ',' && depth === 1) {
      parts.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  return [pattern];
}

export function hasWildcard(s: string): boolean {
  return /[*?[]/.test(s);
}

/** A glob segment as a regular expression (no `/` inside a segment). */
export function segmentRegex(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let cls = seg.slice(i + 1, end);
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export interface GlobFs {
  /** Entries of a directory, or undefined if it is not one. */
  list(dir: string): string[] | undefined;
  isFile(p: string): boolean;
}

/** Files matching an absolute pattern, sorted as glob(3) sorts them. */
export function glob(pattern: string, fs: GlobFs): string[] {
  const out = new Set<string>();
  for (const p of expandBraces(pattern)) {
    const segs = path.normalize(p).split('/').filter(Boolean);
    walk('/', segs, 0, fs, out);
  }
  return [...out].sort();
}

function walk(dir: string, segs: string[], i: number, fs: GlobFs, out: Set<string>): void {
  if (i === segs.length) {
    if (fs.isFile(dir)) out.add(dir);
    return;
  }
  const seg = segs[i];
  if (!hasWildcard(seg)) {
    walk(path.join(dir, seg), segs, i + 1, fs, out);
    return;
  }
  const re = segmentRegex(seg);
  for (const name of fs.list(dir) ?? []) {
    if (name.startsWith('.') && !seg.startsWith('.')) continue;
    if (re.test(name)) walk(path.join(dir, name), segs, i + 1, fs, out);
  }
}
