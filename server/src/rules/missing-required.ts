import type { Statement } from '../parser/statements';
import type { Fix } from '../analysis/finding';
import type { FileRule } from './rule';
import { blockName } from './text';

interface Required {
  keyword: string;
  placeholder: string;
  consequence: string;
  /** When keepalived goes on without a word of its own (a default applies), a warning rather than the rule's error. */
  severity?: 'warning';
  /** A present keyword counts only if this holds (keepalived drops a url without path, say). */
  usable?: (s: Statement) => boolean;
}

const hasPath = (url: Statement) => !!url.children?.some((c) => c.keyword.value === 'path');

/** What keepalived cannot do without, per block path. */
const REQUIRED: Record<string, Required[]> = {
  vrrp_instance: [
    // keepalived 2.2 falls back to global_defs default_interface (eth0 when unset): no error of its own.
    {
      keyword: 'interface',
      placeholder: 'eth0',
      consequence: 'keepalived sends adverts on the default interface (global_defs default_interface, else eth0), which may not be the one meant',
      severity: 'warning',
    },
    { keyword: 'virtual_router_id', placeholder: '51', consequence: 'keepalived refuses the configuration (the virtual router id must be set)' },
  ],
  vrrp_script: [{ keyword: 'script', placeholder: '"/usr/bin/true"', consequence: 'keepalived removes the vrrp_script' }],
  vrrp_track_process: [{ keyword: 'process', placeholder: 'nginx', consequence: 'keepalived removes the tracker' }],
  // keepalived says nothing: the instance silently runs without authentication.
  'vrrp_instance/authentication': [
    { keyword: 'auth_type', placeholder: 'PASS', consequence: 'keepalived silently ignores the authentication block', severity: 'warning' },
  ],
  // The checkers keepalived drops when it reads their closing '}' (check_http.c, check_misc.c, check_file.c, check_bfd.c).
  'virtual_server/real_server/HTTP_GET': [{ keyword: 'url', placeholder: '{ path / }', consequence: 'keepalived ignores the checker', usable: hasPath }],
  'virtual_server/real_server/SSL_GET': [{ keyword: 'url', placeholder: '{ path / }', consequence: 'keepalived ignores the checker', usable: hasPath }],
  'virtual_server/real_server/HTTP_GET/url': [{ keyword: 'path', placeholder: '/', consequence: 'keepalived ignores the url' }],
  'virtual_server/real_server/SSL_GET/url': [{ keyword: 'path', placeholder: '/', consequence: 'keepalived ignores the url' }],
  'virtual_server/real_server/MISC_CHECK': [{ keyword: 'misc_path', placeholder: '"/usr/local/bin/check.sh"', consequence: 'keepalived skips the checker' }],
  'virtual_server/real_server/FILE_CHECK': [{ keyword: 'track_file', placeholder: 'NAME', consequence: 'keepalived ignores the checker' }],
  'virtual_server/real_server/BFD_CHECK': [{ keyword: 'name', placeholder: 'BFD_NAME', consequence: 'keepalived skips the checker' }],
};

/** Inserts `keyword placeholder` as the first line of the block, indented like its siblings. */
export function insertFirstLine(s: Statement, text: string): Fix['edits'] | undefined {
  const open = s.open;
  if (!open || open.origin) return undefined;
  const first = s.children?.[0]?.keyword;
  const indent = first && first.range.start.line > open.range.start.line ? ' '.repeat(first.range.start.character) : ' '.repeat(s.keyword.range.start.character + 4);
  const pos = { line: open.range.end.line + 1, character: 0 };
  if (first && first.range.start.line === open.range.start.line) return undefined;
  return [{ uri: open.uri, range: { start: pos, end: pos }, newText: `${indent}${text}\n` }];
}

export const missingRequired: FileRule = {
  id: 'missing-required',
  severity: 'error',
  description: 'A block without a keyword keepalived needs (e.g. a vrrp_instance without virtual_router_id); a vrrp_instance without interface is a warning (keepalived uses the default interface).',
  check({ model, report }) {
    for (const s of model.interp.all) {
      if (!s.spec || s.spec.block !== 'subkeywords' || !s.children) continue;
      const path = s.path ? `${s.path}/${s.keyword.value}` : s.keyword.value;
      for (const req of REQUIRED[path] ?? []) {
        const present = s.children.filter((c) => c.keyword.value === req.keyword);
        if (present.length && (!req.usable || present.some(req.usable))) continue;
        const edits = insertFirstLine(s, `${req.keyword} ${req.placeholder}`);
        const what = present.length ? `no usable '${req.keyword}' (keepalived drops each one written)` : `no '${req.keyword}'`;
        report({
          uri: s.keyword.uri,
          range: s.keyword.range,
          severity: req.severity,
          message: `${blockName(s)} has ${what}: ${req.consequence}.`,
          fixes: edits ? [{ title: `Add '${req.keyword} ${req.placeholder}'`, edits, preferred: true }] : undefined,
        });
      }
    }
  },
};
