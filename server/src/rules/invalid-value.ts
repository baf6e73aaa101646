import type { FileRule } from './rule';
import { subject, valueIssues } from './value-issues';

export const invalidValue: FileRule = {
  id: 'invalid-value',
  severity: 'error',
  description: 'A value of the wrong type: not a number, not one of the allowed words, not an IP address.',
  check({ model, report }) {
    for (const li of valueIssues(model, ['invalid-value', 'extra-value'])) {
      const w = li.at;
      if (li.issue.kind === 'extra-value') {
        report({
          uri: w.uri,
          range: w.range,
          severity: 'warning',
          message: `Unexpected '${w.value}' after '${li.stmt.keyword.value}'${li.line ? ' entry' : ''}: keepalived does not use it.`,
          tags: ['unnecessary'],
        });
        continue;
      }
      report({
        uri: w.uri,
        range: w.range,
        message: `Invalid value '${w.value}' for ${subject(li)}: expected ${li.issue.expected}.`,
      });
    }
  },
};
