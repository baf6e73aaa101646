import { replaceWordFix } from './word-edit';
import { targetHas } from '../schema/version';
import type { FileRule } from './rule';

export const deprecatedKeyword: FileRule = {
  id: 'deprecated-keyword',
  severity: 'warning',
  scope: 'block',
  description: 'A keyword keepalived still accepts but has deprecated or renamed.',
  check({ model, schema, target, report }) {
    for (const s of model.interp.all) {
      const dep = s.spec?.deprecated;
      // A keyword the target release does not know is an unknown keyword there; a replacement it does not know is no advice.
      if (!dep || !targetHas(target, s.spec?.since)) continue;
      const replacement = dep.replacement ? schema.lookup(s.path, dep.replacement) : undefined;
      if (replacement && !targetHas(target, replacement.since)) continue;
      const k = s.keyword;
      const instead = dep.replacement ? ` Use '${dep.replacement}' instead.` : '';
      const note = dep.note ? ` ${dep.note}` : '';
      // Offer the rename only where the replacement is a keyword of the same block.
      const single = dep.replacement && schema.lookup(s.path, dep.replacement) !== undefined;
      report.at(
        k,
        `'${k.value}' is deprecated.${instead}${note}`,
        single ? replaceWordFix(k, `Replace with '${dep.replacement}'`, dep.replacement as string) : undefined,
        { tags: ['deprecated'] },
      );
    }
  },
};
