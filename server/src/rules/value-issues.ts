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

/** Every located issue of a model, in reading order, found in one walk for the three rules that read them. */
const located = new WeakMap<ConfigModel, LocatedIssue[]>();

function allIssues(model: ConfigModel): LocatedIssue[] {
  let list = located.get(model);
  if (list) return list;
  list = [];
  for (const stmt of model.interp.all) {
    for (const issue of stmt.issues) list.push({ issue, stmt, at: issue.word ?? issue.after ?? stmt.keyword });
    const values = stmt.values;
    if (!values) continue;
    for (const line of values) {
      for (const issue of line.issues) list.push({ issue, stmt, line, at: issue.word ?? issue.after ?? line.words[0] });
    }
  }
  located.set(model, list);
  return list;
}

export function valueIssues(model: ConfigModel, kinds: readonly LineIssueKind[]): LocatedIssue[] {
  return allIssues(model).filter((li) => kinds.includes(li.issue.kind));
}

/** `priority` / `virtual_ipaddress entry` / `weight option`: what a value belongs to. */
export function subject(li: LocatedIssue): string {
  if (li.issue.option) return `option '${li.issue.option.name}' of '${li.stmt.keyword.value}'`;
  const argName = li.issue.arg?.name;
  if (li.line) return `${li.stmt.keyword.value} entry${argName ? ` (${argName})` : ''}`;
  return `'${li.stmt.keyword.value}'${argName ? ` (${argName})` : ''}`;
}

/** For an address keepalived rejects on a virtual_server / real_server line: it skips the whole block. */
export function skippedBlockNote(li: LocatedIssue): string {
  if (li.stmt.skipped !== 'invalid-address' || li.line) return '';
  const what = li.stmt.keyword.value === 'real_server' ? 'real server ip address/port' : 'virtual server IP address/port';
  return ` keepalived reports "Invalid ${what} ... - skipping" and skips the whole block, so nothing in it is used (or checked here).`;
}
