// Runs the single-file rules over a model (model/read.ts reads it), for the server and the CLI.
import type { ConfigModel } from '../model/types';
import { FILE_RULES } from '../rules';
import type { FileRule } from '../rules/rule';
import { SCHEMA, type Schema } from '../schema';
import type { Finding } from '../rules/finding';
import { runRules, type Levels } from './run-rules';

export interface CheckOptions {
  schema?: Schema;
  /** Per-rule level from settings: 'off' or a severity that replaces the rule's own. */
  levels?: Levels;
  rules?: readonly FileRule[];
}

export function checkModel(model: ConfigModel, opts: CheckOptions = {}): Finding[] {
  const schema = opts.schema ?? SCHEMA;
  return runRules(opts.rules ?? FILE_RULES, (report) => ({ model, schema, report }), opts.levels, model.uri);
}
