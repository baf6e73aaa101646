import type { Statement } from '../parser/statements';
import { overlap } from '../parser/conditions';
import type { FileRule } from './rule';
import { blockName } from './text';


export const duplicateKeyword: FileRule = {
  id: 'duplicate-keyword',
  severity: 'warning',
  description: 'A single-valued keyword set twice in one block: keepalived keeps the last.',
  check({ model, report }) {
    const blocks: Statement[][] = [model.statements];
    for (const s of model.interp.all) if (s.children) blocks.push(s.children);
    for (const list of blocks) {
      const seen = new Map<string, Statement[]>();
      for (const s of list) {
        if (!s.spec || s.spec.repeatable || (s.spec.block === 'subkeywords' && s.args.length > 0)) continue;
        const key = s.keyword.value;
        const earlier = seen.get(key) ?? [];
        const clash = earlier.find((e) => overlap(e, s));
        if (clash) {
          report({
            uri: s.keyword.uri,
            range: s.keyword.range,
            message: `'${key}' is already set in ${blockName(s.parent)} (line ${clash.keyword.range.start.line + 1}); keepalived uses this later one.`,
            related: [{ uri: clash.keyword.uri, range: clash.keyword.range, message: `first '${key}'` }],
          });
        }
        earlier.push(s);
        seen.set(key, earlier);
      }
    }
  },
};
