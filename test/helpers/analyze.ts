// Test helpers: analyse a config text (with optional included files on disk) and look at findings.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { checkModel, type CheckOptions } from '../../server/src/analysis/analyze';
import { readText } from '../../server/src/model/read';
import type { Finding, TextEditAt } from '../../server/src/rules/finding';
import type { ConfigModel } from '../../server/src/model/types';
import type { Range } from '../../server/src/parser/syntax';
import { FsIncludeResolver, pathToUri } from '../../server/src/workspace/include-resolver';

/** The uri of an in-memory config (nothing on disk). */
export const MEMORY_URI = 'file:///memory/keepalived.conf';

export interface AnalyzeOptions {
  /** Other files, by path relative to the temp dir that holds the main file. */
  files?: Record<string, string>;
  /** Path of the main file relative to the temp dir (default keepalived.conf). */
  main?: string;
  /** `keepalived -i ID`. */
  configId?: string;
  levels?: CheckOptions['levels'];
}

const tempDirs: string[] = [];
process.on('exit', () => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

/** Writes files (relative path → text) into a fresh temp dir and returns its path. */
export function writeTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kalsp-test-'));
  tempDirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}

export interface Analyzed {
  model: ConfigModel;
  findings: Finding[];
  /** The main file's uri. */
  uri: string;
  /** The temp dir, when files were written. */
  dir?: string;
}

/** Reads and checks `text`; when `opts.files` is given, everything is written to disk first so that includes resolve. */
export function analyze(text: string, opts: AnalyzeOptions = {}): Analyzed {
  if (opts.files) {
    const main = opts.main ?? 'keepalived.conf';
    const dir = writeTree({ ...opts.files, [main]: text });
    const uri = pathToUri(join(dir, main));
    const model = readText(text, uri, { includes: new FsIncludeResolver(), configId: opts.configId });
    return { model, findings: checkModel(model, { levels: opts.levels }), uri, dir };
  }
  const model = readText(text, MEMORY_URI, { configId: opts.configId });
  return { model, findings: checkModel(model, { levels: opts.levels }), uri: MEMORY_URI };
}

export function findings(text: string, opts: AnalyzeOptions = {}): Finding[] {
  return analyze(text, opts).findings;
}

export function model(text: string, opts: AnalyzeOptions = {}): ConfigModel {
  return analyze(text, opts).model;
}

/** The findings with one code. */
export function only(list: readonly Finding[], code: string): Finding[] {
  return list.filter((f) => f.code === code);
}

/** `line:character-line:character`, 0-based, for compact range assertions. */
export function at(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Offset of an LSP position in a text (lines split on \n, \r\n or \r). */
export function offsetAt(text: string, pos: { line: number; character: number }): number {
  let line = 0;
  let i = 0;
  while (line < pos.line && i < text.length) {
    const c = text[i++];
    if (c === '\r') {
      if (text[i] === '\n') i++;
      line++;
    } else if (c === '\n') line++;
  }
  return i + pos.character;
}

/** Applies non-overlapping edits (of one file) to a text. */
export function applyEdits(text: string, edits: readonly Pick<TextEditAt, 'range' | 'newText'>[]): string {
  const spans = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

/** Applies the preferred (else the first) fix of a finding. */
export function applyFix(text: string, f: Finding): string {
  const fix = f.fixes?.find((x) => x.preferred) ?? f.fixes?.[0];
  if (!fix) throw new Error(`finding ${f.code} has no fix`);
  return applyEdits(text, fix.edits);
}

/** Joins lines with '\n' and a final newline. */
export function conf(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

let keepalivedPresent: boolean | undefined;

/** Whether keepalived's own checker (`keepalived -t`) can run here. */
export function hasKeepalived(): boolean {
  if (keepalivedPresent === undefined) {
    const r = spawnSync('keepalived', ['--version'], { encoding: 'utf8' });
    keepalivedPresent = !r.error && r.status === 0;
  }
  return keepalivedPresent;
}

/**
 * Runs `keepalived -t -f FILE` on a text (and extra files beside it) and returns the lines it
 * prints, with `(FILE: Line N)` prefixes rewritten as `Line N:`; undefined when keepalived is absent.
 */
export function keepalivedCheck(text: string, files: Record<string, string> = {}): { status: number; lines: string[] } | undefined {
  if (!hasKeepalived()) return undefined;
  const dir = writeTree({ ...files, 'keepalived.conf': text });
  const file = join(dir, 'keepalived.conf');
  const r = spawnSync('keepalived', ['-t', '-f', file], { encoding: 'utf8', timeout: 20000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  const lines = out
    .split('\n')
    .map((l) =>
      l.replace(/^\((?:(\S+): )?Line (\d+)\) /, (_m, f: string | undefined, n: string) =>
        f === undefined || f === file ? `Line ${n}: ` : `${f.startsWith(dir) ? f.slice(dir.length + 1) : f}:${n}: `,
      ),
    )
    .filter((l) => l.trim() !== '');
  return { status: r.status ?? -1, lines };
}

export interface InstanceOptions {
  name?: string;
  iface?: string;
  vrid?: number | string;
  vip?: string;
}

/**
 * A complete vrrp_instance (interface, virtual_router_id, one VIP) with `body` lines added before its
 * closing brace. Lines: 0 `vrrp_instance`, 1 interface, 2 virtual_router_id, 3-5 virtual_ipaddress,
 * 6... the body, then `}`.
 */
export function instance(body: readonly string[] = [], o: InstanceOptions = {}): string {
  return conf(
    `vrrp_instance ${o.name ?? 'VI_1'} {`,
    `    interface ${o.iface ?? 'eth0'}`,
    `    virtual_router_id ${o.vrid ?? 51}`,
    '    virtual_ipaddress {',
    `        ${o.vip ?? '10.0.0.1'}`,
    '    }',
    ...body,
    '}',
  );
}

/** Applies a finding's preferred fix and checks the text again. */
export function recheckAfterFix(text: string, f: Finding, opts: AnalyzeOptions = {}): { text: string; findings: Finding[] } {
  const fixed = applyFix(text, f);
  return { text: fixed, findings: findings(fixed, opts) };
}
