// Runs the single-file rules over a model (model/read.ts reads it), for the server and the CLI.
import type { ConfigModel } from '../model/types';
import { FILE_RULES } from '../rules';
import type { FileRule, Report } from '../rules/rule';
import { SCHEMA, type Schema } from '../schema';
import { RULE_LEVELS, type Finding, type RuleLevel } from '../rules/finding';

export interface CheckOptions {
  schema?: Schema;
  /** Per-rule level from settings: 'off' or a severity that replaces the rule's own. */
  levels?: Readonly<Record<string, RuleLevel | undefined>>;
  rules?: readonly FileRule[];
}

const LEVELS = new Set<string>(RULE_LEVELS);

/** Applies a rule's configured level to what it reports; undefined drops the report. */
export function withLevel(code: string, own: Finding['severity'], levels: CheckOptions['levels']): Finding['severity'] | undefined {
  const level = levels?.[code];
  // Editors send '' (or anything) for a setting left empty: only a real level overrides.
  if (level === undefined || !LEVELS.has(level)) return own;
  return level === 'off' ? undefined : level;
}

export function checkModel(model: ConfigModel, opts: CheckOptions = {}): Finding[] {
  const schema = opts.schema ?? SCHEMA;
  const out: Finding[] = [];
  for (const rule of opts.rules ?? FILE_RULES) {
    if (withLevel(rule.id, rule.severity, opts.levels) === undefined) continue;
    const report = (r: Report) => {
      const severity = withLevel(rule.id, r.severity ?? rule.severity, opts.levels);
      if (severity) out.push({ ...r, code: rule.id, severity });
    };
    try {
      rule.check({ model, schema, report });
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
