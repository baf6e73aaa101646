// Runs keepalived's own checker (`keepalived -t -f FILE`) and reads what it reports per line.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export interface KaReport {
  /** Absolute path of the file keepalived names (the checked file when it names none). */
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

export interface KaResult {
  /** Line-numbered reports that do not depend on the host. */
  reports: KaReport[];
  /** Line-numbered reports that depend on the host (interfaces, script security...). */
  hostDependent: KaReport[];
  /** Lines without a line number (summaries such as "Non-existent interface specified"). */
  unnumbered: string[];
  /** The signal that killed keepalived (2.2.7 crashes on some broken configs): its report is cut short. */
  crashed?: string;
  /**
   * keepalived exited at this report ("is missing a parameter": null_strvec exits at once), so it
   * never read the rest, in this pass or the others.
   */
  exited?: KaReport;
}

/** keepalived on PATH, or undefined. */
export function findKeepalived(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, 'keepalived');
    if (existsSync(p)) return p;
  }
  return undefined;
}

/** Network interfaces of this host (keepalived checks `dev`/`interface` names against them). */
export function hostInterfaces(): Set<string> {
  try {
    return new Set(readdirSync('/sys/class/net'));
  } catch {
    return new Set(['lo']);
  }
}

/**
 * A name the kernel would accept for an interface (dev_valid_name; keepalived also takes
 * `eth0:label` forms), i.e. one that could exist on some other host.
 */
export function couldBeInterface(name: string): boolean {
  return name.length > 0 && name.length <= 15 && name !== '.' && name !== '..' && !/[/\s]/.test(name);
}

/** `interface NAME ... doesn't exist`: host-dependent unless NAME could be no interface anywhere. */
const MISSING_INTERFACE = /interface (\S+) (?:for .*)?doesn't exist/i;

/** Messages whose presence depends on the machine that runs the check, not on the config. */
const HOST_DEPENDENT: readonly RegExp[] = [
  /Non-existent interface/i,
  /cannot use a loopback/i,
  /SECURITY VIOLATION/,
  /script_security/,
  /Unable to get .*interface/i,
  // keepalived resolves scripts' paths and owners on this host.
  /Unable to access script|Cannot find script|not executable|is not a regular file|Disabling .*script/i,
  /Unknown user|Unknown group|not found in PATH/i,
  // The script user (script_user, else keepalived_script) must exist on this host.
  /Unable to set default user|Error setting global script uid\/gid|Unable to set uid\/gid/i,
  /unknown interface \S+ specified for/i,
];

/** `Invalid smtp server NAME PORT` for a NAME that looks like a host name: whether it resolves depends on this host's DNS. */
const UNRESOLVED_SMTP = /^Invalid smtp server ([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*) /;

/** keepalived removes a vrrp_script for a host reason, then reports each track_script naming it as not found. */
const REMOVED_SCRIPT = /for vrrp script (\S+) - removing/;
const TRACKED_NOT_FOUND = /track script (\S+) not found, ignoring/;

const LINE_RE = /^\((?:(.*?): )?Line (\d+)\)\s?(.*)$/;

export function parseKeepalived(
  output: string,
  checkedFile: string,
  lineText: (file: string, line: number) => string | undefined,
  ifaces: Set<string>,
  crashed?: string,
): KaResult {
  const res: KaResult = { reports: [], hostDependent: [], unnumbered: [], crashed };
  for (const raw of output.split('\n')) {
    const text = raw.trimEnd();
    if (!text) continue;
    const m = LINE_RE.exec(text);
    if (!m) {
      res.unnumbered.push(text);
      continue;
    }
    const r: KaReport = { file: m[1] ?? checkedFile, line: Number(m[2]), message: m[3].trim() };
    const missing = MISSING_INTERFACE.exec(r.message);
    const smtp = UNRESOLVED_SMTP.exec(r.message);
    const host =
      (missing ? couldBeInterface(missing[1]) : /doesn't exist/i.test(r.message)) ||
      HOST_DEPENDENT.some((re) => re.test(r.message)) ||
      (smtp !== null && !/^[\d.]+$/.test(smtp[1])) ||
      // A tracked route needs its `dev`; a `dev` naming an interface this host lacks counts as none.
      (/cannot track route .* with no interface specified/.test(r.message) && namesMissingDev(lineText(r.file, r.line), ifaces));
    (host ? res.hostDependent : res.reports).push(r);
    if (/is missing a parameter/.test(r.message)) res.exited ??= r;
  }
  const removed = new Set(res.hostDependent.map((r) => REMOVED_SCRIPT.exec(r.message)?.[1] ?? scriptAround(r, lineText)).filter((n): n is string => n !== undefined));
  if (removed.size) {
    const follows = (r: KaReport) => removed.has(TRACKED_NOT_FOUND.exec(r.message)?.[1] ?? '\u0000');
    res.hostDependent.push(...res.reports.filter(follows));
    res.reports = res.reports.filter((r) => !follows(r));
  }
  return res;
}

/** The vrrp_script whose user keepalived could not set ("Unable to set uid/gid for script" inside it): keepalived drops it. */
function scriptAround(r: KaReport, lineText: (file: string, line: number) => string | undefined): string | undefined {
  if (!/Unable to set uid\/gid for script/.test(r.message)) return undefined;
  for (let n = r.line; n > 0 && n > r.line - 50; n--) {
    const m = /^\s*vrrp_script\s+(\S+)/.exec(lineText(r.file, n) ?? '');
    if (m) return m[1];
  }
  return undefined;
}

function namesMissingDev(line: string | undefined, ifaces: Set<string>): boolean {
  if (!line) return false;
  for (const m of line.matchAll(/\bdev\s+(\S+)/g)) if (!ifaces.has(m[1])) return true;
  return false;
}

/** `keepalived -t -f FILE [-i ID]`: its output whatever its exit status, and the signal if it crashed. */
export function runKeepalived(bin: string, file: string, configId?: string): Promise<{ output: string; crashed?: string }> {
  const args = ['-t', '-f', file, ...(configId !== undefined ? ['-i', configId] : [])];
  return new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: 30_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') reject(err);
      else if (err && err.killed) reject(new Error(`keepalived -t timed out on ${file}`));
      else resolve({ output: `${stdout}\n${stderr}`, crashed: err?.signal ?? undefined });
    });
  });
}

/** 1-based line ranges keepalived skipped without checking them, given a line that opens them. */
export function blockExtent(text: string, line: number): [number, number] {
  const lines = text.split('\n');
  let depth = 0;
  let opened = false;
  for (let i = line - 1; i < lines.length; i++) {
    let quoted = false;
    for (const c of lines[i]) {
      if (c === '"') quoted = !quoted;
      if (quoted) continue;
      if (c === '#' || c === '!') break;
      if (c === '{') {
        depth++;
        opened = true;
      } else if (c === '}' && opened) {
        depth--;
        if (depth === 0) return [line, i + 1];
      }
    }
    // A keyword line without its `{` skips that line only.
    if (!opened && i > line - 1 && lines[i].trim() !== '') return [line, line];
  }
  return [line, lines.length];
}
