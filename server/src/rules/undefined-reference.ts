import { replaceWordFix } from './word-edit';
import type { Word } from '../parser/syntax';
import { lazyReport, type FileRule } from './rule';
import { uriBasename } from '../workspace/uri';
import { suggest } from './text';

const CONSEQUENCE: Record<string, string> = {
  vrrp_script: 'keepalived ignores the tracking, so a failing check will not move the VIP',
  vrrp_instance: 'keepalived leaves it out of the group',
  vrrp_track_process: 'keepalived ignores the tracking',
  track_file: 'keepalived ignores the tracking',
  bfd_instance: 'keepalived ignores the tracking',
  virtual_server_group: 'keepalived drops the virtual server',
};

/**
 * Kinds keepalived looks up when it reads the reference (alloc_track_script, vrrp_alloc_track_file,
 * track process/bfd, track_group options, BFD_CHECK name): a definition further down the
 * configuration is not there yet, and keepalived reports "track script X not found, ignoring...".
 * Sync group members and virtual_server_group names are resolved once everything is read.
 */
const LOOKED_UP_AT_ONCE = new Set(['vrrp_script', 'track_file', 'vrrp_track_process', 'bfd_instance', 'track_group']);

/** Definitions keepalived removes when they lack this keyword (see missing-required). */
const REMOVED_WITHOUT: Record<string, string> = { vrrp_script: 'script', vrrp_track_process: 'process', track_file: 'file' };


export const undefinedReference: FileRule = {
  id: 'undefined-reference',
  // keepalived drops the reference ("not found, ignoring"): what it ignores is an error.
  severity: 'error',
  scope: 'file',
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
    // An include that matched no file here may well exist on the node and define the name.
    const unread = model.interp.includes.find((i) => i.pattern && i.targets.length === 0);
    // Symbols come in keepalived's reading order (included files in place): where each name is first defined.
    const firstDefinition = new Map<string, { index: number; word: Word }>();
    model.interp.symbols.forEach((sym, index) => {
      const key = `${sym.target}\u0000${sym.word.value}`;
      if (sym.role === 'definition' && !firstDefinition.has(key)) firstDefinition.set(key, { index, word: sym.word });
    });
    for (const [index, sym] of model.interp.symbols.entries()) {
      if (sym.role !== 'reference' || sym.word.value.includes('$')) continue;
      const defined = model.named.get(sym.target);
      const key = `${sym.target}\u0000${sym.word.value}`;
      const first = firstDefinition.get(key);
      if (first && first.index > index && LOOKED_UP_AT_ONCE.has(sym.target)) {
        const at = first.word.uri === sym.word.uri ? `line ${first.word.range.start.line + 1}` : `line ${first.word.range.start.line + 1} of ${uriBasename(first.word.uri)}`;
        report({
          uri: sym.word.uri,
          range: sym.word.range,
          message: `${sym.target} '${sym.word.value}' is defined only further down (${at}): keepalived looks the name up as it reads this line and does not find it yet: ${CONSEQUENCE[sym.target] ?? 'keepalived ignores the reference'}. Define it above its first use.`,
          related: [{ uri: first.word.uri, range: first.word.range, message: 'the definition, read too late' }],
        });
        continue;
      }
      if (removed.has(key) && !usable.has(key)) {
        report({
          uri: sym.word.uri,
          range: sym.word.range,
          message: `${sym.target} '${sym.word.value}' has no '${REMOVED_WITHOUT[sym.target]}', so keepalived removes it: ${CONSEQUENCE[sym.target] ?? 'keepalived ignores the reference'}.`,
        });
        continue;
      }
      if (defined?.has(sym.word.value)) continue;
      const w = sym.word;
      const target = sym.target;
      report(
        lazyReport(
          // A missing sync group member only shrinks the group (keepalived names no line for it).
          { uri: w.uri, range: w.range, severity: target === 'vrrp_instance' || unread ? 'warning' : undefined },
          () => {
            const names = suggest(w.value, defined?.keys() ?? []);
            return {
              message:
                `No ${target} named '${w.value}' is defined${unread ? ` here (unless in '${unread.pattern}', line ${unread.keyword.range.start.line + 1}, which matches no file here)` : ''}: ` +
                `${CONSEQUENCE[target] ?? 'keepalived ignores the reference'}.${names.length ? ` Did you mean '${names[0]}'?` : ''}`,
              fixes: names.flatMap((n, i) => replaceWordFix(w, `Change to '${n}'`, n, i === 0)),
            };
          },
        ),
      );
    }
  },
};
