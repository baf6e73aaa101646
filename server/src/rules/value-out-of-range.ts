import type { Fix } from './finding';
import type { FileRule } from './rule';
import { subject, valueIssues, skippedBlockNote, type LocatedIssue } from './value-issues';

/** The nearest value in range, for a number written outside it (a length or a unit-less word gets none). */
function clampFix(li: LocatedIssue): Fix | undefined {
  const t = li.issue.arg?.type;
  const w = li.at;
  if (!t || (t.kind !== 'integer' && t.kind !== 'decimal') || w.origin || w.kind !== 'word') return undefined;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w.value)) return undefined;
  const n = Number(w.value);
  if (t.max !== undefined && n > t.max) return { title: `Change to ${t.max} (the maximum)`, edits: [{ uri: w.uri, range: w.range, newText: String(t.max) }], preferred: true };
  if (t.min !== undefined && n < t.min) return { title: `Change to ${t.min} (the minimum)`, edits: [{ uri: w.uri, range: w.range, newText: String(t.min) }], preferred: true };
  return undefined;
}

export const valueOutOfRange: FileRule = {
  id: 'value-out-of-range',
  severity: 'error',
  scope: 'block',
  description: 'A number (or length) outside the range keepalived accepts.',
  check({ model, report }) {
    for (const li of valueIssues(model, ['value-out-of-range'])) {
      const fix = clampFix(li);
      report({
        uri: li.at.uri,
        range: li.at.range,
        message: `'${li.at.value}' is out of range for ${subject(li)}: expected ${li.issue.expected}. keepalived rejects it${li.issue.arg?.type.kind === 'integer' || li.issue.arg?.type.kind === 'decimal' ? ' and keeps the default' : ''}.${skippedBlockNote(li)}`,
        fixes: fix ? [fix] : undefined,
      });
    }
  },
};
