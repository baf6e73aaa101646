import type { FileRule } from './rule';

export const unexpectedBlock: FileRule = {
  id: 'unexpected-block',
  severity: 'error',
  scope: 'block',
  description: "A '{' after a keyword that opens no block: keepalived ignores it and misreads what follows.",
  check({ model, report }) {
    for (const { brace, after } of model.interp.unexpectedOpens) {
      const what = after
        ? after.spec
          ? `'${after.keyword.value}' does not open a block`
          : `'${after.keyword.value}' is not a keyword keepalived knows here`
        : 'no keyword comes before it';
      report({
        uri: brace.uri,
        range: brace.range,
        message: `Unexpected '{': ${what}. keepalived ignores the '{', reads the lines inside at the current level, and its '}' ends the enclosing block.`,
      });
    }
  },
};
