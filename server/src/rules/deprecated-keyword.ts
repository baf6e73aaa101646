import { replaceWordFix } from './word-edit';
import type { FileRule } from './rule';

export const deprecatedKeyword: FileRule = {
  id: 'deprecated-keyword',
  severity: 'warning',
  description: 'A keyword keepalived still accepts but has deprecated or renamed.',
  check({ model, schema, report }) {
    for (const s of model.interp.all) {
      const dep = s.spec?.deprecated;
      if (!dep) continue;
      const k = s.keyword;
      const instead = dep.replacement ? ` Use '${dep.replacement}' instead.` : '';
      const note = dep.note ? ` ${dep.note}` : '';
      // Offer the rename only where the replacement is a keyword of the same block.
      const single = dep.replacement && schema.lookup(s.path, dep.replacement) !== undefined;
      report({
        uri: k.uri,
        range: k.range,
        message: `'${k.value}' is deprecated.${instead}${note}`,
        tags: ['deprecated'],
        fixes: single ? replaceWordFix(k, `Replace with '${dep.replacement}'`, dep.replacement as string) : undefined,
      });
    }
  },
};
