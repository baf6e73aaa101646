import type { FileRule } from './rule';
import { subject, valueIssues } from './value-issues';

export const missingValue: FileRule = {
  id: 'missing-value',
  severity: 'error',
  scope: 'block',
  description: 'A keyword or option without the value it needs.',
  check({ model, report }) {
    for (const li of valueIssues(model, ['missing-value'])) {
      report({
        uri: li.at.uri,
        range: li.at.range,
        message: `${subject(li)} needs a value: ${li.issue.expected ?? 'a value'}. keepalived rejects the line.`,
      });
    }
  },
};
