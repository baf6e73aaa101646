import { overlap } from '../parser/conditions';
import type { SymbolUse } from '../parser/interpreter';
import type { FileRule } from './rule';

/**
 * Kinds whose second definition keepalived reports ("vrrp instance X already defined", "vrrp sync
 * group X already defined", "track_group X already defined", "BFD instance X already configured");
 * the first three it then skips unread (skip_block()). The others (vrrp_script,
 * vrrp_track_process, track_file, virtual_server_group) it keeps silently in its list: every
 * lookup by name finds the first, so the later one is dead.
 */
const REFUSED = new Set(['vrrp_instance', 'vrrp_sync_group', 'track_group', 'bfd_instance']);
const KEEPALIVED_NAME: Record<string, string> = { vrrp_instance: 'vrrp instance', vrrp_sync_group: 'vrrp sync group', track_group: 'track_group' };

export const duplicateDefinition: FileRule = {
  id: 'duplicate-definition',
  severity: 'error',
  scope: 'file',
  description: 'Two vrrp_instance, vrrp_script, sync groups... with the same name.',
  check({ model, report }) {
    const seen = new Map<string, SymbolUse[]>();
    for (const sym of model.interp.symbols) {
      if (sym.role !== 'definition') continue;
      const key = `${sym.target}\u0000${sym.word.value}`;
      const earlier = seen.get(key) ?? [];
      // `@lb1 vrrp_instance VI_1` and `@lb2 vrrp_instance VI_1` never meet on one node.
      const clash = earlier.find((e) => overlap(e.stmt, sym.stmt));
      earlier.push(sym);
      seen.set(key, earlier);
      if (!clash) continue;
      const kind = sym.target;
      const first = clash.word;
      const w = sym.word;
      const refused = REFUSED.has(kind);
      // An empty virtual_server_group is removed with a message of its own (missing-required).
      const emptyGroup = kind === 'virtual_server_group' && !sym.stmt.values?.length;
      if (emptyGroup) continue;
      const said = KEEPALIVED_NAME[kind];
      report({
        uri: w.uri,
        range: w.range,
        severity: refused ? undefined : 'warning',
        message: `${kind} '${w.value}' is already defined on line ${first.range.start.line + 1}${
          sym.stmt.skipped
            ? `: keepalived reports "${said} ${w.value} already defined" and skips this whole block, so nothing in it is used (or checked here)`
            : refused
              ? ''
              : ': keepalived keeps it without a word, but every reference to the name finds the first definition, so this one is never used'
        }.`,
        related: [{ uri: first.uri, range: first.range, message: 'first definition' }],
      });
    }
  },
};
