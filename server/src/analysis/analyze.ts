// The analysis pipeline shared by the language server and the CLI:
// text → syntax tree → interpretation (with includes) → typed model → single-file rules.
import { buildModel } from '../model/build';
import type { ConfigModel } from '../model/types';
import { interpret, type IncludeResolver } from '../parser/interpreter';
import type { SyntaxTree } from '../parser/syntax';
import { insideSkipped } from '../parser/statements';
import { parseSyntax } from '../parser/syntax-builder';
import { FILE_RULES } from '../rules';
import type { FileRule, Report } from '../rules/rule';
import { SCHEMA, type Schema } from '../schema';
import { DEFAULT_TARGET_VERSION } from '../schema/version';
import type { Finding, RuleLevel } from './finding';

export interface ReadOptions {
  schema?: Schema;
  includes?: IncludeResolver;
  /** Read as `keepalived -i ID` would. */
  configId?: string;
}

export interface CheckOptions {
  schema?: Schema;
  /** Per-rule level from settings: 'off' or a severity that replaces the rule's own. */
  levels?: Readonly<Record<string, RuleLevel | undefined>>;
  rules?: readonly FileRule[];
  /** The keepalived release to check against; default DEFAULT_TARGET_VERSION. */
  targetVersion?: string;
}

/** Reads a node's root file (with its includes) into the typed model. */
export function readModel(tree: SyntaxTree, opts: ReadOptions = {}): ConfigModel {
  const schema = opts.schema ?? SCHEMA;
  const interp = interpret(tree, { schema, includes: opts.includes, configId: opts.configId });
  return buildModel(tree, interp, opts.configId);
}

export function readText(text: string, uri: string, opts: ReadOptions = {}): ConfigModel {
  return readModel(parseSyntax(text, uri), opts);
}

/** Applies a rule's configured level to what it reports; undefined drops the report. */
const LEVELS = new Set<string>(['off', 'error', 'warning', 'information', 'hint']);

export function withLevel(code: string, own: Finding['severity'], levels: CheckOptions['levels']): Finding['severity'] | undefined {
  const level = levels?.[code];
  // Editors send '' (or anything) for a setting left empty: only a real level overrides.
  if (level === undefined || !LEVELS.has(level)) return own;
  return level === 'off' ? undefined : level;
}

export function checkModel(model: ConfigModel, opts: CheckOptions = {}): Finding[] {
  const schema = opts.schema ?? SCHEMA;
  const out: Finding[] = [];
  const skipped = model.interp.skipped;
  for (const rule of opts.rules ?? FILE_RULES) {
    if (withLevel(rule.id, rule.severity, opts.levels) === undefined) continue;
    const report = (r: Report) => {
      const severity = withLevel(rule.id, r.severity ?? rule.severity, opts.levels);
      // keepalived never reads inside a block it skips: nothing there is reported.
      if (severity && !insideSkipped(skipped, r.uri, r.range.start)) out.push({ ...r, code: rule.id, severity });
    };
    try {
      rule.check({ model, schema, target: opts.targetVersion ?? DEFAULT_TARGET_VERSION, report });
    } catch (e) {
      // A rule must never take the server down: say what broke, on the first line.
      out.push({
        uri: model.uri,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'information',
        code: rule.id,
        message: `Internal error in rule ${rule.id}: ${(e as Error).message}`,
      });
    }
  }
  return out;
}
