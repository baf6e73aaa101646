import type { Word } from '../parser/syntax';
import type { FileRule } from './rule';

const line = (w: Word) => w.range.start.line + 1;

export const missingBlock: FileRule = {
  id: 'missing-block',
  severity: 'error',
  scope: 'block',
  description: "A block keyword (vrrp_instance, virtual_ipaddress...) without its '{', and the lines keepalived then reads at the top level.",
  check({ model, report }) {
    const { missingOpens, topLevelReads, extraCloses } = model.interp;
    const cascades = new Map<Word, number>();
    for (const r of topLevelReads) cascades.set(r.cause, (cascades.get(r.cause) ?? 0) + 1);
    for (const s of missingOpens) {
      const values = s.spec?.block === 'values';
      const k = s.keyword;
      const topLevel = s.path === '';
      const count = cascades.get(k) ?? 0;
      const last = s.args[s.args.length - 1] ?? k;
      const owner = values ? 'its values' : 'its keywords';
      const others = !count
        ? ''
        : topLevel
          ? ` keepalived's other processes skip '${k.value}' as a keyword without a block and read the ${count} line(s) after it at the top level, reporting each one (Unknown keyword, Unexpected '{', Extra '}' found).`
          : ` keepalived's other processes skip the enclosing block by counting braces, so they stop at this block's '}' and read the ${count} line(s) after it at the top level, reporting each one.`;
      report({
        uri: k.uri,
        range: k.range,
        // keepalived only logs a value block's missing '{' (no configuration error); the lines its other processes then misread are errors.
        severity: values ? 'warning' : undefined,
        message:
          `'${k.value}' opens a block but no '{' follows on its line: keepalived ${values ? `logs "'{' missing from beginning of block ${k.value}"` : `reports "Missing '{' at beginning of configuration block" on the next line`}. ` +
          `The process that owns the block still reads the lines up to the next '}' as ${owner}.${others} Put '{' at the end of the line.`,
        fixes: last.origin ? undefined : [{ title: "Add the '{'", edits: [{ uri: last.uri, range: { start: last.range.end, end: last.range.end }, newText: ' {' }], preferred: true }],
      });
    }
    for (const r of topLevelReads) {
      const what =
        r.kind === 'keyword'
          ? `Unknown keyword '${r.word.value}'`
          : r.kind === 'open'
            ? "Unexpected '{'"
            : `${extraCloses.includes(r.word) ? "Extra '}' found, and " : ''}Unknown keyword '}'`;
      report({
        uri: r.word.uri,
        range: r.word.range,
        message: `${what} at the top level: keepalived's other processes read this line there because '${r.cause.value}' (line ${line(r.cause)}) has no '{'.`,
        related: [{ uri: r.cause.uri, range: r.cause.range, message: "the block keyword without '{'" }],
      });
    }
  },
};
