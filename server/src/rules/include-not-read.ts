// An include matched files that are not read: special files, files over the size limit, files
// that are no keepalived configuration (/etc/passwd, a process environment), or files outside the
// workspace in an untrusted workspace. One diagnostic on the include line; the file's contents
// are never quoted.
import type { FileRule } from './rule';
import { refusalText, type Refusal } from '../workspace/refusal';
import { uriBasename } from '../workspace/uri';

export const includeNotRead: FileRule = {
  id: 'include-not-read',
  severity: 'warning',
  scope: 'block',
  description:
    'An included file that is not read: not a regular file, under /proc, /sys or /dev, over the size limit, not a keepalived configuration, or outside the workspace folders of an untrusted workspace.',
  check({ model, report }) {
    for (const inc of model.interp.includes) {
      if (!inc.refused.length) continue;
      const at = inc.words.length ? { start: inc.words[0].range.start, end: inc.words[inc.words.length - 1].range.end } : inc.keyword.range;
      const first = inc.refused[0];
      const more = inc.refused.length > 1 ? ` (and ${inc.refused.length - 1} more file${inc.refused.length > 2 ? 's' : ''} not read)` : '';
      report({
        uri: inc.keyword.uri,
        range: at,
        message: `'${uriBasename(first.uri)}' is not read: ${refusalText(first.reason as Refusal, first.size)}${more}.`,
      });
    }
  },
};
