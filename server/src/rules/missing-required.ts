import type { ConfigModel } from '../model/types';
import type { Statement } from '../parser/statements';
import { childPath } from '../schema';
import type { Fix } from './finding';
import { lazyReport, type FileRule, type Report, type Reporter } from './rule';
import { blockName, suggest } from './text';

interface Required {
  keyword: string;
  /** Other spellings that count as the keyword (neighbour_ip for neighbor_ip, gna_interval for garp_interval). */
  or?: readonly string[];
  placeholder: string;
  consequence: string;
  /** When keepalived goes on without a word of its own (a default applies), a warning rather than the rule's error. */
  severity?: 'warning';
  /** A present keyword counts only if this holds (keepalived drops a url without path, say). */
  usable?: (s: Statement, model: ConfigModel) => boolean;
  /** `usable` reads the whole file (a name defined anywhere): checked once per file (checkFile). */
  fileWide?: true;
}

const hasPath = (url: Statement) => !!url.children?.some((c) => c.keyword.value === 'path');

/** A FILE_CHECK track_file line naming a track_file keepalived keeps (one with a file): the others it reports as not found. */
function namesUsableTrackFile(line: Statement, model: ConfigModel): boolean {
  const name = line.args[0]?.value;
  if (name === undefined || name.includes('$')) return true;
  const blocks = trackFiles(model).get(name) ?? [];
  return blocks.length === 0 || blocks.some((b) => b.children?.some((c) => c.keyword.value === 'file'));
}

const trackFileIndex = new WeakMap<ConfigModel, Map<string, Statement[]>>();

/** The top-level track_file blocks by name, found in one walk per model (not one per FILE_CHECK). */
function trackFiles(model: ConfigModel): Map<string, Statement[]> {
  let index = trackFileIndex.get(model);
  if (index) return index;
  index = new Map();
  for (const s of model.interp.all) {
    const name = s.args[0]?.value;
    if ((s.keyword.value !== 'track_file' && s.keyword.value !== 'vrrp_track_file') || s.path || name === undefined) continue;
    const list = index.get(name);
    if (list) list.push(s);
    else index.set(name, [s]);
  }
  trackFileIndex.set(model, index);
  return index;
}

/** What keepalived cannot do without, per block path. */
const REQUIRED: Record<string, Required[]> = {
  vrrp_instance: [
    // keepalived 2.2 falls back to global_defs default_interface (eth0 when unset): no error of its own.
    {
      keyword: 'interface',
      placeholder: 'eth0',
      consequence: 'keepalived sends adverts on the default interface (global_defs default_interface, else eth0), which may not be the one meant',
      severity: 'warning',
    },
    { keyword: 'virtual_router_id', placeholder: '51', consequence: 'keepalived refuses the configuration (the virtual router id must be set)' },
    // "(VI_1) No VIP specified; at least one is sensible" (no line number): the instance moves no address.
    {
      keyword: 'virtual_ipaddress',
      or: ['virtual_ipaddress_excluded'],
      placeholder: '{ 192.0.2.1/24 }',
      consequence: 'keepalived warns that no VIP is specified: failover moves no address',
      severity: 'warning',
    },
  ],
  // "Sync group G has no virtual router(s). removing" (no line number).
  vrrp_sync_group: [{ keyword: 'group', placeholder: '{ VI_1 VI_2 }', consequence: 'keepalived removes the sync group', severity: 'warning' }],
  // "No file set for track_file X - ignoring", "Configuration error: BFD instance X has no neighbor address set, disabling
  // instance", "garp group N does not have any delay set - removing".
  track_file: [{ keyword: 'file', placeholder: '/run/keepalived/weight', consequence: 'keepalived ignores the track_file' }],
  vrrp_track_file: [{ keyword: 'file', placeholder: '/run/keepalived/weight', consequence: 'keepalived ignores the track_file' }],
  bfd_instance: [{ keyword: 'neighbor_ip', or: ['neighbour_ip'], placeholder: '10.0.0.2', consequence: 'keepalived disables the BFD instance' }],
  garp_group: [{ keyword: 'garp_interval', or: ['gna_interval'], placeholder: '1', consequence: 'keepalived removes the garp_group (it has no delay to apply)' }],
  vrrp_script: [{ keyword: 'script', placeholder: '"/usr/bin/true"', consequence: 'keepalived removes the vrrp_script' }],
  vrrp_track_process: [{ keyword: 'process', placeholder: 'nginx', consequence: 'keepalived removes the tracker' }],
  // keepalived says nothing: the instance silently runs without authentication.
  'vrrp_instance/authentication': [
    { keyword: 'auth_type', placeholder: 'PASS', consequence: 'keepalived silently ignores the authentication block', severity: 'warning' },
  ],
  // The checkers keepalived drops when it reads their closing '}' (check_http.c, check_misc.c, check_file.c, check_bfd.c).
  'virtual_server/real_server/HTTP_GET': [{ keyword: 'url', placeholder: '{ path / }', consequence: 'keepalived ignores the checker', usable: hasPath }],
  'virtual_server/real_server/SSL_GET': [{ keyword: 'url', placeholder: '{ path / }', consequence: 'keepalived ignores the checker', usable: hasPath }],
  'virtual_server/real_server/HTTP_GET/url': [{ keyword: 'path', placeholder: '/', consequence: 'keepalived ignores the url' }],
  'virtual_server/real_server/SSL_GET/url': [{ keyword: 'path', placeholder: '/', consequence: 'keepalived ignores the url' }],
  'virtual_server/real_server/MISC_CHECK': [{ keyword: 'misc_path', placeholder: '"/usr/local/bin/check.sh"', consequence: 'keepalived skips the checker' }],
  'virtual_server/real_server/FILE_CHECK': [
    { keyword: 'track_file', placeholder: 'NAME', consequence: 'keepalived ignores the checker', usable: namesUsableTrackFile, fileWide: true },
  ],
  'virtual_server/real_server/BFD_CHECK': [{ keyword: 'name', placeholder: 'BFD_NAME', consequence: 'keepalived skips the checker' }],
};

/** Value blocks keepalived warns about when they list nothing ("Warning - empty ... block"), reported at their '}'. */
const NOT_EMPTY: Record<string, string> = {
  'global_defs/notification_email': 'keepalived warns that the block is empty (no one receives the notification e-mails)',
  'vrrp_sync_group/group': 'keepalived warns that the group block is empty and removes the sync group',
  'track_group/group': 'keepalived warns that the group block is empty and discards the track group',
  'garp_group/interfaces': 'keepalived warns that the interfaces block is empty',
};

/** Value blocks keepalived removes when they list nothing: an error of its own. */
const REMOVED_WHEN_EMPTY: Record<string, string> = {
  virtual_server_group: 'keepalived reports "virtual server group NAME has no entries - removing": a virtual_server naming the group serves nothing',
};

/** Inserts `keyword placeholder` as the first line of the block, indented like its siblings. */
export function insertFirstLine(s: Statement, text: string): Fix['edits'] | undefined {
  const open = s.open;
  if (!open || open.origin) return undefined;
  const first = s.children?.[0]?.keyword;
  const indent = first && first.range.start.line > open.range.start.line ? ' '.repeat(first.range.start.character) : ' '.repeat(s.keyword.range.start.character + 4);
  const pos = { line: open.range.end.line + 1, character: 0 };
  if (first && first.range.start.line === open.range.start.line) return undefined;
  return [{ uri: open.uri, range: { start: pos, end: pos }, newText: `${indent}${text}\n` }];
}

const isNamed = (req: Required, c: Statement) => c.keyword.value === req.keyword || !!req.or?.includes(c.keyword.value);

/** Whether a block's lines meet a requirement (a loop: every block of a large file is asked). */
function met(children: readonly Statement[], req: Required, model: ConfigModel): boolean {
  for (const c of children) if (isNamed(req, c) && (!req.usable || req.usable(c, model))) return true;
  return false;
}

/** Reports each requirement of `reqs` that block `s` does not meet. */
function checkRequired(s: Statement, reqs: readonly Required[], model: ConfigModel, report: Reporter): void {
  const children = s.children as Statement[];
  for (const req of reqs) {
    if (met(children, req, model)) continue;
    report(lazyReport({ uri: s.keyword.uri, range: s.keyword.range, severity: req.severity }, () => missingText(s, children, req)));
  }
}

/** The message and fixes of a requirement not met (with a did-you-mean: made when shown). */
function missingText(s: Statement, children: readonly Statement[], req: Required): Pick<Report, 'message' | 'fixes'> {
  const present = children.filter((c) => isNamed(req, c));
  const names = [req.keyword, ...(req.or ?? [])].map((k) => `'${k}'`).join(' or ');
  const what = present.length ? `no usable ${names} (keepalived drops each one written)` : `no ${names}`;
  // `interfce eth0` is there: correcting it beats adding a second line beside it.
  const typo = present.length ? undefined : children.find((c) => !c.spec && !c.keyword.origin && suggest(c.keyword.value, [req.keyword]).length > 0);
  const edits = typo ? undefined : insertFirstLine(s, `${req.keyword} ${req.placeholder}`);
  const fixes: Fix[] = typo
    ? [{ title: `Change '${typo.keyword.value}' to '${req.keyword}'`, edits: [{ uri: typo.keyword.uri, range: typo.keyword.range, newText: req.keyword }], preferred: true }]
    : edits
      ? [{ title: `Add '${req.keyword} ${req.placeholder}'`, edits, preferred: true }]
      : [];
  return {
    message: `${blockName(s)} has ${what}: ${req.consequence}.${typo ? ` Line ${typo.keyword.range.start.line + 1} has '${typo.keyword.value}': did you mean '${req.keyword}'?` : ''}`,
    fixes: fixes.length ? fixes : undefined,
  };
}

/** REQUIRED split into what `check` sees and what `checkFile` sees. */
const split = (fileWide: boolean) =>
  new Map(Object.entries(REQUIRED).map(([path, list]) => [path, list.filter((r) => !!r.fileWide === fileWide)] as const).filter(([, list]) => list.length > 0));
const LOCAL = split(false);
const FILE_WIDE = split(true);

/** The requirements of a statement's block in `table`. */
function requirements(s: Statement, table: ReadonlyMap<string, readonly Required[]>): readonly Required[] | undefined {
  if (!s.spec || s.spec.block !== 'subkeywords' || !s.children) return undefined;
  return table.get(childPath(s.spec));
}

export const missingRequired: FileRule = {
  id: 'missing-required',
  severity: 'error',
  scope: 'block',
  description: 'A block without a keyword keepalived needs (e.g. a vrrp_instance without virtual_router_id); a vrrp_instance without interface is a warning (keepalived uses the default interface).',
  check({ model, report }) {
    for (const s of model.interp.all) {
      if (s.spec?.block === 'values' && s.open && !s.values?.length) {
        const key = s.path ? `${s.path}/${s.keyword.value}` : s.keyword.value;
        const consequence = NOT_EMPTY[key];
        if (consequence) report({ uri: s.keyword.uri, range: s.keyword.range, severity: 'warning', message: `'${s.keyword.value}' lists nothing: ${consequence}.` });
        const removed = REMOVED_WHEN_EMPTY[key];
        if (removed) report({ uri: s.keyword.uri, range: s.keyword.range, message: `${s.keyword.value} ${s.args[0]?.value ?? ''} lists nothing: ${removed.replace('NAME', s.args[0]?.value ?? '')}.` });
      }
      const reqs = requirements(s, LOCAL);
      if (reqs) checkRequired(s, reqs, model, report);
    }
  },
  checkFile({ model, report }) {
    for (const s of model.interp.all) {
      const reqs = requirements(s, FILE_WIDE);
      if (reqs) checkRequired(s, reqs, model, report);
    }
    // "Sync group G has only 1 virtual router(s) - this probably isn't what you want" (no line number).
    const instances = model.named.get('vrrp_instance');
    for (const g of model.syncGroups) {
      const found = new Set(g.members.map((m) => m.name).filter((n) => instances?.has(n)));
      if (found.size !== 1) continue;
      report({
        uri: g.stmt.keyword.uri,
        range: g.stmt.keyword.range,
        severity: 'warning',
        message: `${blockName(g.stmt)} has only one instance (${[...found][0]}): keepalived warns that this is probably not what you want; a sync group moves two or more instances together.`,
      });
    }
  },
};
