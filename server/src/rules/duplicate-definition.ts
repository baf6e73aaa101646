import type { FileRule } from './rule';

export const duplicateDefinition: FileRule = {
  id: 'duplicate-definition',
  severity: 'error',
  description: 'Two vrrp_instance, vrrp_script, sync groups... with the same name.',
  check({ model, report }) {
    for (const [kind, byName] of model.named) {
      for (const [name, words] of byName) {
        if (words.length < 2) continue;
        const [first, ...rest] = words;
        for (const w of rest) {
          report({
            uri: w.uri,
            range: w.range,
            message: `${kind} '${name}' is already defined on line ${first.range.start.line + 1}${kind === 'vrrp_instance' ? ': keepalived refuses the configuration' : ''}.`,
            related: [{ uri: first.uri, range: first.range, message: 'first definition' }],
          });
        }
      }
    }
  },
};
