// Findings about the analysis itself: a file or an include not read, a limit that stopped the
// reading, the time budget, and the guard that keeps quick fixes off expanded text.
import type { ConfigModel } from '../model/types';
import type { Range } from '../parser/syntax';
import { limitReached } from '../rules/limit-reached';
import { refusalText, type Refusal } from '../workspace/refusal';
import type { Finding, Severity } from '../rules/finding';
import { MAX_FINDINGS_PER_NODE } from '../limits';

export const LIMIT_RULE_ID = limitReached.id;

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A root file that is not read at all (e.g. over the size limit): one finding on its first line. */
export function refusedFileFinding(uri: string, reason: Refusal, size?: number): Finding {
  return { uri, range: START, severity: 'error', code: LIMIT_RULE_ID, message: `This file is not read: ${refusalText(reason, size)}.` };
}

export function timeBudgetFinding(uri: string, skipped: readonly string[], severity: Severity): Finding {
  return {
    uri,
    range: START,
    severity,
    code: LIMIT_RULE_ID,
    message: `The analysis time budget ran out: these checks did not run on this file: ${skipped.join(', ')}.`,
  };
}

export function tooManyFindings(uri: string, dropped: number): Finding {
  return {
    uri,
    range: START,
    severity: 'warning',
    code: LIMIT_RULE_ID,
    message: `${dropped} more problems are not listed: the analysis keeps the first ${MAX_FINDINGS_PER_NODE.toLocaleString('en-US')} of a configuration.`,
  };
}

/**
 * The ranges of expanded words ($NAME, ~SEQ, ~LST): every word of an expansion shares the range
 * of the whole line that produced it, so an edit of that range would replace the line.
 */
export function expandedRanges(models: readonly ConfigModel[]): Set<Range> {
  const out = new Set<Range>();
  const add = (w: { origin?: unknown; range: Range }) => {
    if (w.origin) out.add(w.range);
  };
  for (const m of models) {
    if (!m.interp.expanded) continue;
    for (const s of m.interp.all) {
      add(s.keyword);
      for (const w of s.args) add(w);
      for (const line of s.values ?? []) for (const w of line.words) add(w);
    }
  }
  return out;
}

/**
 * Drops every fix that would edit an expanded word by the range it shares with its line (a rule
 * that did not map the word back to its definition with `wordEdit`): such a fix deletes the
 * user's text. The finding stays, without that fix.
 */
export function withSafeFixes(findings: Finding[], expanded: ReadonlySet<Range>): Finding[] {
  if (!expanded.size) return findings;
  return findings.map((f) => {
    if (!f.fixes?.length) return f;
    const kept = f.fixes.filter((fix) => fix.edits.every((e) => !expanded.has(e.range)));
    return kept.length === f.fixes.length ? f : { ...f, fixes: kept.length ? kept : undefined };
  });
}
