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

export function walkLine(spec: LineSpec, words: readonly string[]): LineWalk {
  const roles: WordRole[] = [];
  const args = spec.args;
  // Arguments before `ai` are filled; `args[ai]` is too when it repeats and took a word.
  let repeatFilled = false;
  let ai = 0;
  let pending: { option: OptionSpec; k: number } | undefined;
  let lastRepeat: { arg: ArgSpec; option?: OptionSpec } | undefined;
  for (let i = 0; i < words.length; i++) {
    const v = words[i];
    if (pending) {
      const oa = pending.option.args[pending.k];
      // A required value is taken whatever it is (`table local`); an optional one stops at an option.
      if (!(oa.optional && findOption(spec.options, v))) {
        roles.push({ kind: 'arg', arg: oa, option: pending.option });
        lastRepeat = oa.repeat ? { arg: oa, option: pending.option } : undefined;
        pending = pending.k + 1 < pending.option.args.length ? { option: pending.option, k: pending.k + 1 } : undefined;
        continue;
      }
      pending = undefined;
    }
    const opt = findOption(spec.options, v);
    if (opt) {
      roles.push({ kind: 'option', option: opt });
      lastRepeat = undefined;
      pending = opt.args.length ? { option: opt, k: 0 } : undefined;
      continue;
    }
    if (lastRepeat?.option) {
      roles.push({ kind: 'arg', arg: lastRepeat.arg, option: lastRepeat.option });
      continue;
    }
    if (ai < args.length) {
      roles.push({ kind: 'arg', arg: args[ai] });
      lastRepeat = args[ai].repeat ? { arg: args[ai] } : undefined;
      if (args[ai].repeat) repeatFilled = true;
      else ai++;
      continue;
    }
    roles.push({ kind: 'extra' });
  }
  const nextArgs: ArgSpec[] = [];
  const missing: LineWalk['missing'] = [];
  let nextOptions: OptionSpec[] = spec.options ? [...spec.options] : [];
  if (pending) {
    const oa = pending.option.args[pending.k];
    nextArgs.push(oa);
    if (!oa.optional) {
      nextOptions = [];
      missing.push({ arg: oa, option: pending.option });
    }
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
  for (let k = ai; k < args.length; k++) {
    if (args[k].optional || (k === ai && repeatFilled)) continue;
    missing.push({ arg: args[k] });
    break;
  }
  return { roles, nextArgs, nextOptions, missing };
}
