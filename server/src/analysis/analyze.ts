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
import { expandedRanges, LIMIT_RULE_ID, timeBudgetFinding, tooManyFindings, withSafeFixes } from './limits-findings';
import { MAX_FINDINGS_PER_NODE } from '../limits';

export interface ReadOptions {
  schema?: Schema;
  includes?: IncludeResolver;
  /** Read as `keepalived -i ID` would. */
  configId?: string;
  /** Date.now() after which reading stops (the analysis time budget). */
  deadline?: number;
}

export interface CheckOptions {
  schema?: Schema;
  /** Per-rule level from settings: 'off' or a severity that replaces the rule's own. */
  levels?: Readonly<Record<string, RuleLevel | undefined>>;
  rules?: readonly FileRule[];
  /** Date.now() after which the remaining rules are skipped (one finding says which). */
  deadline?: number;
  /** The keepalived release to check against; default DEFAULT_TARGET_VERSION. */
  targetVersion?: string;
}

/** Reads a node's root file (with its includes) into the typed model. */
export function readModel(tree: SyntaxTree, opts: ReadOptions = {}): ConfigModel {
  const schema = opts.schema ?? SCHEMA;
  const interp = interpret(tree, { schema, includes: opts.includes, configId: opts.configId, deadline: opts.deadline });
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
  let dropped = 0;
  const skipped = model.interp.skipped;
  const rules = opts.rules ?? FILE_RULES;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (withLevel(rule.id, rule.severity, opts.levels) === undefined) continue;
    // The limits found while reading are always reported: they say what was not read.
    if (opts.deadline !== undefined && rule.id !== LIMIT_RULE_ID && Date.now() > opts.deadline) {
      const severity = withLevel(LIMIT_RULE_ID, 'warning', opts.levels);
      const notRun = rules.slice(i).filter((r) => r.id !== LIMIT_RULE_ID && withLevel(r.id, r.severity, opts.levels) !== undefined).map((r) => r.id);
      if (severity) out.push(timeBudgetFinding(model.uri, notRun, severity));
      break;
    }
    const report = (r: Report) => {
      if (out.length >= MAX_FINDINGS_PER_NODE) {
        dropped++;
        return;
      }
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
  if (dropped) out.push(tooManyFindings(model.uri, dropped));
  return withSafeFixes(out, expandedRanges([model]));
}
