// A bound of limits.ts stopped the reading: what was not read or checked, where it stopped.
import type { FileRule } from './rule';

export const limitReached: FileRule = {
  id: 'limit-reached',
  severity: 'warning',
  scope: 'file',
  description:
    'The analysis stopped at one of its limits (file size, included files, include expansions, $NAME/~SEQ/~LST expansion, time budget): the diagnostic says what was not read or checked.',
  check({ model, report }) {
    for (const hit of model.interp.limits) report({ uri: hit.uri, range: hit.range, message: hit.message });
  },
};
