// The one runner of rules, single-file and peer: the configured level decides whether a rule runs
// and what severity its reports get; a rule that throws becomes one finding, never a crash.
import { RULE_LEVELS, type Finding, type RuleLevel, type Severity } from '../rules/finding';
import { reporter, type Report, type Reporter, type Rule } from '../rules/rule';

export type Levels = Readonly<Record<string, RuleLevel | undefined>>;

const LEVELS = new Set<string>(RULE_LEVELS);

/** A rule's configured level applied to a severity; undefined drops the report. */
export function withLevel(code: string, own: Severity, levels: Levels | undefined): Severity | undefined {
  const level = levels?.[code];
  // Editors send '' (or anything) for a setting left empty: only a real level overrides.
  if (level === undefined || !LEVELS.has(level)) return own;
  return level === 'off' ? undefined : level;
}

/**
 * Runs `rules` over one context. `context` builds a rule's context around its reporter;
 * `fallbackUri` is where an internal error of a rule is reported (the first line); `keep` drops a
 * report it returns false for.
 */
export function runRules<C>(
  rules: readonly Rule<C>[],
  context: (report: Reporter) => C,
  levels: Levels | undefined,
  fallbackUri: string,
  keep: (r: Report) => boolean = () => true,
): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    if (withLevel(rule.id, rule.severity, levels) === undefined) continue;
    const report = reporter((r) => {
      const severity = withLevel(rule.id, r.severity ?? rule.severity, levels);
      if (severity && keep(r)) out.push({ ...r, code: rule.id, severity });
    });
    try {
      rule.check(context(report));
    } catch (e) {
      out.push({
        uri: fallbackUri,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'information',
        code: rule.id,
        message: `Internal error in rule ${rule.id}: ${(e as Error).message}`,
      });
    }
  }
  return out;
}
