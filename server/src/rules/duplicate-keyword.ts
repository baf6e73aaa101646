import type { Statement } from '../parser/statements';
import { overlap } from '../parser/conditions';
import type { FileRule, Reporter } from './rule';
import { blockName } from './text';

/** A statement whose keyword may be set once per block (the ones this rule compares). */
function singleValued(s: Statement): boolean {
  return !!s.spec && !s.spec.repeatable && !(s.spec.block === 'subkeywords' && s.args.length > 0);
}

function reportClash(s: Statement, clash: Statement, report: Reporter): void {
  const key = s.keyword.value;
  report({
    uri: s.keyword.uri,
    range: s.keyword.range,
    message: `'${key}' is already set in ${blockName(s.parent)} (line ${clash.keyword.range.start.line + 1}); keepalived uses this later one.`,
    related: [{ uri: clash.keyword.uri, range: clash.keyword.range, message: `first '${key}'` }],
  });
}

/** Blocks up to this many lines are compared pairwise (no map made per block: a file has thousands). */
const SMALL_BLOCK = 32;

/** Reports each keyword of `list` set again where an earlier one applies too. */
function duplicatesIn(list: readonly Statement[], report: Reporter): void {
  if (list.length < 2) return;
  if (list.length <= SMALL_BLOCK) {
    for (let j = 1; j < list.length; j++) {
      const s = list[j];
      if (!singleValued(s)) continue;
      const key = s.keyword.value;
      for (let i = 0; i < j; i++) {
        const e = list[i];
        if (e.keyword.value === key && singleValued(e) && overlap(e, s)) {
          reportClash(s, e, report);
          break;
        }
      }
    }
    return;
  }
  const seen = new Map<string, Statement[]>();
  for (const s of list) {
    if (!singleValued(s)) continue;
    const key = s.keyword.value;
    const earlier = seen.get(key) ?? [];
    const clash = earlier.find((e) => overlap(e, s));
    if (clash) reportClash(s, clash, report);
    earlier.push(s);
    seen.set(key, earlier);
  }
}

export const duplicateKeyword: FileRule = {
  id: 'duplicate-keyword',
  severity: 'warning',
  scope: 'block',
  description: 'A single-valued keyword set twice in one block: keepalived keeps the last.',
  // Inside a block: the block's own lines.
  check({ model, report }) {
    for (const s of model.interp.all) if (s.children) duplicatesIn(s.children, report);
  },
  // At the top level: two global_defs (or any top-level keyword) anywhere in the file.
  checkFile({ model, report }) {
    duplicatesIn(model.statements, report);
  },
};
