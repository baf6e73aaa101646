// The benchmark suite: every figure of issue 14's "Must show" in one run, each section labelled,
// then a summary of the figures against their targets. A report, not a test: it exits 0 even when
// a target is missed; a section that fails (crash, protocol timeout) says why and the rest go on.
//
//   node bench/run.mjs [CONFIG] [--runs N] [--profile] [--section NAME]... [--markdown] [--dist DIR]
//                      [--iterations N] [--sites N]
//
// Sections (all by default, in this order; `--section a,b` or repeated `--section` picks some):
//   startup    the CLI on a small config against `node -e 0`, and the server's start-up (bench/startup.mjs)
//   cli        `node CLI CONFIG` against `keepalived -t -f CONFIG`, interleaved, `--runs` (default 5)
//              each: medians, their ratio, the CLI's peak RSS. CONFIG defaults to bench/out/large.conf
//              (bench/generate.mjs defaults, 265k lines; generated when missing)
//   sizes      the CLI (and keepalived -t) at 1k, 10k, 50k and 250k lines (generated), `--runs`
//              (default 3) interleaved each: time, peak RSS, growth per line between 1k and 250k
//   lsp        `node server.js --stdio` on a generated ~5k-line file: completion right after a
//              keystroke, and edit → fresh diagnostics with the publish debounce at 0
//              (initializationOptions.diagnosticsDelayMs), `--iterations` (default 60) each: p50/p95;
//              the server's peak RSS
//   workspace  a generated workspace of `--sites` (default 250) MASTER/BACKUP pairs: initialize →
//              first diagnostics of the opened file (median of 3 servers); edit → the partner's peer
//              finding republished (p50/p95 of 20); the server's peak RSS
//   --profile  after the cli section, `node --cpu-prof dist/cli.js CONFIG` and where the time goes
//   --markdown after the summary, the rows of README's Performance table
//
// The bundles measured are a production build made into bench/out/production (what the VSIX and
// the npm package ship), unless --dist names a folder; --profile runs dist/ for its source maps.
// Shortcuts kept from before: --startup = the start-up section only, with its own options
// (bench/startup.mjs: CONFIG, --runs, --anchor, --dist); --large = --section cli.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { DEFAULT_OUT, writeConfig } from './generate.mjs';
import { productionBuild, startupBench } from './startup.mjs';

// The LSP sections reuse the tests' TypeScript LSP client; the report helpers are TypeScript too.
register();
const { cliSizes, cliVsKeepalived } = await import('./cli-bench.mjs');
const { lspEditing, lspWorkspace } = await import('./lsp.ts');
const { figuresOf, formatMarkdown, formatSummary } = await import('./summary.ts');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'bench/out');
const SECTIONS = ['startup', 'cli', 'sizes', 'lsp', 'workspace'];

/** Functions of the pipeline whose inclusive time the profile summary shows, outermost first. */
const STAGES = ['checkFiles', 'checkNodes', 'readNodes', 'checkCluster', 'parseSyntax', 'parseCst', 'tokenize', 'document', 'items', 'interpret', 'buildModel', 'checkModel', 'formatText', 'formatJson', 'compareFindings'];

/** Self time per function and per file from a .cpuprofile (sampled: ticks × interval). */
function summarizeProfile(path, top = 25) {
  const prof = JSON.parse(readFileSync(path, 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = prof.timeDeltas ?? [];
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  // The bundle's source map turns dist/cli.js positions back into server/src/... ones.
  const maps = new Map();
  const sourceMap = (file) => {
    if (!maps.has(file)) {
      try {
        maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))));
      } catch {
        maps.set(file, undefined);
      }
    }
    return maps.get(file);
  };
  const fnTime = new Map();
  const fileTime = new Map();
  for (const [id, us] of self) {
    const cf = byId.get(id).callFrame;
    let file = cf.url ? cf.url.replace(/^file:\/\//, '') : `(${cf.functionName || 'native'})`;
    let line = cf.lineNumber + 1;
    const entry = cf.url ? sourceMap(file)?.findEntry(cf.lineNumber, cf.columnNumber) : undefined;
    if (entry && entry.originalSource) {
      file = resolve(dirname(cf.url.replace(/^file:\/\//, '')), entry.originalSource.replace(/^file:\/\//, ''));
      line = entry.originalLine + 1;
    }
    const fn = `${cf.functionName || '(anonymous)'}  ${cf.url ? `${relative(root, file)}:${line}` : file}`;
    fnTime.set(fn, (fnTime.get(fn) ?? 0) + us);
    fileTime.set(file, (fileTime.get(file) ?? 0) + us);
  }
  const fmt = (m, n = top) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  // Inclusive time of the pipeline's stages: a sample counts for every stage on its stack.
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stageTime = new Map();
  for (const [id, us] of self) {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const name = byId.get(n).callFrame.functionName;
      if (STAGES.includes(name) && !seen.has(name)) {
        seen.add(name);
        stageTime.set(name, (stageTime.get(name) ?? 0) + us);
      }
    }
  }
  const stages = STAGES.filter((n) => stageTime.has(n)).map((n) => [n, stageTime.get(n)]);
  const files = new Map([...fileTime].map(([f, us]) => [f.startsWith('(') ? f : relative(root, f), us]));
  const stageText = stages.map(([k, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`).join('\n');
  return `sampled ${(total / 1000).toFixed(0)} ms\ninclusive time of pipeline stages (nested stages count in their callers too):\n${stageText}\nself time by function (top ${top}):\n${fmt(fnTime)}\nself time by file (top 12):\n${fmt(new Map([...files].slice()), 12)}`;
}

function parseArgs(argv) {
  const o = { file: DEFAULT_OUT, runs: undefined, profile: false, markdown: false, dist: undefined, iterations: 60, sites: 250, sections: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = (fallback) => {
      const n = Number(argv[++i]);
      return Number.isInteger(n) && n > 0 ? n : fallback;
    };
    if (a === '--runs') o.runs = num(undefined);
    else if (a === '--profile') o.profile = true;
    else if (a === '--markdown') o.markdown = true;
    else if (a === '--dist') o.dist = resolve(argv[++i] ?? '');
    else if (a === '--iterations') o.iterations = num(o.iterations);
    else if (a === '--sites') o.sites = num(o.sites);
    else if (a === '--large') o.sections.push('cli');
    else if (a === '--section') {
      for (const name of (argv[++i] ?? '').split(',')) {
        if (!SECTIONS.includes(name)) throw new Error(`unknown section '${name}' (sections: ${SECTIONS.join(', ')})`);
        o.sections.push(name);
      }
    } else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else o.file = resolve(a);
  }
  if (o.sections.length === 0) o.sections = [...SECTIONS];
  return o;
}

function machine() {
  const c = cpus();
  const commit = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout?.trim();
  return `${new Date().toISOString().slice(0, 10)} on ${c[0]?.model.trim() ?? 'an unknown CPU'} (${c.length} cores, load average ${loadavg()[0].toFixed(1)}), Node ${process.version}${commit ? `, commit ${commit}` : ''}`;
}

function ensureDevBuild() {
  if (existsSync(join(root, 'dist/cli.js'))) return;
  console.log('dist/cli.js is missing: building');
  const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) throw new Error('build failed');
}

function profileCli(file) {
  ensureDevBuild();
  const dir = join(outDir, 'profile');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, join(root, 'dist/cli.js'), file], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const prof = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (prof) console.log(`\nprofile ${relative(process.cwd(), join(dir, prof))}\n${summarizeProfile(join(dir, prof))}`);
}

/** Runs one section; a failure is reported and leaves its figures n/a. */
async function section(title, run) {
  console.log(`\n=== ${title} ===`);
  try {
    return await run();
  } catch (e) {
    console.log(`  FAILED: ${e instanceof Error ? e.message : e}`);
    return undefined;
  }
}

async function main(argv) {
  if (argv.includes('--startup')) {
    await startupBench(argv);
    return;
  }
  const o = parseArgs(argv);
  const runs = (fallback) => o.runs ?? fallback;
  const wants = (name) => o.sections.includes(name);
  console.log(`keepalived-lsp benchmark, ${machine()}`);
  const dist = o.dist ?? productionBuild();
  const cli = join(dist, 'cli.js');
  const serverJs = join(dist, 'server.js');
  console.log(`bundles: ${relative(process.cwd(), dist) || '.'}`);

  if (wants('startup')) await section('start-up', () => startupBench(['--dist', dist]));
  const large = wants('cli')
    ? await section('1. CLI vs keepalived -t -f, large config', () => {
        if (!existsSync(o.file)) {
          if (o.file !== DEFAULT_OUT) throw new Error(`no such file: ${o.file}`);
          const g = writeConfig(o.file);
          console.log(`generated ${relative(root, g.path)}: ${g.lines} lines`);
        }
        const r = cliVsKeepalived({ cli, file: o.file, runs: runs(5), root });
        if (o.profile) profileCli(o.file);
        return r;
      })
    : undefined;
  const sizes = wants('sizes') ? await section('2. CLI time and peak RSS by size', () => cliSizes({ cli, runs: runs(3), root, outDir })) : undefined;
  const lsp = wants('lsp') ? await section('3. language server, editing one file', () => lspEditing({ serverJs, outDir, iterations: o.iterations, warmup: 5 })) : undefined;
  const ws = wants('workspace') ? await section('4. language server, 500-node workspace', () => lspWorkspace({ serverJs, outDir, sites: o.sites, starts: 3, iterations: 20, warmup: 2 })) : undefined;

  // A section that ran and failed is null: its rows say n/a.
  const ran = (name, r) => (wants(name) ? (r ?? null) : undefined);
  const figures = figuresOf({ large: ran('cli', large), sizes: ran('sizes', sizes), lsp: ran('lsp', lsp), workspace: ran('workspace', ws) });
  if (figures.length) {
    console.log(`\n=== summary: ${machine()} ===\n${formatSummary(figures)}`);
    if (o.markdown) console.log(`\n=== README rows ===\nMeasured ${machine()}, with \`npm run bench\`:\n\n${formatMarkdown(figures)}`);
  }
}

try {
  await main(process.argv.slice(2));
} catch (e) {
  console.log(`bench: ${e instanceof Error ? e.message : e}`);
}
process.exitCode = 0;
