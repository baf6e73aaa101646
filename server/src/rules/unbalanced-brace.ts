import type { FileRule } from './rule';
import { blockName, lineOf } from './text';

export const unbalancedBrace: FileRule = {
  id: 'unbalanced-brace',
  severity: 'error',
  description: "A '}' that closes no block, or a '{' that is never closed.",
  check({ model, report }) {
    // An extra '}' that a missing '{' caused is reported with that cascade (missing-block).
    const cascade = new Set(model.interp.topLevelReads.map((r) => r.word));
    for (const brace of model.interp.extraCloses) {
      if (cascade.has(brace)) continue;
      report({ uri: brace.uri, range: brace.range, message: "Extra '}': no block is open here. keepalived reports it and ignores it." });
    }
    for (const { brace, cause } of model.interp.displacedCloses) {
      const why = cause
        ? ` because the '{' after '${cause.keyword.value}' (line ${lineOf(cause)}) did not open a block`
        : '';
      report({
        uri: brace.uri,
        range: brace.range,
        message: `keepalived reads this '}' at the top level${why}, and rejects it as an unknown keyword '}'.`,
        related: cause ? [{ uri: cause.keyword.uri, range: cause.keyword.range, message: 'the block keepalived did not open' }] : undefined,
      });
    }
    for (const s of model.interp.unclosed) {
      // A block without its `{` is balanced as keepalived counts braces: it reports the missing `{` only (missing-block).
      if (!s.open) continue;
      const at = s.open ?? s.keyword;
      // keepalived: "There are 1 missing '}'s or extra '{'s", and `keepalived -t` exits with status 5 (a configuration error).
      report({
        uri: at.uri,
        range: at.range,
        message: `The block of '${blockName(s)}' is never closed: keepalived reports "missing '}'s or extra '{'s", reads everything after it, to the end of the file, inside it, and 'keepalived -t' fails. Add the missing '}'.`,
      });
    }
  },
};
