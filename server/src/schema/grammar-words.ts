// The word lists the TextMate grammar (syntaxes/build-grammar.mjs) highlights, read from the
// schema so that the editor's colours and the analyzer agree on what a keyword or a value is.
import { INCLUDE_KEYWORDS, PREDEFINED_DEFINITIONS } from './directives';
import { SCHEMA } from './index';
import type { ArgSpec, LineSpec, OptionSpec, RefTarget } from './types';
import { BOOLEAN_WORDS } from './values';

export interface GrammarWords {
  /** Keywords that open a `{ }` block somewhere. */
  blockKeywords: string[];
  /** Every other keyword. */
  plainKeywords: string[];
  /** Blocks whose first argument names an object other blocks refer to (vrrp_instance NAME...). */
  namedSections: string[];
  /** The named blocks that are trackers: a `track_*` block lists their names (vrrp_script NAME...). */
  namedTrackers: string[];
  /** The words of every enumerated value (MASTER, PASS, rr, inet6...). */
  enumValues: string[];
  booleans: string[];
  /** Options of the lines of address, route and rule blocks (dev, scope, via, table...). */
  ipOptions: string[];
  includeKeywords: string[];
  predefinedDefinitions: string[];
}

const sorted = (s: Iterable<string>) => [...new Set(s)].sort();

function lineSpecs(spec: (typeof SCHEMA.all)[number]): LineSpec[] {
  return [{ args: spec.args, options: spec.options }, ...(spec.forms ?? [])];
}

function valueLineSpecs(spec: (typeof SCHEMA.all)[number]): LineSpec[] {
  return [...(spec.valueLine ? [spec.valueLine] : []), ...(spec.valueLineForms ?? [])];
}

function enumWords(args: readonly ArgSpec[], out: Set<string>): void {
  for (const a of args) if (a.type.kind === 'enum') for (const v of a.type.values) out.add(v);
}

function optionWords(options: readonly OptionSpec[] | undefined): string[] {
  return (options ?? []).flatMap((o) => [o.name, ...(o.aliases ?? [])]);
}

export function grammarWords(): GrammarWords {
  const all = SCHEMA.all;
  const blockKeywords = new Set(all.filter((s) => s.block).map((s) => s.keyword));
  const plainKeywords = all.map((s) => s.keyword).filter((k) => !blockKeywords.has(k));

  // Which named objects a track_* block lists: their defining blocks are trackers.
  const tracked = new Set<RefTarget>();
  for (const s of all) {
    if (!s.keyword.startsWith('track_')) continue;
    for (const l of valueLineSpecs(s)) for (const a of l.args) if (a.type.kind === 'ref') tracked.add(a.type.target);
  }
  const named = all.filter((s) => s.block && s.args[0]?.type.kind === 'name');
  const isTracker = (s: (typeof all)[number]) => s.args[0].type.kind === 'name' && tracked.has(s.args[0].type.defines);

  const enums = new Set<string>();
  const ipOptions: string[] = [];
  for (const s of all) {
    for (const l of [...lineSpecs(s), ...valueLineSpecs(s)]) {
      enumWords(l.args, enums);
      for (const o of l.options ?? []) enumWords(o.args, enums);
    }
    // Address, route and rule lines are those that can name a device.
    for (const l of valueLineSpecs(s)) if (optionWords(l.options).includes('dev')) ipOptions.push(...optionWords(l.options));
  }

  return {
    blockKeywords: sorted(blockKeywords),
    plainKeywords: sorted(plainKeywords),
    namedSections: sorted(named.filter((s) => !isTracker(s)).map((s) => s.keyword)),
    namedTrackers: sorted(named.filter(isTracker).map((s) => s.keyword)),
    enumValues: sorted(enums),
    booleans: [...BOOLEAN_WORDS],
    ipOptions: sorted(ipOptions),
    includeKeywords: [...INCLUDE_KEYWORDS],
    predefinedDefinitions: [...PREDEFINED_DEFINITIONS],
  };
}
