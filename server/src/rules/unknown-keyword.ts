import type { FileRule } from './rule';
import { lineOf, suggest, where } from './text';

export const unknownKeyword: FileRule = {
  id: 'unknown-keyword',
  severity: 'error',
  description: 'A keyword keepalived does not know in any block.',
  check({ model, schema, report }) {
    for (const s of model.interp.all) {
      if (s.spec || schema.named(s.keyword.value).length > 0) continue;
      const k = s.keyword;
      if (s.displacedBy) {
        report({
          uri: k.uri,
          range: k.range,
          message: `Unknown keyword '${k.value}': keepalived reads this line in ${where(s.path)} because the '{' after '${s.displacedBy.keyword.value}' (line ${lineOf(s.displacedBy)}) did not open a block.`,
          related: [{ uri: s.displacedBy.keyword.uri, range: s.displacedBy.keyword.range, message: 'the block keepalived did not open' }],
        });
        continue;
      }
      const names = suggest(k.value, schema.keywordsAt(s.path).map((x) => x.keyword));
      const hint = names.length ? ` Did you mean '${names[0]}'?` : '';
      report({
        uri: k.uri,
        range: k.range,
        message: `Unknown keyword '${k.value}' in ${where(s.path)}: keepalived reports it and ignores the line.${hint}`,
        fixes: names.map((n, i) => ({
          title: `Change to '${n}'`,
          edits: [{ uri: k.uri, range: k.range, newText: n }],
          preferred: i === 0,
        })),
      });
    }
  },
};
