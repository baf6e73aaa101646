// What rules report. LSP-shaped, but free of any LSP dependency so the CLI shares it.
import type { Range } from '../parser/syntax';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Related {
  uri: string;
  range: Range;
  message: string;
}

export interface TextEditAt {
  uri: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEditAt[];
  /** The fix to offer first. */
  preferred?: boolean;
}

export interface Finding {
  uri: string;
  range: Range;
  severity: Severity;
  /** The rule id. */
  code: string;
  message: string;
  related?: Related[];
  fixes?: Fix[];
  tags?: ('unnecessary' | 'deprecated')[];
}

/** What a `keepalived.rules.<id>` setting may say, in the order settings offer them. */
export const RULE_LEVELS = ['off', 'hint', 'information', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

/** Orders findings by file, then position. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}
