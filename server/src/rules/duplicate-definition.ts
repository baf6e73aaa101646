import { overlap } from '../parser/conditions';
import type { SymbolUse } from '../parser/interpreter';
import type { FileRule } from './rule';

export const duplicateDefinition: FileRule = {
  id: 'duplicate-definition',
  severity: 'error',
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
      report({
        uri: w.uri,
        range: w.range,
        message: `${kind} '${w.value}' is already defined on line ${first.range.start.line + 1}${kind === 'vrrp_instance' ? ': keepalived refuses the configuration' : ''}.`,
        related: [{ uri: first.uri, range: first.range, message: 'first definition' }],
      });
    }
  },
};
