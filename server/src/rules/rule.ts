// The contract of every rule, single-file or peer: one module per rule, its id is the diagnostic
// code and the setting key `keepalived.rules.<id>`. A rule reads what its context gives (a model,
// or a cluster of nodes) and reports; it knows no runner, no editor, no connection.
import type { ConfigModel } from '../model/types';
import { headRange, type Statement } from '../parser/statements';
import type { Word } from '../parser/syntax';
import type { Schema } from '../schema';
import type { Cluster } from '../workspace/cluster';
import type { Finding, Fix, Severity } from './finding';

/** A finding as a rule writes it: the runner adds the code and applies the configured level. */
export type Report = Omit<Finding, 'code' | 'severity'> & { severity?: Severity };

export interface Reporter {
  (finding: Report): void;
  /**
   * Reports at a word, or at a statement's keyword line (as langium's accept(..., {node})):
   * `report.at(word, message, fixes)`; `more` adds related places, tags or a severity.
   */
  at(where: Word | Statement, message: string, fixes?: Fix[], more?: Partial<Report>): void;
}

/** What a single-file rule sees. */
export interface RuleContext {
  model: ConfigModel;
  schema: Schema;
  /** The keepalived release the nodes run (keepalived.targetVersion, --target-version). */
  target: string;
  report: Reporter;
}

/** What a peer rule sees: one cluster (the peer nodes and their instance counterparts). */
export interface PeerContext {
  cluster: Cluster;
  report: Reporter;
}

export interface Rule<C> {
  id: string;
  /** Severity when the rule's setting does not override it (a report may choose its own). */
  severity: Severity;
  description: string;
  check(ctx: C): void;
}

/**
 * What a single-file rule's findings depend on. 'block': the findings for a top-level block come
 * from what reading that block added to the model alone (keepalived's reading state — `$NAME`
 * definitions, `@ID`, includes, displaced braces, names defined so far — is carried in by the
 * reader), so the rule can run on each block as it is read and the block can then be let go.
 * 'file': the findings need the whole file (a name defined anywhere, two blocks compared, a
 * global_defs setting that changes every instance); the rule runs once on the file's model.
 */
export type RuleScope = 'block' | 'file';

export interface FileRule extends Rule<RuleContext> {
  scope: RuleScope;
  /**
   * The file-wide part of a 'block' rule: runs once per file, on the whole file's model, after
   * `check` (on a whole model, `check` then `checkFile` is the rule).
   */
  checkFile?(ctx: RuleContext): void;
}
export type PeerRule = Rule<PeerContext>;

/**
 * A report whose message and fixes are made when first read: a did-you-mean scans every keyword
 * of a block, which only a finding that is shown (or whose fix is asked for) needs. The report
 * is filled in place by the runner, never copied before it is shown.
 */
export function lazyReport(at: Pick<Report, 'uri' | 'range'> & Partial<Pick<Report, 'severity' | 'related' | 'tags'>>, make: () => Pick<Report, 'message' | 'fixes'>): Report {
  let made: Pick<Report, 'message' | 'fixes'> | undefined;
  const get = () => (made ??= make());
  return Object.defineProperties(at, {
    message: { get: () => get().message, enumerable: true, configurable: true },
    fixes: { get: () => get().fixes, enumerable: true, configurable: true },
  }) as Report;
}

/** The reporter of one rule run: `accept` receives each report. */
export function reporter(accept: (r: Report) => void): Reporter {
  const report = ((r: Report) => accept(r)) as Reporter;
  report.at = (where, message, fixes, more) => {
    const at = 'kind' in where ? { uri: where.uri, range: where.range } : { uri: where.keyword.uri, range: headRange(where) };
    accept({ ...at, message, ...(fixes?.length ? { fixes } : {}), ...more });
  };
  return report;
}
