// Times keepalived's own checker and our CLI on the same large config, in one run, and reports
// the ratio and our peak memory. A report, not a test: it always exits 0.
//
//   node bench/run.mjs [CONFIG] [--runs N] [--profile]       start-up, then the large config
//   node bench/run.mjs --large [CONFIG] [--runs N] [--profile] the large config only
//   node bench/run.mjs --startup [CONFIG] [--runs N] [--anchor FILE] [--dist DIR]
//                                                             start-up only (bench/startup.mjs)
//
// CONFIG defaults to bench/out/large.conf (generated when missing). Each command runs N times
// (default 3) and the median wall time counts. --profile also runs `node --cpu-prof dist/cli.js`
// and prints where the time goes (self time per function, and per source file).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OUT, writeConfig } from './generate.mjs';
import { startupBench } from './startup.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist/cli.js');
const RSS_LIMIT_MIB = 400;

function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  return undefined;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Wall time in ms of one run; the output is discarded (it is not what we measure). */
function timeOnce(cmd, args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  return { ms, status: r.status, signal: r.signal, stderr: r.stderr?.toString() ?? '' };
}

/** Peak RSS (MiB) of `node dist/cli.js FILE`: GNU time when there is one, else the child's own report. */
function peakRss(file) {
  const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  if (gnuTime) {
    const r = spawnSync(gnuTime, ['-v', process.execPath, cli, file], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr?.toString() ?? '');
    if (m) return { mib: Number(m[1]) / 1024, how: '/usr/bin/time -v' };
  }
  // process.resourceUsage().maxRSS of a child that runs the CLI in-process (kB on Linux).
  // With -e, process.argv is [node, cli, file]: what the CLI expects.
  const wrapper = `process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n')); require(${JSON.stringify(cli)});`;
  const r = spawnSync(process.execPath, ['-e', wrapper, cli, file], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const m = /MAXRSS (\d+)/.exec(r.stderr?.toString() ?? '');
  return m ? { mib: Number(m[1]) / 1024, how: 'process.resourceUsage().maxRSS' } : undefined;
}

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

function main(argv) {
  let file = DEFAULT_OUT;
  let runs = 3;
  let profile = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Math.max(1, Number(argv[++i]) || 3);
    else if (argv[i] === '--profile') profile = true;
    else file = resolve(argv[i]);
  }
  if (!existsSync(file)) {
    if (file !== DEFAULT_OUT) throw new Error(`no such file: ${file}`);
    const g = writeConfig(file);
    console.log(`generated ${relative(root, g.path)}: ${g.lines} lines`);
  }
  if (!existsSync(cli)) {
    console.log('dist/cli.js is missing: building');
    const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('build failed');
  }
  const lines = readFileSync(file, 'utf8').split('\n').length - 1;
  console.log(`config: ${relative(process.cwd(), file)} (${lines} lines, ${(statSync(file).size / 1048576).toFixed(1)} MiB), ${runs} run(s) each, median wall time`);

  const ka = which('keepalived');
  let kaMs;
  if (ka) {
    const t = Array.from({ length: runs }, () => timeOnce(ka, ['-t', '-f', file], root));
    kaMs = median(t.map((x) => x.ms));
    const noise = t[0].stderr.split('\n').filter((l) => l && !/doesn't exist|Non-existent interface/.test(l));
    console.log(`keepalived -t -f FILE:   ${kaMs.toFixed(0).padStart(6)} ms  (runs: ${t.map((x) => x.ms.toFixed(0)).join(', ')}; ${noise.length} message line(s) besides interface existence)`);
  } else {
    console.log('keepalived -t -f FILE:       n/a (keepalived not on PATH)');
  }

  const ours = Array.from({ length: runs }, () => timeOnce(process.execPath, [cli, file], root));
  const oursMs = median(ours.map((x) => x.ms));
  console.log(`node dist/cli.js FILE:   ${oursMs.toFixed(0).padStart(6)} ms  (runs: ${ours.map((x) => x.ms.toFixed(0)).join(', ')}; exit ${ours[0].status})`);
  const ratio = kaMs ? oursMs / kaMs : undefined;
  console.log(`ratio ours/keepalived:   ${ratio === undefined ? '   n/a' : ratio.toFixed(2).padStart(6)}`);
  const rss = peakRss(file);
  console.log(`peak RSS of our CLI:     ${rss ? `${rss.mib.toFixed(0).padStart(6)} MiB (${rss.how})` : '   n/a'}`);

  const slow = ratio !== undefined && ratio > 1;
  const big = rss !== undefined && rss.mib > RSS_LIMIT_MIB;
  if (slow || big) console.log(`\nover budget (${[slow && 'slower than keepalived', big && `above ${RSS_LIMIT_MIB} MiB`].filter(Boolean).join(', ')}): run with --profile to see where the time goes`);

  if (profile) {
    const dir = join(root, 'bench/out/profile');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, cli, file], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const prof = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (prof) console.log(`\nprofile ${relative(process.cwd(), join(dir, prof))}\n${summarizeProfile(join(dir, prof))}`);
  }
}

const argv = process.argv.slice(2);
try {
  // Start-up first: it is what most runs of the CLI cost (see bench/startup.mjs).
  if (argv.includes('--startup') || !argv.includes('--large')) {
    await startupBench(argv.includes('--startup') ? argv : []);
    console.log('');
  }
  if (!argv.includes('--startup')) main(argv.filter((a) => a !== '--large'));
} catch (e) {
  console.log(`bench: ${e instanceof Error ? e.message : e}`);
}
process.exitCode = 0;
