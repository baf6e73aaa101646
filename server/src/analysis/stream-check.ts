// Checks a node's root file as a stream of top-level blocks, so that a file of any size is read
// in the memory of a few blocks (the CLI): the one interpreter reads unit after unit, carrying
// keepalived's state across blocks; each time the blocks read so far are complete, the
// block-scoped rules run on them and what the file-wide and peer rules need is kept
// (compact-model.ts); the file-wide rules run at the end. The findings are those checkModel()
// gives on the whole file, rule after rule (test/unit/analysis/stream-check.test.ts holds the
// CLI's output equal on the corpus, seeded mistakes and cases of state across blocks).
import { buildModel } from '../model/build';
import type { ConfigModel } from '../model/types';
import { interpretStream, type IncludeResolver, type Interpretation } from '../parser/interpreter';
import type { RootUnit } from '../parser/root-units';
import { insideSkipped, type Statement } from '../parser/statements';
import type { CommentToken, Range, SyntaxTree, Word } from '../parser/syntax';
import { FILE_RULES } from '../rules';
import type { Finding } from '../rules/finding';
import { reporter, type FileRule, type Report, type RuleContext } from '../rules/rule';
import { SCHEMA } from '../schema';
import { DEFAULT_TARGET_VERSION } from '../schema/version';
import { isPeerDirective } from '../workspace/peer-directive';
import type { CheckOptions } from './analyze';
import { CompactModel } from './compact-model';
import { expandedRanges, LIMIT_RULE_ID, timeBudgetFinding, tooManyFindings, withSafeFixes } from './limits-findings';
import { asFinding, withLevel } from './run-rules';
import { MAX_FINDINGS_PER_NODE } from '../limits';

export interface StreamOptions extends CheckOptions {
  includes?: IncludeResolver;
  /** Read as `keepalived -i ID` would. */
  configId?: string;
  /** false: read the model only, no rule runs. */
  check?: boolean;
  /** Sees the model of each chunk of complete top-level blocks, before the rules run on it (tests). */
  onChunk?: (model: ConfigModel) => void;
  /** Words of the root file read before the complete blocks are checked and let go (default BATCH_WORDS; 1: every block alone). */
  batchWords?: number;
}

export interface StreamResult {
  /** What the file-wide and peer rules read (compact-model.ts), not every statement. */
  model: ConfigModel;
  findings: Finding[];
}

/**
 * Words of the root file read before the blocks read so far are checked and let go. Measured on
 * the 265k-line benchmark: about one piece of root-units.ts (whose words then need no joining)
 * keeps the garbage young; 8192 doubles the peak RSS.
 */
export const BATCH_WORDS = 1024;

function joined<T>(lists: T[][]): T[] {
  if (lists.length === 1) return lists[0];
  const out: T[] = [];
  for (const l of lists) for (const x of l) out.push(x);
  return out;
}

/** Empties an array the reader keeps appending to, returning what it held. */
function drain<T>(list: T[]): T[] {
  const out = list.slice();
  list.length = 0;
  return out;
}

/** The rules' reports, per rule, in the order checkModel's one runner would have them. */
class Findings {
  private readonly kept: Finding[][];
  private readonly over: number[];
  private readonly failed = new Set<number>();
  private readonly notRun = new Set<number>();
  /** One context per rule, made once: each run only changes the model it reads. */
  private readonly contexts: RuleContext[];
  /** The blocks keepalived skips, known so far: nothing reported inside them is kept. */
  private skipped: readonly Statement[] = [];

  constructor(
    private readonly rules: readonly FileRule[],
    private readonly opts: StreamOptions,
    private readonly uri: string,
    schema: RuleContext['schema'],
    target: string,
  ) {
    this.kept = rules.map(() => []);
    this.over = rules.map(() => 0);
    this.contexts = rules.map((rule, i) => {
      const list = this.kept[i];
      const report = reporter((r: Report) => {
        if (this.skipped.length && insideSkipped(this.skipped, r.uri, r.range.start)) return;
        if (list.length >= MAX_FINDINGS_PER_NODE) {
          this.over[i]++;
          return;
        }
        const severity = withLevel(rule.id, r.severity ?? rule.severity, this.opts.levels);
        if (severity) list.push(asFinding(r, rule.id, severity));
      });
      return { model: undefined as unknown as ConfigModel, schema, target, report };
    });
  }

  enabled(i: number): boolean {
    const r = this.rules[i];
    return withLevel(r.id, r.severity, this.opts.levels) !== undefined;
  }

  /** Runs one part of rule `i` on `model`; `skipped`: the blocks keepalived skips, known so far. */
  run(i: number, part: 'check' | 'checkFile', model: ConfigModel, skipped: readonly Statement[]): void {
    const rule = this.rules[i];
    const deadline = this.opts.deadline;
    if (deadline !== undefined && rule.id !== LIMIT_RULE_ID && Date.now() > deadline) {
      this.notRun.add(i);
      return;
    }
    this.skipped = skipped;
    const ctx = this.contexts[i];
    ctx.model = model;
    try {
      if (part === 'check') rule.check(ctx);
      else rule.checkFile?.(ctx);
    } catch (e) {
      if (this.failed.has(i)) return;
      this.failed.add(i);
      this.kept[i].push({
        uri: this.uri,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 'information',
        code: rule.id,
        message: `Internal error in rule ${rule.id}: ${(e as Error).message}`,
      });
    }
  }

  /** All findings, rule after rule, bounded as runRules bounds them; `skipped`: every skipped block of the file. */
  result(skipped: readonly Statement[], expanded: ReadonlySet<Range>): Finding[] {
    const out: Finding[] = [];
    let dropped = 0;
    // A block skipped late (a file included twice) hides what earlier blocks reported in it.
    const late = skipped.length ? skipped : undefined;
    this.kept.forEach((list, i) => {
      for (const f of list) {
        if (late && insideSkipped(late, f.uri, f.range.start)) continue;
        if (out.length >= MAX_FINDINGS_PER_NODE) dropped++;
        else out.push(f);
      }
      dropped += this.over[i];
    });
    if (this.notRun.size) {
      const severity = withLevel(LIMIT_RULE_ID, 'warning', this.opts.levels);
      const names = this.rules.filter((_, i) => this.notRun.has(i)).map((r) => r.id);
      if (severity) out.push(timeBudgetFinding(this.uri, names, severity));
    }
    if (dropped) out.push(tooManyFindings(this.uri, dropped));
    return withSafeFixes(out, expanded);
  }
}

/** Reads (and with `check`, checks) the root file `uri` unit by unit. */
export function checkStream(uri: string, text: string, units: () => RootUnit | undefined, opts: StreamOptions = {}): StreamResult {
  const schema = opts.schema ?? SCHEMA;
  const target = opts.targetVersion ?? DEFAULT_TARGET_VERSION;
  const rules = opts.rules ?? FILE_RULES;
  const batch = opts.batchWords ?? BATCH_WORDS;
  const findings = opts.check === false ? undefined : new Findings(rules, opts, uri, schema, target);
  /** The block-scoped rules that run (their level is not off). */
  const blockRules = findings ? rules.map((_, i) => i).filter((i) => rules[i].scope === 'block' && findings.enabled(i)) : [];
  const kept = new CompactModel();
  const expanded = new Set<Range>();
  const directives: CommentToken[] = [];
  /** The word and comment lists of the units read since the last chunk was taken. */
  let words: Word[][] = [];
  let wordCount = 0;
  let comments: CommentToken[][] = [];
  /** Whether out.statements[0] is the last statement of the chunk before (kept for a `{` after it). */
  let carried = false;

  const next = () => {
    const u = units();
    if (!u) return undefined;
    words.push(u.words);
    wordCount += u.words.length;
    comments.push(u.comments);
    for (const c of u.comments) if (isPeerDirective(c.text)) directives.push(c);
    return u.nodes;
  };

  const take = (out: Interpretation) => {
    const statements = out.statements.slice(carried ? 1 : 0);
    const last = out.statements[out.statements.length - 1];
    out.statements.length = 0;
    carried = last !== undefined;
    if (last) out.statements.push(last);
    const tree: SyntaxTree = { uri, text, nodes: [], words: joined(words), comments: joined(comments) };
    words = [];
    wordCount = 0;
    comments = [];
    const interp: Interpretation = {
      statements,
      all: drain(out.all),
      definitions: drain(out.definitions),
      includes: drain(out.includes),
      unexpectedOpens: drain(out.unexpectedOpens),
      missingOpens: drain(out.missingOpens),
      extraCloses: drain(out.extraCloses),
      displacedCloses: drain(out.displacedCloses),
      topLevelReads: drain(out.topLevelReads),
      skipped: drain(out.skipped),
      unclosed: drain(out.unclosed),
      configIds: out.configIds,
      unexpanded: drain(out.unexpanded),
      undefinedParameters: drain(out.undefinedParameters),
      files: drain(out.files),
      trees: [tree, ...drain(out.trees)],
      symbols: drain(out.symbols),
      expanded: out.expanded,
      limits: drain(out.limits),
    };
    out.expanded = undefined;
    const model = buildModel(tree, interp, opts.configId);
    opts.onChunk?.(model);
    if (findings) {
      const skipped = interp.skipped.length ? [...kept.skipped, ...interp.skipped] : kept.skipped;
      for (const i of blockRules) findings.run(i, 'check', model, skipped);
      for (const r of expandedRanges([model])) expanded.add(r);
    }
    kept.add(model);
  };

  // Complete blocks are taken in batches: the rules' per-run cost is paid per batch, not per block.
  const rest = (out: Interpretation) => {
    if (wordCount >= batch) take(out);
  };
  const out = interpretStream(uri, next, { schema, includes: opts.includes, configId: opts.configId, deadline: opts.deadline }, rest);
  take(out);
  const root: SyntaxTree = { uri, text, nodes: [], words: [], comments: directives };
  const interp = kept.interpretation(root, out.configIds);
  const model: ConfigModel = { ...buildModel(root, interp, opts.configId), virtualServers: kept.virtualServers };
  if (!findings) return { model, findings: [] };
  for (let i = 0; i < rules.length; i++) {
    if (!findings.enabled(i)) continue;
    if (rules[i].scope === 'file') findings.run(i, 'check', model, kept.skipped);
    if (rules[i].checkFile) findings.run(i, 'checkFile', model, kept.skipped);
  }
  return { model, findings: findings.result(kept.skipped, expanded) };
}
