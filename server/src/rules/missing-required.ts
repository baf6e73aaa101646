import type { Statement } from '../parser/statements';
import type { Fix } from '../analysis/finding';
import type { FileRule } from './rule';
import { blockName } from './text';

interface Required {
  keyword: string;
  placeholder: string;
  consequence: string;
}

/** What keepalived cannot do without, per block path. */
const REQUIRED: Record<string, Required[]> = {
  vrrp_instance: [
    { keyword: 'interface', placeholder: 'eth0', consequence: 'keepalived cannot tell which interface to send adverts on' },
    { keyword: 'virtual_router_id', placeholder: '51', consequence: 'keepalived refuses the configuration (the virtual router id must be set)' },
  ],
  vrrp_script: [{ keyword: 'script', placeholder: '"/usr/bin/true"', consequence: 'keepalived removes the vrrp_script' }],
  vrrp_track_process: [{ keyword: 'process', placeholder: 'nginx', consequence: 'keepalived removes the tracker' }],
  'vrrp_instance/authentication': [{ keyword: 'auth_type', placeholder: 'PASS', consequence: 'keepalived ignores the authentication block' }],
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
  description: 'A block without a keyword keepalived needs (e.g. a vrrp_instance without interface or virtual_router_id).',
  check({ model, report }) {
    for (const s of model.interp.all) {
      if (!s.spec || s.spec.block !== 'subkeywords' || !s.children) continue;
      const path = s.path ? `${s.path}/${s.keyword.value}` : s.keyword.value;
      for (const req of REQUIRED[path] ?? []) {
        if (s.children.some((c) => c.keyword.value === req.keyword)) continue;
        const edits = insertFirstLine(s, `${req.keyword} ${req.placeholder}`);
        report({
          uri: s.keyword.uri,
          range: s.keyword.range,
          message: `${blockName(s)} has no '${req.keyword}': ${req.consequence}.`,
          fixes: edits ? [{ title: `Add '${req.keyword} ${req.placeholder}'`, edits, preferred: true }] : undefined,
        });
      }
    }
  },
};
