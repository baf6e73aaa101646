import type { Fix } from './finding';
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
  scope: 'block',
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
        fixes: closeFixes(model, s),
      });
    }
  },
};
