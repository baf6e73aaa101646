// keepalived itself as the oracle: every configuration of our corpus (test/fixtures/corpus, and
// keepalived's own samples when KEEPALIVED_SAMPLES names them), and seeded mutants of each (a
// keyword typo, a number out of range, an invalid IP, a removed `}`, a block keyword's `{`
// deleted, the last block left unclosed), are checked by
// `keepalived -t -f FILE` and by our analyzer, line by line:
//   (a) every line keepalived reports gets at least one diagnostic from us (any severity);
//   (b) we report no error on a line keepalived does not report.
// Host-dependent messages (interfaces this machine lacks, script security) are left out, and the
// known differences below are allowed one by one, each with its reason.
//
// ORACLE_SEED=n and ORACLE_MUTANTS=n (mutants per kind per file, default 1) widen the search.
// Without keepalived on PATH our analyzer still runs on every variant (no rule may throw) and the
// comparison is skipped with one line saying so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { allCorpora, type CorpusFile } from '../helpers/corpus';
import { blockExtent, findKeepalived, hostInterfaces, parseKeepalived, runKeepalived, type KaResult } from './keepalived-oracle';
import { mutants, type Mutant } from './mutants';
import { analyze, blockCloses, type OurFinding } from './our-analysis';

const SEED = Number(process.env.ORACLE_SEED ?? 20220116);
const PER_KIND = Number(process.env.ORACLE_MUTANTS ?? 1);

/** A known, explained difference between keepalived 2.2.7 and us. */
interface Allowance {
  /** 'missed': keepalived reports the line, we do not. 'extra': we report an error there, keepalived does not. */
  side: 'missed' | 'extra';
  /** Matched against keepalived's message (missed) or against `code: message` of ours (extra). */
  match: RegExp;
  /** Applies only to runs where this holds. */
  when?: (ka: KaResult) => boolean;
  reason: string;
}

/** keepalived -t stopped at an interface this host lacks, before its whole-config checks. */
const stoppedEarly = (ka: KaResult) => ka.unnumbered.some((m) => /Non-existent interface specified/.test(m));

const ALLOWED: readonly Allowance[] = [
  {
    side: 'extra',
    match: /^missing-required: vrrp_instance \S+ has no 'virtual_router_id'/,
    when: stoppedEarly,
    reason:
      'keepalived checks for a VRID only after reading everything (chk_min_cfg, a message without a line number), and -t stops before that check when an interface is missing on this host: a host-dependent silence',
  },
  {
    side: 'extra',
    match: /^undefined-reference: No vrrp_instance named /,
    when: stoppedEarly,
    reason:
      "keepalived resolves sync group members after reading everything (\"Virtual router X specified in sync group G doesn't exist\", without a line number), and -t stops before that when an interface is missing on this host",
  },
  {
    side: 'extra',
    match: /^duplicate-vrid: .* on interface (\S+):/,
    when: (ka) => ka.unnumbered.some((m) => /Non-existent interface specified/.test(m)) || ka.hostDependent.some((r) => /doesn't exist/.test(r.message)),
    reason:
      "keepalived compares two multicast instances' VRIDs only when their interface exists on the host that runs the check (check_vrrp_config needs its ifindex), and unicast ones only when it knows both source addresses: on a host without the interface -t says nothing",
  },
  {
    side: 'extra',
    match: /^undefined-reference: No virtual_server_group named /,
    reason:
      'keepalived -t never looks the group up: the checker process does when it starts (link_vsg_to_vs) and logs "Virtual server group X specified but not configured - ignoring virtual server" to syslog, so the real daemon drops the virtual server while -t says nothing',
  },
];

const allowed = (side: Allowance['side'], text: string, ka: KaResult) => ALLOWED.some((a) => a.side === side && a.match.test(text) && (!a.when || a.when(ka)));

/**
 * keepalived messages after which it skips the rest of a block unread: it cannot report anything
 * inside, so our errors there are not false (keepalived never looked).
 */
const SKIPS_BLOCK: readonly RegExp[] = [
  /Invalid virtual server IP address.*skipping/i,
  /Invalid real server ip address.*skipping/i,
  // A second vrrp_instance, vrrp_sync_group or track_group of one name: skip_block().
  /^vrrp instance \S+ already defined$|^vrrp sync group \S+ already defined$|^track_group \S+ already defined/,
];

interface Tally {
  kaLines: number;
  matched: number;
  missedAllowed: number;
  ourErrorLines: number;
  falseErrors: number;
  extraAllowed: number;
}

const zero = (): Tally => ({ kaLines: 0, matched: 0, missedAllowed: 0, ourErrorLines: 0, falseErrors: 0, extraAllowed: 0 });

function add(a: Tally, b: Tally): void {
  for (const k of Object.keys(a) as (keyof Tally)[]) a[k] += b[k];
}

interface Variant {
  label: string;
  mutant?: Mutant;
  text: string;
}

/**
 * keepalived reads `@ID` lines for its config id, which defaults to the host name up to the first
 * dot. We run keepalived without -i (a file's own ids may select a net_namespace this host lacks,
 * and keepalived -t then exits without checking) and read the file for that same default id.
 */
function configIdFor(text: string): string | undefined {
  return /^\s*@/m.test(text) ? hostname().split('.')[0] : undefined;
}

/** 1-based line of each block's keyword, by the 1-based line of its closing `}`. */
function blockOpeners(text: string): Map<number, number> {
  const out = new Map<number, number>();
  const stack: number[] = [];
  let lastWordLine = 1;
  text.split('\n').forEach((raw, i) => {
    let quoted = false;
    let word = false;
    for (const c of raw) {
      if (c === '"') quoted = !quoted;
      if (quoted) continue;
      if (c === '#' || c === '!') break;
      if (c === '{') stack.push(lastWordLine);
      else if (c === '}') {
        const open = stack.pop();
        if (open !== undefined) out.set(i + 1, open);
      } else if (!/\s/.test(c) && !word) {
        word = true;
        lastWordLine = i + 1;
      }
    }
  });
  return out;
}

/** 1-based line of the top-level block still open, by counting braces, at the end of the text. */
function openAtEnd(text: string): number | undefined {
  let depth = 0;
  let start: number | undefined;
  let lastWordLine = 1;
  text.split('\n').forEach((raw, i) => {
    let quoted = false;
    let word = false;
    for (const c of raw) {
      if (c === '"') quoted = !quoted;
      if (quoted) continue;
      if (c === '#' || c === '!') break;
      if (c === '{') {
        if (depth++ === 0) start = lastWordLine;
      } else if (c === '}') depth = Math.max(0, depth - 1);
      else if (!/\s/.test(c) && !word) {
        word = true;
        lastWordLine = i + 1;
      }
    }
  });
  return depth > 0 ? start : undefined;
}

/**
 * Lines that keepalived's unnumbered whole-config messages are about: `(VI_1) ...` → the
 * vrrp_instance VI_1 line; `Virtual router VI_3 specified in sync group G2 doesn't exist` → the
 * VI_3 line of sync group G2.
 */
function attributeUnnumbered(text: string, unnumbered: readonly string[]): number[] {
  const heads = text.split('\n').map((l) => l.trim().split(/\s+/).filter((w, i) => i > 0 || !w.startsWith('@')));
  const out: number[] = [];
  for (const msg of unnumbered) {
    const inst = /^\(([^)\s]+)\)/.exec(msg);
    const member = /^Virtual router (\S+) specified in sync group (\S+) doesn't exist/.exec(msg);
    if (inst) {
      const i = heads.findIndex((w) => w[0] === 'vrrp_instance' && w[1] === inst[1]);
      if (i >= 0) out.push(i + 1);
    } else if (member) {
      const g = heads.findIndex((w) => w[0] === 'vrrp_sync_group' && w[1] === member[2]);
      const i = g < 0 ? -1 : heads.findIndex((w, n) => n > g && w[0] === member[1]);
      if (i >= 0) out.push(i + 1);
    }
  }
  return out;
}

const key = (file: string, line: number) => `${file}\u0000${line}`;

function fmtOurs(list: readonly OurFinding[]): string {
  return list.length ? list.map((f) => `${f.severity} [${f.code}] ${f.message}`).join(' | ') : '(none)';
}

function groupBy<T extends { file: string; line: number }>(list: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x.file, x.line);
    const l = m.get(k);
    if (l) l.push(x);
    else m.set(k, [x]);
  }
  return m;
}

interface Run {
  /** Names the run in messages. */
  where: string;
  text: string;
  /** Absolute path of the checked file. */
  checked: string;
  ka: KaResult;
  ours: OurFinding[];
  /** Block ends as our interpreter reads them (closing line → keyword line). */
  closes: Map<number, number>;
}

/**
 * Compares one run; returns the tally and the violations as readable lines. keepalived checks a
 * block when it reads its closing `}` and reports that line, where we report the block's keyword:
 * the two lines are taken as one place.
 */
function compare(run: Run): { tally: Tally; violations: string[] } {
  const { where, text, checked, ka, ours } = run;
  const tally = zero();
  const violations: string[] = [];
  const textual = blockOpeners(text);
  const codeLines = text.split('\n').map((l) => l.replace(/[#!].*$/, '').trim() !== '');
  /** keepalived reports a missing '{' on the line after the keyword, where we report the keyword: one place. */
  const keywordBefore = (line: number) => {
    for (let n = line - 1; n >= 1; n--) if (codeLines[n - 1]) return n;
    return undefined;
  };
  const openersOf = (line: number) => [textual.get(line), run.closes.get(line)].filter((n): n is number => n !== undefined);
  const kaByLine = groupBy(ka.reports);
  const oursByLine = groupBy(ours);
  /** Lines keepalived speaks about, for (b): its own lines, the keyword lines of the blocks whose `}` it reports, and the instances its unnumbered messages name. */
  const kaSpeaks = new Set(kaByLine.keys());
  for (const r of ka.reports) {
    if (r.file === checked) for (const open of openersOf(r.line)) kaSpeaks.add(key(checked, open));
  }
  for (const line of attributeUnnumbered(text, ka.unnumbered)) kaSpeaks.add(key(checked, line));
  for (const r of ka.reports) {
    const kw = r.file === checked && /^Missing '\{' at beginning of configuration block/.test(r.message) ? keywordBefore(r.line) : undefined;
    if (kw !== undefined) kaSpeaks.add(key(checked, kw));
  }
  // A line keepalived complains about in host-dependent terms (an interface this host lacks) is still a line it reports.
  for (const r of ka.hostDependent) kaSpeaks.add(key(r.file, r.line));

  // (a) every line keepalived reports.
  for (const [k, rs] of kaByLine) {
    tally.kaLines++;
    const { file, line } = rs[0];
    const missingOpen = rs.some((r) => /^Missing '\{' at beginning of configuration block/.test(r.message)) ? keywordBefore(line) : undefined;
    if (
      oursByLine.has(k) ||
      (file === checked && openersOf(line).some((open) => oursByLine.has(key(file, open)))) ||
      (file === checked && missingOpen !== undefined && oursByLine.has(key(file, missingOpen)))
    ) {
      tally.matched++;
      continue;
    }
    if (rs.every((r) => allowed('missed', r.message, ka))) {
      tally.missedAllowed++;
      continue;
    }
    const near = ours.filter((f) => f.file === file && Math.abs(f.line - line) <= 2);
    violations.push(
      `${where}: line ${line}${file === checked ? '' : ` of ${file}`}: keepalived: ${rs.map((r) => JSON.stringify(r.message)).join(' | ')}; ours: (none)` +
        (near.length ? `; ours nearby: ${near.map((f) => `line ${f.line} ${f.severity} [${f.code}] ${f.message}`).join(' | ')}` : ''),
    );
  }

  // (b) no error where keepalived is silent, outside blocks keepalived skipped unread.
  const lastReported = Math.max(0, ...ka.reports.filter((r) => r.file === checked).map((r) => r.line), ...ka.hostDependent.filter((r) => r.file === checked).map((r) => r.line));
  // keepalived reads the file once per subsystem (global, VRRP, checkers); each pass skips the
  // blocks of the others by counting braces, so a block left open swallows the rest of the file
  // in those passes and keepalived never checks the values there (only its first pass reports).
  const swallowedFrom = ka.unnumbered.some((m) => /There are \d+ missing '}'s/.test(m)) ? openAtEnd(text) : undefined;
  const skipped = ka.reports.filter((r) => r.file === checked && SKIPS_BLOCK.some((re) => re.test(r.message))).map((r) => blockExtent(text, r.line));
  for (const [k, fs] of oursByLine) {
    const errors = fs.filter((f) => f.severity === 'error');
    if (!errors.length) continue;
    tally.ourErrorLines++;
    if (kaSpeaks.has(k)) continue;
    const { file, line } = errors[0];
    // keepalived crashed after its last report: it never read the rest. An exit on a missing
    // parameter cuts every pass short (keepalived reads the file once per process), wherever it is.
    if ((ka.crashed && file === checked && line > lastReported) || ka.exited) {
      tally.extraAllowed++;
      continue;
    }
    if (file === checked && (skipped.some(([a, b]) => line > a && line <= b) || (swallowedFrom !== undefined && line >= swallowedFrom))) {
      tally.extraAllowed++;
      continue;
    }
    if (errors.every((f) => allowed('extra', `${f.code}: ${f.message}`, ka))) {
      tally.extraAllowed++;
      continue;
    }
    tally.falseErrors++;
    violations.push(`${where}: line ${line}${file === checked ? '' : ` of ${file}`}: keepalived: (nothing); ours: ${fmtOurs(errors)}`);
  }
  return { tally, violations };
}

function pct(n: number, d: number): string {
  return d ? `${((100 * n) / d).toFixed(1)}%` : '-';
}

function table(rows: [string, Tally][]): string {
  const head = ['', 'ka lines', 'matched', 'allowed', 'agreement', 'our error lines', 'false errors', 'excused', 'false rate'];
  const body = rows.map(([name, t]) => [
    name,
    String(t.kaLines),
    String(t.matched),
    String(t.missedAllowed),
    pct(t.matched, t.kaLines),
    String(t.ourErrorLines),
    String(t.falseErrors),
    String(t.extraAllowed),
    pct(t.falseErrors, t.ourErrorLines),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(fmt)].join('\n');
}

test('the comparison fails on a line keepalived reports that we miss, and on an error it does not report', () => {
  const text = 'vrrp_script s {\n  foo\n  interval 1\n}\n';
  const checked = '/x/keepalived.conf';
  const ka: KaResult = { reports: [{ file: checked, line: 2, message: "Unknown keyword 'foo'" }], hostDependent: [], unnumbered: [] };
  const ours: OurFinding[] = [{ file: checked, line: 3, severity: 'error', code: 'invalid-value', message: 'made up' }];
  const r = compare({ where: 'synthetic', text, checked, ka, ours, closes: new Map() });
  assert.equal(r.violations.length, 2);
  assert.match(r.violations[0], /line 2: keepalived: "Unknown keyword 'foo'"; ours: \(none\)/);
  assert.match(r.violations[1], /line 3: keepalived: \(nothing\); ours: error \[invalid-value\] made up/);
  // keepalived reports a block at its '}', we at its keyword: one place.
  const atClose: KaResult = { reports: [{ file: checked, line: 4, message: 'No script set for vrrp_script s - removing' }], hostDependent: [], unnumbered: [] };
  const atKeyword: OurFinding[] = [{ file: checked, line: 1, severity: 'error', code: 'missing-required', message: 'no script' }];
  assert.deepEqual(compare({ where: 'synthetic', text, checked, ka: atClose, ours: atKeyword, closes: new Map() }).violations, []);
});

/** The file and its variants (the original, then seeded mutants). */
function variantsOf(file: CorpusFile): Variant[] {
  const variants: Variant[] = [{ label: 'original', text: file.text }];
  const count = new Map<string, number>();
  for (const m of mutants(file.text, file.name, SEED, PER_KIND)) {
    const n = count.get(m.kind) ?? 0;
    count.set(m.kind, n + 1);
    variants.push({ label: `${m.kind}#${n}`, mutant: m, text: m.text });
  }
  return variants;
}

/** Writes a variant, with the files it includes beside it, into its own folder; returns its path. */
function writeVariant(tmp: string, file: CorpusFile, v: Variant): string {
  const dir = join(tmp, v.label, file.name.replace(/[^\w.-]/g, '_'));
  const base = file.name.replace(/^samples\//, '');
  for (const [rel, text] of Object.entries(file.companions)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  mkdirSync(dir, { recursive: true });
  const abs = join(dir, base);
  writeFileSync(abs, v.text);
  return abs;
}

const where = (file: CorpusFile, v: Variant, id?: string) => `${file.name} [${v.label}${v.mutant ? ` line ${v.mutant.line}: ${v.mutant.description}` : ''}${id ? `, config id ${id}` : ''}]`;

const corpora = allCorpora();
const bin = findKeepalived();

test('our analyzer reads every corpus file and its mutants without a rule throwing', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ka-analyze-'));
  try {
    for (const file of corpora) {
      for (const v of variantsOf(file)) {
        const abs = writeVariant(tmp, file, v);
        const internal = analyze(abs, v.text, configIdFor(v.text)).filter((f) => f.message.startsWith('Internal error'));
        assert.deepEqual(internal, [], `${where(file, v)}: a rule threw`);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('keepalived -t oracle: corpus and seeded mutants', { skip: !bin && 'keepalived is not on PATH (apt-get install keepalived; .ci/run installs it): the comparison with keepalived -t is skipped' }, async (t) => {
  const ifaces = hostInterfaces();
  const tmp = mkdtempSync(join(tmpdir(), 'ka-oracle-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const byFile: [string, Tally][] = [];
  const byKind = new Map<string, Tally>();
  const total = zero();
  const crashes: string[] = [];

  for (const file of corpora) {
    await t.test(file.name, async () => {
      const fileTally = zero();
      const violations: string[] = [];
      for (const v of variantsOf(file)) {
        const abs = writeVariant(tmp, file, v);
        const lines = v.text.split('\n');
        const id = configIdFor(v.text);
        const ours = analyze(abs, v.text, id);
        const out = await runKeepalived(bin as string, abs);
        const ka = parseKeepalived(out.output, abs, (f, n) => (f === abs ? lines[n - 1] : undefined), ifaces, out.crashed);
        if (ka.crashed) crashes.push(`${where(file, v)}: ${ka.crashed}`);
        const r = compare({ where: where(file, v, id), text: v.text, checked: abs, ka, ours, closes: blockCloses(abs, v.text, id) });
        violations.push(...r.violations);
        add(fileTally, r.tally);
        const kind = v.mutant?.kind ?? 'original';
        if (!byKind.has(kind)) byKind.set(kind, zero());
        add(byKind.get(kind) as Tally, r.tally);
      }
      byFile.push([file.name, fileTally]);
      add(total, fileTally);
      assert.equal(violations.length, 0, `${violations.length} disagreement(s) with keepalived -t:\n  ${violations.join('\n  ')}`);
    });
  }

  console.log(
    `\nkeepalived -t oracle (seed ${SEED}, ${PER_KIND} mutant(s) per kind per file)\n` +
      'agreement = lines matched / lines keepalived reported (allowed: allowlisted misses)\n' +
      'false rate = our error lines keepalived does not report / our error lines (excused: allowlisted, or in text keepalived never read)\n\n' +
      table([...byFile, ['TOTAL', total]]) +
      '\n\n' +
      table([...byKind, ['TOTAL', total]]) +
      '\n' +
      (crashes.length ? `\nkeepalived crashed (its report is cut short; lines after its last report are not judged):\n  ${crashes.join('\n  ')}\n` : ''),
  );
});
