import type { Fix } from './finding';
import { targetHas, targetName } from '../schema/version';
import { lazyReport, type FileRule } from './rule';
import { wordEdit } from './word-edit';
import { lineOf, suggest, where } from './text';

/** Characters that look blank (or invisible) but that keepalived reads as part of a word. */
const LOOKS_BLANK = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
const INVISIBLE = /[\ufeff\u200b-\u200d\u2060]/g;

function codePoint(c: string): string {
  return `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export const unknownKeyword: FileRule = {
  id: 'unknown-keyword',
  severity: 'error',
  scope: 'block',
  description: 'A keyword keepalived does not know in any block.',
  check({ model, schema, target, report }) {
    for (const s of model.interp.all) {
      if (s.spec && !targetHas(target, s.spec.since)) {
        const k = s.keyword;
        report({
          uri: k.uri,
          range: k.range,
          message: `${targetName(target)} does not know '${k.value}' (added in keepalived ${s.spec.since}): it reports "Unknown keyword '${k.value}'" and ignores the line. Set keepalived.targetVersion (--target-version) if the nodes run ${s.spec.since} or later.`,
        });
        continue;
      }
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
      // A non-breaking space or a byte order mark pasted into the line: keepalived sees one word.
      const odd = k.value.match(LOOKS_BLANK) ?? k.value.match(INVISIBLE);
      if (odd && !k.origin) {
        const cleaned = k.text.replace(LOOKS_BLANK, ' ').replace(INVISIBLE, '');
        report({
          uri: k.uri,
          range: k.range,
          message: `Unknown keyword '${k.value.replace(LOOKS_BLANK, ' ').replace(INVISIBLE, '')}' in ${where(s.path)}: it contains ${codePoint(odd[0])}, an invisible character keepalived does not take as a blank, so it reads one unknown word and ignores the line.`,
          fixes: [{ title: `Remove ${codePoint(odd[0])}`, edits: [{ uri: k.uri, range: k.range, newText: cleaned }], preferred: true }],
        });
        continue;
      }
      const path = s.path;
      report(
        lazyReport({ uri: k.uri, range: k.range }, () => {
          const names = suggest(k.value, schema.keywordsAt(path).map((x) => x.keyword));
          const hint = names.length ? ` Did you mean '${names[0]}'?` : '';
          const fixes: Fix[] = names.flatMap((n, i) => {
            const e = wordEdit(k, n);
            return e ? [{ title: `Change to '${n}'`, edits: [e], preferred: i === 0 }] : [];
          });
          return { message: `Unknown keyword '${k.value}' in ${where(path)}: keepalived reports it and ignores the line.${hint}`, fixes };
        }),
      );
    }
  },
};
