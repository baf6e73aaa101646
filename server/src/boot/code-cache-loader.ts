// dist/cli.js and dist/server.js: run the bundle beside them (cli.bundle.js, server.bundle.js)
// through V8's code cache. Compiling the bundle is a fifth of the CLI's start-up; with the cache,
// V8 reads the bytecode a previous run made instead. The first run (or one under another Node or
// other V8 flags) compiles as usual and leaves a cache for the next ones.
//
// The cache is a file beside the bundle, so it is trusted exactly as much as the bundle (V8 runs
// its bytecode unchecked: it must never come from a shared folder such as /tmp). Its name holds
// the bundle's content hash, fixed when the bundle was built (V8 itself only compares the source
// length), Node's version, the architecture and the V8 options. A folder we may not write to just
// means no cache. KEEPALIVED_CODE_CACHE=0 turns it off.
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** The bundle's file name beside this loader, and its content hash ('' = never cache: watch builds). */
declare const KEEPALIVED_BUNDLE: string;
declare const KEEPALIVED_BUNDLE_ID: string;

/** A short hash of the options that make V8 reject a cache made under other ones. */
function flagsKey(): string {
  const s = `${process.execArgv.join(' ')}|${process.env.NODE_OPTIONS ?? ''}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

function cacheFile(): string | undefined {
  if (!KEEPALIVED_BUNDLE_ID || process.env.KEEPALIVED_CODE_CACHE === '0') return undefined;
  return join(__dirname, `${KEEPALIVED_BUNDLE}.${KEEPALIVED_BUNDLE_ID}.${process.version}-${process.arch}-${flagsKey()}.cache`);
}

function readCache(path: string | undefined): Buffer | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Writes the cache once, through a temporary file so that a concurrent run never reads half of one. */
function leaveCache(script: Script, path: string): void {
  let done = false;
  const write = () => {
    if (done) return;
    done = true;
    const tmp = `${path}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, path);
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // Nothing was written.
      }
    }
  };
  // At exit the cache holds every function the run compiled; a language server that runs for
  // long writes it once it has served its first requests.
  process.once('exit', write);
  setTimeout(write, 3000).unref();
}

const bundle = join(__dirname, KEEPALIVED_BUNDLE);
const path = cacheFile();
const cachedData = readCache(path);
// The bundle is one function expression (esbuild.mjs wraps it), compiled exactly as read: no
// string concatenation, so the source is not copied.
const script = new Script(readFileSync(bundle, 'utf8'), { filename: bundle, cachedData });
if (path && (!cachedData || script.cachedDataRejected)) leaveCache(script, path);
const main = script.runInThisContext() as (exports: object, req: NodeJS.Require, mod: object, filename: string, dirname: string) => void;
const mod = { exports: {} };
main.call(mod.exports, mod.exports, require, mod, bundle, __dirname);
