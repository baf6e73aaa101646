import type { FileRule } from './rule';

export const unmatchedQuote: FileRule = {
  id: 'unmatched-quote',
  severity: 'error',
  scope: 'block',
  description: 'A double quote that is not closed on its line.',
  check({ model, report }) {
    for (const tree of model.interp.trees) {
      for (const w of tree.words) {
        if (w.kind !== 'unterminated') continue;
        report({ uri: w.uri, range: w.range, message: "Unterminated quote: keepalived needs the closing '\"' on the same line." });
      }
    }
  },
};
