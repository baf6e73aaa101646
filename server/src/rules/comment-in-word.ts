import type { FileRule } from './rule';

export const commentInWord: FileRule = {
  id: 'comment-in-word',
  severity: 'warning',
  scope: 'block',
  description: "A '#' or '!' written right after a word: keepalived starts a comment there and drops the rest of the line.",
  check({ model, report }) {
    for (const tree of model.interp.trees) {
      for (const c of tree.comments) {
        const before = tree.text[c.start - 1];
        if (c.start === 0 || before === undefined || /[ \t\f\v\r\n{}]/.test(before)) continue;
        if (!c.text.slice(1).trim()) continue;
        const at = { start: c.range.start, end: { line: c.range.start.line, character: c.range.start.character + 1 } };
        report({
          uri: tree.uri,
          range: at,
          // The text around it is not quoted: it may be a password.
          message: `keepalived starts a comment at this '${c.text[0]}' and drops the rest of the line, although no blank comes before it. Write '\\${c.text[0]}', or quote the value, to keep it.`,
          fixes: [{ title: `Escape the '${c.text[0]}'`, edits: [{ uri: tree.uri, range: { start: c.range.start, end: c.range.start }, newText: '\\' }], preferred: true }],
        });
      }
    }
  },
};
