import type { Fix } from '../analysis/finding';
import type { ConfigModel } from '../model/types';
import type { Statement } from '../parser/statements';
import { closeAtEnd, closeBefore } from './close-brace';
import type { FileRule } from './rule';
import { blockName, lineOf } from './text';

/**
 * Fixes for a block that is never closed, each a pure insertion of one '}' line: before the first
 * line indented no deeper than the block's own keyword (where the user most likely meant it to
 * end), and at the end of the file (what keepalived itself assumes).
 */
function closeFixes(model: ConfigModel, s: Statement): Fix[] {
  const open = s.open;
  if (!open) return [];
  const next = (s.children ?? []).find(
    (c) => c.keyword.uri === s.keyword.uri && c.keyword.range.start.line > open.range.start.line && c.keyword.range.start.character <= s.keyword.range.start.character,
  );
  const before = next ? closeBefore(model, s, next) : undefined;
  const atEnd = closeAtEnd(model, s);
  if (atEnd) atEnd.preferred = !before;
  return [before, atEnd].filter((f): f is Fix => f !== undefined);
}

export const unbalancedBrace: FileRule = {
  id: 'unbalanced-brace',
  severity: 'error',
  description: "A '}' that closes no block (error), or a '{' that is never closed (warning: keepalived ends the block at the end of the file).",
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
        fixes: closeFixes(model, s),
      });
    }
  },
};
