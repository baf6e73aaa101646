// The one runner of rules, single-file and peer: the configured level decides whether a rule runs
// and what severity its reports get; a rule that throws becomes one finding, never a crash. The
// runner also holds the analysis bounds: the findings kept, the related places listed per
// finding, and the time budget after which the remaining rules do not run.
import { MAX_FINDINGS_PER_NODE, MAX_RELATED_PER_FINDING } from '../limits';
import { RULE_LEVELS, type Finding, type RuleLevel, type Severity } from '../rules/finding';
import { reporter, type Report, type Reporter, type Rule } from '../rules/rule';
import { LIMIT_RULE_ID, timeBudgetFinding, tooManyFindings } from './limits-findings';

export type Levels = Readonly<Record<string, RuleLevel | undefined>>;

const LEVELS = new Set<string>(RULE_LEVELS);

/** A rule's configured level applied to a severity; undefined drops the report. */
export function withLevel(code: string, own: Severity, levels: Levels | undefined): Severity | undefined {
  const level = levels?.[code];
  // Editors send '' (or anything) for a setting left empty: only a real level overrides.
  if (level === undefined || !LEVELS.has(level)) return own;
  return level === 'off' ? undefined : level;
}

export interface RunOptions {
  /** Drops a report it returns false for. */
  keep?: (r: Report) => boolean;
  /** Date.now() after which the remaining rules are skipped (one finding names them). */
  deadline?: number;
}

/**
 * A rule's report as a finding: filled in place (a rule's report is its own fresh object), so that
 * a message made on first read (rules/rule.ts lazyReport) is not made here.
 */
export function asFinding(r: Report, code: string, severity: Severity): Finding {
  const f = boundRelated(r) as Finding;
  f.code = code;
  f.severity = severity;
  return f;
}

/** Related places beyond the bound are counted in the message, not listed. */
export function boundRelated(r: Report): Report {
  if (!r.related || r.related.length <= MAX_RELATED_PER_FINDING) return r;
  const more = r.related.length - MAX_RELATED_PER_FINDING;
  return { ...r, related: r.related.slice(0, MAX_RELATED_PER_FINDING), message: `${r.message} (${more} more peers not listed)` };
}

/**
 * Runs `rules` over one context. `context` builds a rule's context around its reporter;
 * `fallbackUri` is where an internal error of a rule, the time budget and the findings bound are
 * reported (the first line).
 */
export function runRules<C>(
  rules: readonly Rule<C>[],
  context: (report: Reporter) => C,
  levels: Levels | undefined,
  fallbackUri: string,
  opts: RunOptions = {},
): Finding[] {
  const out: Finding[] = [];
  let dropped = 0;
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (withLevel(rule.id, rule.severity, levels) === undefined) continue;
    // The limits found while reading are always reported: they say what was not read.
    if (opts.deadline !== undefined && rule.id !== LIMIT_RULE_ID && Date.now() > opts.deadline) {
      const severity = withLevel(LIMIT_RULE_ID, 'warning', levels);
      const notRun = rules.slice(i).filter((r) => r.id !== LIMIT_RULE_ID && withLevel(r.id, r.severity, levels) !== undefined).map((r) => r.id);
      if (severity) out.push(timeBudgetFinding(fallbackUri, notRun, severity));
      break;
    }
    const report = reporter((r) => {
      if (out.length >= MAX_FINDINGS_PER_NODE) {
        dropped++;
        return;
      }
      const severity = withLevel(rule.id, r.severity ?? rule.severity, levels);
      if (severity && (!opts.keep || opts.keep(r))) out.push(asFinding(r, rule.id, severity));
    });
    try {
      const ctx = context(report);
      rule.check(ctx);
      // The file-wide part of a block-scoped file rule (rules/rule.ts).
      (rule as { checkFile?: (c: C) => void }).checkFile?.(ctx);
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
  if (dropped) out.push(tooManyFindings(fallbackUri, dropped));
  return out;
}
