import type { FileRule } from './rule';
import { suggest } from './text';

const CONSEQUENCE: Record<string, string> = {
  vrrp_script: 'keepalived ignores the tracking, so a failing check will not move the VIP',
  vrrp_instance: 'keepalived leaves it out of the group',
  vrrp_track_process: 'keepalived ignores the tracking',
  track_file: 'keepalived ignores the tracking',
  virtual_server_group: 'keepalived drops the virtual server',
};

/** Definitions keepalived removes when they lack this keyword (see missing-required). */
const REMOVED_WITHOUT: Record<string, string> = { vrrp_script: 'script', vrrp_track_process: 'process' };

export const undefinedReference: FileRule = {
  id: 'undefined-reference',
  // keepalived drops the reference ("not found, ignoring"): what it ignores is an error.
  severity: 'error',
  description: 'A reference (track_script, track_process, track_file, sync group member, virtual_server group...) to a name defined nowhere.',
  check({ model, report }) {
    // Names whose every definition lacks what keepalived needs: it removes them, then reports
    // each reference as not found.
    const usable = new Set<string>();
    const removed = new Set<string>();
    for (const sym of model.interp.symbols) {
      if (sym.role !== 'definition') continue;
      const needs = REMOVED_WITHOUT[sym.target];
      const key = `${sym.target}\u0000${sym.word.value}`;
      if (needs && !sym.stmt.children?.some((c) => c.keyword.value === needs)) removed.add(key);
      else usable.add(key);
    }
    for (const sym of model.interp.symbols) {
      if (sym.role !== 'reference' || sym.word.value.includes('$')) continue;
      const defined = model.named.get(sym.target);
      const key = `${sym.target}\u0000${sym.word.value}`;
      if (removed.has(key) && !usable.has(key)) {
        report({
          uri: sym.word.uri,
          range: sym.word.range,
          message: `${sym.target} '${sym.word.value}' has no '${REMOVED_WITHOUT[sym.target]}', so keepalived removes it: ${CONSEQUENCE[sym.target] ?? 'keepalived ignores the reference'}.`,
        });
        continue;
      }
      if (defined?.has(sym.word.value)) continue;
      const names = suggest(sym.word.value, defined?.keys() ?? []);
      const w = sym.word;
      report({
        uri: w.uri,
        range: w.range,
        // A missing sync group member only shrinks the group (keepalived names no line for it).
        severity: sym.target === 'vrrp_instance' ? 'warning' : undefined,
        message: `No ${sym.target} named '${w.value}' is defined: ${CONSEQUENCE[sym.target] ?? 'keepalived ignores the reference'}.${names.length ? ` Did you mean '${names[0]}'?` : ''}`,
        fixes: names.map((n, i) => ({ title: `Change to '${n}'`, edits: [{ uri: w.uri, range: w.range, newText: n }], preferred: i === 0 })),
      });
    }
  },
};
