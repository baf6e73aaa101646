import type { FileRule } from './rule';
import { blockName, lineOf } from './text';

export const unbalancedBrace: FileRule = {
  id: 'unbalanced-brace',
  severity: 'error',
  description: "A '}' that closes no block, or a '{' that is never closed.",
  check({ model, report }) {
    for (const brace of model.interp.extraCloses) {
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
      const at = s.open ?? s.keyword;
      // keepalived silently ends the block at the end of the file, so this is not an error there.
      report({
        uri: at.uri,
        range: at.range,
        severity: 'warning',
        message: `The block of '${blockName(s)}' is never closed: keepalived reads everything after it, to the end of the file, inside it. Add the missing '}'.`,
      });
    }
  },
};
