// The contract of a single-file rule: one module per rule, its id is the diagnostic code and the
// setting key `keepalived.rules.<id>`.
import type { Finding, Severity } from '../analysis/finding';
import type { ConfigModel } from '../model/types';
import type { Schema } from '../schema';

export type Report = Omit<Finding, 'code' | 'severity'> & { severity?: Severity };

export interface RuleContext {
  model: ConfigModel;
  schema: Schema;
  /** The keepalived release the nodes run (keepalived.targetVersion, --target-version). */
  target: string;
  report(finding: Report): void;
}

export interface FileRule {
  id: string;
  /** Severity when the rule's setting does not override it (a report may choose its own). */
  severity: Severity;
  description: string;
  check(ctx: RuleContext): void;
}
