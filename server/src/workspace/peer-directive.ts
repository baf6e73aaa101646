// In-file pairing: a comment `# keepalived-peer: ../lb02/keepalived.conf [more files]` names the
// peer node files explicitly (paths relative to the file, globs allowed).
import { posix as path } from 'node:path';
import type { SyntaxTree } from '../parser/syntax';
import { uriToPath } from './include-resolver';

const DIRECTIVE = /^[#!]\s*keepalived-peers?\s*:\s*(.+)$/;

/** Whether a comment's text is a peer directive (the only comments peerDirectives() reads). */
export function isPeerDirective(comment: string): boolean {
  return comment.includes('keepalived-peer') && DIRECTIVE.test(comment.trim());
}

/** The peer file patterns a file names, as absolute paths. */
export function peerDirectives(tree: SyntaxTree): string[] {
  const dir = path.dirname(uriToPath(tree.uri));
  const out: string[] = [];
  for (const c of tree.comments) {
    const m = DIRECTIVE.exec(c.text.trim());
    if (!m) continue;
    for (const p of m[1].split(/[\s,]+/).filter(Boolean)) out.push(path.resolve(dir, p));
  }
  return out;
}
