import type { FileRule } from './rule';

export const includeNotFound: FileRule = {
  id: 'include-not-found',
  severity: 'warning',
  scope: 'block',
  description: 'An include whose pattern matches no file.',
  check({ model, report }) {
    for (const inc of model.interp.includes) {
      if (inc.targets.length > 0 || inc.truncated || inc.pattern.includes('$')) continue;
      const at = inc.words.length ? { start: inc.words[0].range.start, end: inc.words[inc.words.length - 1].range.end } : inc.keyword.range;
      report({
        uri: inc.keyword.uri,
        range: at,
        // A bare include is an unknown keyword to keepalived, which then refuses the configuration.
        severity: inc.pattern ? undefined : 'error',
        message: inc.pattern
          ? `No file matches '${inc.pattern}': keepalived includes nothing here.`
          : `'${inc.keyword.value}' needs a file name or pattern.`,
      });
    }
  },
};
