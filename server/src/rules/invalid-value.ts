import type { FileRule } from './rule';
import { subject, valueIssues } from './value-issues';

/** Keywords whose words are secrets: messages never quote them (they end up in CI logs). */
const SECRETS = new Set(['vrrp_instance/authentication auth_pass', 'vrrp_instance/auth_hmac key', 'SSL password']);

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
          message: SECRETS.has(`${li.stmt.path} ${li.stmt.keyword.value}`)
            ? `Unexpected word after '${li.stmt.keyword.value}': keepalived uses only the first word (a value with spaces must be quoted).`
            : `Unexpected '${w.value}' after '${li.stmt.keyword.value}'${li.line ? ' entry' : ''}: keepalived does not use it.`,
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
