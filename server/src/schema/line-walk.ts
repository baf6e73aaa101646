// Which argument or option each word of a line fills, by a LineSpec: positional arguments, with
// named options allowed anywhere, as keepalived's handlers read them. Validation, completion and
// hover all walk a line with this one function.
import type { ArgSpec, LineSpec, OptionSpec } from './types';

export type WordRole =
  | { kind: 'arg'; arg: ArgSpec; option?: OptionSpec }
  | { kind: 'option'; option: OptionSpec }
  | { kind: 'extra' };

export interface LineWalk {
  roles: WordRole[];
  /** What may come next: argument specs a next word would fill, and options that may start. */
  nextArgs: ArgSpec[];
  nextOptions: OptionSpec[];
  /** Values the line still needs at its end: an option's required value, else the first required argument. */
  missing: { arg: ArgSpec; option?: OptionSpec }[];
}

export function findOption(options: readonly OptionSpec[] | undefined, v: string): OptionSpec | undefined {
  if (!options) return undefined;
  for (const o of options) if (o.name === v || o.aliases?.includes(v)) return o;
  return undefined;
}

/** Where a walk ended: what the next word would fill. */
export interface WalkEnd {
  /** Arguments before `ai` are filled; `args[ai]` is too when it repeats and took a word. */
  ai: number;
  repeatFilled: boolean;
  pending: { option: OptionSpec; k: number } | undefined;
  lastRepeat: { arg: ArgSpec; option?: OptionSpec } | undefined;
}

/**
 * Walks the `n` words of a line (`valueAt(i)`: the i-th word's value) and tells `visit` the role
 * of each, without making a role object per word: validation walks every line of a file.
 * `arg` is set for an argument, `option` for an option word or an option's argument; neither
 * for an extra word.
 */
export function visitLine(
  spec: LineSpec,
  n: number,
  valueAt: (i: number) => string,
  visit: (i: number, arg: ArgSpec | undefined, option: OptionSpec | undefined) => void,
): WalkEnd {
  const args = spec.args;
  const options = spec.options;
  let repeatFilled = false;
  let ai = 0;
  let pending: { option: OptionSpec; k: number } | undefined;
  let lastRepeat: { arg: ArgSpec; option?: OptionSpec } | undefined;
  for (let i = 0; i < n; i++) {
    const v = valueAt(i);
    if (pending) {
      const oa = pending.option.args[pending.k];
      // A required value is taken whatever it is (`table local`); an optional one stops at an option.
      if (!(oa.optional && findOption(options, v))) {
        visit(i, oa, pending.option);
        lastRepeat = oa.repeat ? { arg: oa, option: pending.option } : undefined;
        pending = pending.k + 1 < pending.option.args.length ? { option: pending.option, k: pending.k + 1 } : undefined;
        continue;
      }
      pending = undefined;
    }
    const opt = options ? findOption(options, v) : undefined;
    if (opt) {
      visit(i, undefined, opt);
      lastRepeat = undefined;
      pending = opt.args.length ? { option: opt, k: 0 } : undefined;
      continue;
    }
    if (lastRepeat?.option) {
      visit(i, lastRepeat.arg, lastRepeat.option);
      continue;
    }
    if (ai < args.length) {
      const arg = args[ai];
      visit(i, arg, undefined);
      lastRepeat = arg.repeat ? { arg } : undefined;
      if (arg.repeat) repeatFilled = true;
      else ai++;
      continue;
    }
    visit(i, undefined, undefined);
  }
  return { ai, repeatFilled, pending, lastRepeat };
}

const NONE_MISSING: readonly { arg: ArgSpec; option?: OptionSpec }[] = Object.freeze([]);

/** The values a walk that ended at `end` still needs at the line's end: an option's required value, then the first required argument. */
export function missingAt(spec: LineSpec, end: WalkEnd): readonly { arg: ArgSpec; option?: OptionSpec }[] {
  const { pending, ai, repeatFilled } = end;
  let out: { arg: ArgSpec; option?: OptionSpec }[] | undefined;
  if (pending) {
    const oa = pending.option.args[pending.k];
    if (!oa.optional) out = [{ arg: oa, option: pending.option }];
  }
  const args = spec.args;
  for (let k = ai; k < args.length; k++) {
    if (args[k].optional || (k === ai && repeatFilled)) continue;
    (out ??= []).push({ arg: args[k] });
    break;
  }
  return out ?? NONE_MISSING;
}

export function walkLine(spec: LineSpec, words: readonly string[]): LineWalk {
  const roles: WordRole[] = [];
  const end = visitLine(
    spec,
    words.length,
    (i) => words[i],
    (_, arg, option) => roles.push(arg ? { kind: 'arg', arg, option } : option ? { kind: 'option', option } : { kind: 'extra' }),
  );
  const { pending, lastRepeat, ai } = end;
  const args = spec.args;
  const nextArgs: ArgSpec[] = [];
  let nextOptions: OptionSpec[] = spec.options ? [...spec.options] : [];
  if (pending) {
    const oa = pending.option.args[pending.k];
    nextArgs.push(oa);
    if (!oa.optional) nextOptions = [];
  } else {
    if (lastRepeat) nextArgs.push(lastRepeat.arg);
    for (let k = ai; k < args.length; k++) {
      if (!nextArgs.includes(args[k])) nextArgs.push(args[k]);
      if (!args[k].optional) {
        // Options are offered once the required arguments are there.
        nextOptions = [];
        break;
      }
    }
  }
  return { roles, nextArgs, nextOptions, missing: [...missingAt(spec, end)] };
}
