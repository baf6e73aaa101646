import { AUTH_PASS_MAX } from '../model/effective';
import type { FileRule } from './rule';

export const authPassTruncated: FileRule = {
  id: 'auth-pass-truncated',
  severity: 'warning',
  scope: 'block',
  description: 'An auth_pass longer than 8 characters: keepalived uses only the first 8.',
  check({ model, report }) {
    for (const inst of model.instances) {
      const pass = inst.authentication?.pass;
      if (!pass || pass.value.length <= AUTH_PASS_MAX) continue;
      const w = pass.word;
      const quote = w.kind === 'quoted' ? '"' : '';
      // The password itself is never echoed: messages end up in CI logs.
      report.at(
        w,
        `auth_pass of ${inst.name} is ${pass.value.length} characters long; keepalived truncates it to the first ${AUTH_PASS_MAX}, so only those must match on the peers.`,
        w.origin ? undefined : [{ title: `Truncate auth_pass to ${AUTH_PASS_MAX} characters`, edits: [{ uri: w.uri, range: w.range, newText: quote + pass.value.slice(0, AUTH_PASS_MAX) + quote }], preferred: true }],
      );
    }
  },
};
