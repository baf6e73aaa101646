// Our analyzer, in process: what `node dist/cli.js --format json FILE` reports, without a build.
import { checkModel } from '../../server/src/analysis/analyze';
import { readModel } from '../../server/src/model/read';
import { checkFiles } from '../../server/src/analysis/check-files';
import type { Finding } from '../../server/src/rules/finding';
import { FsIncludeResolver, TreeCache, pathToUri, uriToPath } from '../../server/src/workspace/include-resolver';

export interface OurFinding {
  /** Absolute path. */
  file: string;
  /** 1-based. */
  line: number;
  severity: Finding['severity'];
  code: string;
  message: string;
}

/**
 * The findings for the file at `abs` with text `text`. With `configId`, the file is read as
 * `keepalived -i ID` reads it (the CLI reads every `@ID` line); that is the same pipeline as
 * checkFiles with the id passed to readModel.
 */
export function analyze(abs: string, text: string, configId?: string): OurFinding[] {
  let findings: Finding[];
  if (configId === undefined) {
    findings = checkFiles(new Map([[abs, text]]));
  } else {
    const cache = new TreeCache();
    const resolver = new FsIncludeResolver(undefined, undefined, cache);
    const model = readModel(cache.get(pathToUri(abs), text), { includes: resolver, configId });
    findings = checkModel(model);
  }
  return findings.map((f) => ({
    file: uriToPath(f.uri),
    line: f.range.start.line + 1,
    severity: f.severity,
    code: f.code,
    message: f.message,
  }));
}

/**
 * Our reading of where each block ends: the 1-based line of each closing `}` → the line of the
 * block's keyword (as keepalived reads them, displaced blocks included).
 */
export function blockCloses(abs: string, text: string, configId?: string): Map<number, number> {
  const cache = new TreeCache();
  const uri = pathToUri(abs);
  const model = readModel(cache.get(uri, text), { includes: new FsIncludeResolver(undefined, undefined, cache), configId });
  const out = new Map<number, number>();
  for (const s of model.interp.all) {
    if (s.close && s.close.uri === uri && s.keyword.uri === uri) out.set(s.close.range.start.line + 1, s.keyword.range.start.line + 1);
  }
  return out;
}
