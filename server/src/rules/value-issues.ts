// Shared walk over the value problems the interpreter recorded on statements and value lines.
import type { Statement, ValueLine } from '../parser/statements';
import type { Word } from '../parser/syntax';
import type { LineIssue, LineIssueKind } from '../parser/validate-line';
import type { ConfigModel } from '../model/types';

export interface LocatedIssue {
  issue: LineIssue;
  stmt: Statement;
  line?: ValueLine;
  /** What the issue is reported on. */
  at: Word;
}

export function* valueIssues(model: ConfigModel, kinds: readonly LineIssueKind[]): Generator<LocatedIssue> {
  for (const stmt of model.interp.all) {
    for (const issue of stmt.issues) {
      if (kinds.includes(issue.kind)) yield { issue, stmt, at: issue.word ?? issue.after ?? stmt.keyword };
    }
    for (const line of stmt.values ?? []) {
      for (const issue of line.issues) {
        if (kinds.includes(issue.kind)) yield { issue, stmt, line, at: issue.word ?? issue.after ?? line.words[0] };
      }
    }
  }
}

/** `priority` / `virtual_ipaddress entry` / `weight option`: what a value belongs to. */
export function subject(li: LocatedIssue): string {
  if (li.issue.option) return `option '${li.issue.option.name}' of '${li.stmt.keyword.value}'`;
  const argName = li.issue.arg?.name;
  if (li.line) return `${li.stmt.keyword.value} entry${argName ? ` (${argName})` : ''}`;
  return `'${li.stmt.keyword.value}'${argName ? ` (${argName})` : ''}`;
}
