// The configurations the corpus, oracle and formatting tests run over: the project's own corpus
// (test/fixtures/corpus, written for these tests and checked with `keepalived -t`), plus
// keepalived's sample configurations when KEEPALIVED_SAMPLES names a folder holding them (an
// optional extra: they are not ours to ship, so a clone has only our corpus).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));

export interface CorpusFile {
  /** Name in test titles: the file name, prefixed with `samples/` for keepalived's samples. */
  name: string;
  /** Absolute path. */
  path: string;
  text: string;
  /** Files the config includes, by path relative to its folder (written beside it when copied). */
  companions: Record<string, string>;
}

/** Every file under `dir`, by path relative to `dir`. */
function filesUnder(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? filesUnder(p, base) : [relative(base, p)];
    });
}

/** Our corpus: each top-level file is one config; sub-folders hold the files they include. */
export function ourCorpus(): CorpusFile[] {
  const all = filesUnder(CORPUS_DIR);
  const companions = Object.fromEntries(all.filter((f) => f.includes('/')).map((f) => [f, readFileSync(join(CORPUS_DIR, f), 'utf8')]));
  return all
    .filter((f) => !f.includes('/'))
    .map((f) => ({ name: f, path: join(CORPUS_DIR, f), text: readFileSync(join(CORPUS_DIR, f), 'utf8'), companions }));
}

/** Our corpus's included files (formatting runs over them too). */
export function corpusIncludes(): { path: string; text: string }[] {
  return filesUnder(CORPUS_DIR)
    .filter((f) => f.includes('/'))
    .map((f) => ({ path: join(CORPUS_DIR, f), text: readFileSync(join(CORPUS_DIR, f), 'utf8') }));
}

/**
 * keepalived's samples from $KEEPALIVED_SAMPLES; [] when the variable is unset. A variable that
 * names a missing or empty folder is a mistake in the test set-up, not a reason to test less.
 */
export function keepalivedSamples(): CorpusFile[] {
  const dir = process.env.KEEPALIVED_SAMPLES;
  if (!dir) return [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`KEEPALIVED_SAMPLES=${dir} is not a folder`);
  const names = readdirSync(dir)
    .sort()
    .filter((n) => statSync(join(dir, n)).isFile());
  if (names.length === 0) throw new Error(`KEEPALIVED_SAMPLES=${dir} holds no files`);
  return names.map((n) => ({ name: `samples/${n}`, path: join(dir, n), text: readFileSync(join(dir, n), 'utf8'), companions: {} }));
}

/** Our corpus, then keepalived's samples when KEEPALIVED_SAMPLES is set. */
export function allCorpora(): CorpusFile[] {
  return [...ourCorpus(), ...keepalivedSamples()];
}
