import { closeBefore } from './close-brace';
import type { FileRule } from './rule';
import { blockName, lineOf, where } from './text';

export const misplacedKeyword: FileRule = {
  id: 'misplaced-keyword',
  severity: 'error',
  scope: 'block',
  description: 'A known keyword in a block where keepalived does not accept it (e.g. priority in global_defs).',
  check({ model, schema, report }) {
    for (const s of model.interp.all) {
      if (s.spec) continue;
      const homes = schema.named(s.keyword.value);
      if (homes.length === 0) continue;
      const k = s.keyword;
      const belongs = [...new Set(homes.map((h) => where(h.path)))].slice(0, 3).join(', ');
      let why = '';
      let fix;
      if (s.displacedBy) {
        why = ` keepalived reads it there because the '{' after '${s.displacedBy.keyword.value}' (line ${lineOf(s.displacedBy)}) did not open a block.`;
      } else if (s.parent && homes.some((h) => h.path === '')) {
        why = ` Is a '}' missing before it, to close '${blockName(s.parent)}'?`;
        fix = closeBefore(model, s.parent, s);
      }
      report({
        uri: k.uri,
        range: k.range,
        message: `'${k.value}' is not valid in ${where(s.path)}; it belongs in ${belongs}. keepalived rejects it as an unknown keyword.${why}`,
        related: s.displacedBy
          ? [{ uri: s.displacedBy.keyword.uri, range: s.displacedBy.keyword.range, message: 'the block keepalived did not open' }]
          : undefined,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
