import type { FileRule } from './rule';
import { subject, valueIssues, skippedBlockNote } from './value-issues';

export const valueOutOfRange: FileRule = {
  id: 'value-out-of-range',
  severity: 'error',
  description: 'A number (or length) outside the range keepalived accepts.',
  check({ model, report }) {
    for (const li of valueIssues(model, ['value-out-of-range'])) {
      report({
        uri: li.at.uri,
        range: li.at.range,
        message: `'${li.at.value}' is out of range for ${subject(li)}: expected ${li.issue.expected}. keepalived rejects it${li.issue.arg?.type.kind === 'integer' || li.issue.arg?.type.kind === 'decimal' ? ' and keeps the default' : ''}.${skippedBlockNote(li)}`,
      });
    }
  },
};
