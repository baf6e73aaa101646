import type { FileRule } from './rule';

export const unexpandedParameter: FileRule = {
  id: 'unexpanded-parameter',
  severity: 'error',
  scope: 'block',
  description: "A defined $NAME that keepalived does not replace because a character other than a blank, ',' or ')' follows it; a ${NAME} with no definition, whose braces keepalived then reads as braces.",
  check({ model, report }) {
    for (const { word, name } of model.interp.unexpanded) {
      if (word.origin) continue;
      const at = word.text.indexOf(`$${name}`);
      const start = { line: word.range.start.line, character: word.range.start.character + at };
      const range = { start, end: { line: start.line, character: start.character + name.length + 1 } };
      report({
        uri: word.uri,
        range,
        message: `keepalived does not replace $${name} here, because '${word.text[at + name.length + 1]}' follows it: it reads '${word.value}' as written. Write \${${name}} instead.`,
        fixes: [{ title: `Write \${${name}}`, edits: [{ uri: word.uri, range, newText: `\${${name}}` }], preferred: true }],
      });
    }
    for (const { word, name } of model.interp.undefinedParameters) {
      const at = word.text.indexOf(`\${${name}`);
      const start = { line: word.range.start.line, character: word.range.start.character + at };
      const end = { line: start.line, character: start.character + word.text.indexOf('}', at) + 1 - at };
      report({
        uri: word.uri,
        range: { start, end },
        message: `\${${name}} is not defined (no $${name}= line before it): keepalived leaves it as written and splits the line at its braces, so '{' opens nothing, '${name}' is an unknown keyword and its '}' ends the enclosing block. Define $${name}= above, or, if this file is a template (envsubst), check the rendered file.`,
      });
    }
  },
};
