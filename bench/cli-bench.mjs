// The CLI against `keepalived -t -f`: on one large config (ratio of medians of interleaved runs,
// peak RSS) and at several sizes (time and peak RSS per size, growth per line). Used by
// bench/run.mjs; every figure comes from a child process, so the bench's own heap is not in it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join, relative } from 'node:path';
import { generate, writeConfig } from './generate.mjs';
import { growth, interleave, median } from './stats.ts';

export function which(cmd) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  return undefined;
}

/** Wall time in ms of one run; the output is discarded (it is not what we measure). */
export function timeOnce(cmd, args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  if (r.signal) throw new Error(`${relative(process.cwd(), args[0] ?? cmd)} was killed by ${r.signal}`);
  return { ms, status: r.status, stderr: r.stderr?.toString() ?? '' };
}

/** Peak RSS (MiB) of a command: GNU time when there is one, else (node commands) the child's own report. */
export function peakRss(cmd, args) {
  if (existsSync('/usr/bin/time')) {
    const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr?.toString() ?? '');
    if (m) return { mib: Number(m[1]) / 1024, how: '/usr/bin/time -v' };
  }
  if (cmd !== process.execPath) return undefined;
  // process.resourceUsage().maxRSS of a child that runs the script in-process (kB on Linux).
  // With -e, process.argv is [node, script, ...]: what the script expects.
  const wrapper = `process.on('exit', () => process.stderr.write('MAXRSS ' + process.resourceUsage().maxRSS + '\\n')); require(${JSON.stringify(args[0])});`;
  const r = spawnSync(process.execPath, ['-e', wrapper, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const m = /MAXRSS (\d+)/.exec(r.stderr?.toString() ?? '');
  return m ? { mib: Number(m[1]) / 1024, how: 'process.resourceUsage().maxRSS' } : undefined;
}

/**
 * Our CLI's runs must be real checks: exit 0 or 1 (findings) with nothing on stderr. A crash or a
 * usage error stops the section with what the CLI said.
 */
function checkOurs(runs, file) {
  for (const r of runs) {
    if ((r.status === 0 || r.status === 1) && !r.stderr.trim()) continue;
    const said = r.stderr.trim().split('\n').slice(0, 5).join('\n    ');
    throw new Error(`the CLI on ${relative(process.cwd(), file)} exited with ${r.status}${said ? `:\n    ${said}` : ''}`);
  }
}

const lineCount = (text) => text.split('\n').length - 1;
const f0 = (x) => (x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(0));

/**
 * Section 1: `node CLI FILE` and `keepalived -t -f FILE` alternately (one untimed round first),
 * `runs` times each; the ratio of the medians; the CLI's peak RSS.
 */
export function cliVsKeepalived({ cli, file, runs, root }) {
  const ka = which('keepalived');
  if (!existsSync(file)) throw new Error(`no such file: ${file}`);
  const lines = lineCount(readFileSync(file, 'utf8'));
  console.log(`config: ${relative(process.cwd(), file)} (${lines} lines, ${(statSync(file).size / 1048576).toFixed(1)} MiB), ${runs} interleaved runs each (ours, keepalived, ours...), median wall time`);
  const commands = [() => timeOnce(process.execPath, [cli, file], root)];
  if (ka) commands.push(() => timeOnce(ka, ['-t', '-f', file], root));
  const [ours, theirs] = interleave(commands, runs);
  checkOurs(ours, file);
  const oursMs = median(ours.map((x) => x.ms));
  const kaMs = theirs ? median(theirs.map((x) => x.ms)) : undefined;
  if (theirs) {
    const noise = theirs[0].stderr.split('\n').filter((l) => l && !/doesn't exist|Non-existent interface/.test(l));
    console.log(`  keepalived -t -f FILE:   ${f0(kaMs).padStart(6)} ms  (runs: ${theirs.map((x) => f0(x.ms)).join(', ')}; ${noise.length} message line(s) besides interface existence)`);
  } else {
    console.log('  keepalived -t -f FILE:      n/a (keepalived not on PATH)');
  }
  console.log(`  node CLI FILE:           ${f0(oursMs).padStart(6)} ms  (runs: ${ours.map((x) => f0(x.ms)).join(', ')}; exit ${ours[0].status})`);
  const ratio = kaMs ? oursMs / kaMs : undefined;
  console.log(`  ratio ours/keepalived:   ${ratio === undefined ? '   n/a' : ratio.toFixed(2).padStart(6)}`);
  const rss = peakRss(process.execPath, [cli, file]);
  const kaRss = ka ? peakRss(ka, ['-t', '-f', file]) : undefined;
  console.log(`  peak RSS of our CLI:     ${rss ? `${rss.mib.toFixed(0).padStart(6)} MiB (${rss.how})` : '   n/a'}${kaRss ? `; keepalived -t: ${kaRss.mib.toFixed(0)} MiB` : ''}`);
  return { lines, oursMs, kaMs, ratio, rssMiB: rss?.mib, kaRssMiB: kaRss?.mib };
}

/** The sizes of section 2, in lines. */
export const SIZES = [1_000, 10_000, 50_000, 250_000];

/**
 * bench/generate.mjs options for a config of about `target` lines: the default config's mix
 * (instances and scripts in proportion, at least 2 of each), filled up with virtual_servers.
 */
export function sizedOptions(target) {
  const full = 265_000;
  const instances = Math.max(2, Math.min(250, Math.round((250 * target) / full)));
  const scripts = Math.max(2, Math.min(20, Math.round((20 * target) / full)));
  const base = lineCount(generate({ instances, scripts, virtualServers: 0 }));
  const perServer = (lineCount(generate({ instances, scripts, virtualServers: 10 })) - base) / 10;
  return { instances, scripts, virtualServers: Math.max(0, Math.round((target - base) / perServer)) };
}

/** Section 2: time (interleaved with keepalived when present) and peak RSS at each size. */
export function cliSizes({ cli, runs, root, outDir }) {
  const ka = which('keepalived');
  console.log(`sizes: ${SIZES.map((s) => `${s / 1000}k`).join(', ')} lines (bench/generate.mjs, same mix as the large config), ${runs} interleaved runs each, median wall time; peak RSS of one run`);
  const rows = [];
  for (const size of SIZES) {
    const g = writeConfig(join(outDir, `size-${size / 1000}k.conf`), sizedOptions(size));
    const commands = [() => timeOnce(process.execPath, [cli, g.path], root)];
    if (ka) commands.push(() => timeOnce(ka, ['-t', '-f', g.path], root));
    const [ours, theirs] = interleave(commands, runs);
    checkOurs(ours, g.path);
    const row = { size, lines: g.lines, oursMs: median(ours.map((x) => x.ms)), kaMs: theirs ? median(theirs.map((x) => x.ms)) : undefined, rssMiB: peakRss(process.execPath, [cli, g.path])?.mib };
    rows.push(row);
    console.log(
      `  ${String(g.lines).padStart(7)} lines: CLI ${f0(row.oursMs).padStart(5)} ms, peak RSS ${row.rssMiB === undefined ? 'n/a' : row.rssMiB.toFixed(0).padStart(4)} MiB` +
        ` | keepalived -t ${f0(row.kaMs).padStart(4)} ms${row.kaMs ? `, ratio ${(row.oursMs / row.kaMs).toFixed(2)}` : ''}`,
    );
  }
  const kbPerLine = growth(rows.filter((r) => r.rssMiB !== undefined).map((r) => ({ x: r.lines, y: r.rssMiB * 1024 })));
  const usPerLine = growth(rows.map((r) => ({ x: r.lines, y: r.oursMs * 1000 })));
  const kaUsPerLine = ka ? growth(rows.map((r) => ({ x: r.lines, y: r.kaMs * 1000 }))) : undefined;
  console.log(
    `  growth between ${rows[0].lines} and ${rows[rows.length - 1].lines} lines: ${Number.isFinite(kbPerLine) ? kbPerLine.toFixed(2) : 'n/a'} KB/line of peak RSS,` +
      ` ${usPerLine.toFixed(2)} µs/line of CLI time${kaUsPerLine !== undefined ? ` (keepalived -t: ${kaUsPerLine.toFixed(2)} µs/line)` : ''}`,
  );
  return { rows, kbPerLine, usPerLine, kaUsPerLine };
}
