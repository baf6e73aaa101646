// Matches the words of one line against a LineSpec: positional arguments, with named options
// allowed anywhere, as keepalived's handlers read them.
import type { Word } from './syntax';
import { checkValue, describeType } from '../schema/values';
import { missingAt, visitLine } from '../schema/line-walk';
import type { ArgSpec, LineSpec, OptionSpec } from '../schema/types';

export type LineIssueKind = 'missing-value' | 'invalid-value' | 'value-out-of-range' | 'extra-value';

export interface LineIssue {
  kind: LineIssueKind;
  /** The offending word; absent for a missing value (reported on the keyword or option). */
  word?: Word;
  /** The word after which a value is missing. */
  after?: Word;
  arg?: ArgSpec;
  option?: OptionSpec;
  expected?: string;
}

/** What a line without problems reports: one shared array, never written to. */
export const NO_ISSUES: readonly LineIssue[] = Object.freeze([]);

/** A word whose value still holds an unresolved `$NAME` cannot be judged. */
function opaque(w: Word): boolean {
  return w.value.includes('$');
}

/** Receives each word that names or refers to a defined object (its arg type is name or ref). */
export type Binder = (word: Word, arg: ArgSpec) => void;

function checkArg(arg: ArgSpec, w: Word, option?: OptionSpec, bind?: Binder): LineIssue | undefined {
  if (bind && (arg.type.kind === 'name' || arg.type.kind === 'ref')) bind(w, arg);
  if (opaque(w)) return undefined;
  const p = checkValue(arg.type, w.value);
  return p ? { kind: p.kind, word: w, arg, option, expected: p.expected } : undefined;
}

/**
 * matchLine() for a spec without named options (most keywords): each word fills the next
 * argument (a repeating one takes the rest), with no walk callbacks; visitLine() and missingAt()
 * give the same roles and the same missing value.
 */
function matchPositional(spec: LineSpec, words: readonly Word[], head: Word | undefined, bind?: Binder): LineIssue[] {
  let issues: LineIssue[] | undefined;
  const args = spec.args;
  let ai = 0;
  let repeatFilled = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (ai < args.length) {
      const arg = args[ai];
      const issue = checkArg(arg, w, undefined, bind);
      if (issue) (issues ??= []).push(issue);
      if (arg.repeat) repeatFilled = true;
      else ai++;
    } else if (!opaque(w)) (issues ??= []).push({ kind: 'extra-value', word: w });
  }
  for (let k = ai; k < args.length; k++) {
    const arg = args[k];
    if (arg.optional || (k === ai && repeatFilled)) continue;
    const after = words[words.length - 1] ?? head;
    (issues ??= []).push({ kind: 'missing-value', after, arg, option: undefined, expected: describeType(arg.type) });
    break;
  }
  return issues ?? (NO_ISSUES as LineIssue[]);
}

/** `head` is the word the line's values follow (the keyword), for missing-value positions. */
export function matchLine(spec: LineSpec, words: readonly Word[], head: Word | undefined, bind?: Binder): LineIssue[] {
  if (!spec.options) return matchPositional(spec, words, head, bind);
  let issues: LineIssue[] | undefined;
  // Every line of a file is matched: the walk visits the words in place, with no role objects.
  const end = visitLine(
    spec,
    words.length,
    (i) => words[i].value,
    (i, arg, option) => {
      const w = words[i];
      const issue = arg ? checkArg(arg, w, option, bind) : !option && !opaque(w) ? { kind: 'extra-value' as const, word: w } : undefined;
      if (issue) (issues ??= []).push(issue);
    },
  );
  const missing = missingAt(spec, end);
  if (missing.length) {
    const after = words[words.length - 1] ?? head;
    for (const m of missing) (issues ??= []).push({ kind: 'missing-value', after, arg: m.arg, option: m.option, expected: describeType(m.arg.type) });
  }
  return issues ?? (NO_ISSUES as LineIssue[]);
}

/** The form keepalived's reading fits a line to, and the line's issues against it. */
export interface FormMatch {
  form: LineSpec;
  issues: LineIssue[];
}

/** The best-matching form (the first without issues, else the one with the fewest) and its issues. */
export function matchForms(forms: readonly LineSpec[], words: readonly Word[], head: Word | undefined, bind?: Binder): FormMatch | undefined {
  let best: FormMatch | undefined;
  for (const form of forms) {
    const issues = matchLine(form, words, head);
    if (!best || score(issues) < score(best.issues)) best = { form, issues };
    if (issues.length === 0) break;
  }
  if (bind && best) matchLine(best.form, words, head, bind);
  return best;
}

/**
 * How badly a form fits: a word the form cannot take costs most, a value not yet written less (the
 * line may be half typed: `virtual_server fwmark` is the fwmark form, missing its MARK), an extra
 * word least.
 */
function score(issues: LineIssue[]): number {
  let s = 0;
  for (const i of issues) s += i.kind === 'extra-value' ? 1 : i.kind === 'missing-value' ? 2 : 3;
  return s;
}
