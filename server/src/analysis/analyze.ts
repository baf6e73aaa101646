// Runs the single-file rules over a model (model/read.ts reads it), for the server and the CLI.
import type { ConfigModel } from '../model/types';
import { insideSkipped } from '../parser/statements';
import { FILE_RULES } from '../rules';
import type { FileRule } from '../rules/rule';
import { SCHEMA, type Schema } from '../schema';
import { DEFAULT_TARGET_VERSION } from '../schema/version';
import type { Finding } from '../rules/finding';
import { runRules, type Levels } from './run-rules';

export interface CheckOptions {
  schema?: Schema;
  /** Per-rule level from settings: 'off' or a severity that replaces the rule's own. */
  levels?: Levels;
  rules?: readonly FileRule[];
  /** The keepalived release to check against; default DEFAULT_TARGET_VERSION. */
  targetVersion?: string;
}

export function checkModel(model: ConfigModel, opts: CheckOptions = {}): Finding[] {
  const schema = opts.schema ?? SCHEMA;
  const skipped = model.interp.skipped;
  const target = opts.targetVersion ?? DEFAULT_TARGET_VERSION;
  // keepalived never reads inside a block it skips: nothing there is reported.
  return runRules(opts.rules ?? FILE_RULES, (report) => ({ model, schema, target, report }), opts.levels, model.uri, (r) => !insideSkipped(skipped, r.uri, r.range.start));
}
