// Builds the typed model from interpreted statements.
import type { Interpretation } from '../parser/interpreter';
import type { Statement, ValueLine } from '../parser/statements';
import type { SyntaxTree } from '../parser/syntax';
import type { ConfigModel, Field, SyncGroup, TrackRef, VipAddress, VirtualServer, VrrpInstance } from './types';
import { parseVip } from './vip';

/**
 * The statement keepalived ends up using for a single-valued keyword: the last one written
 * (a repeat overrides), preferring lines without an `@ID` condition.
 */
export function last(children: readonly Statement[] | undefined, keyword: string): Statement | undefined {
  if (!children) return undefined;
  let found: Statement | undefined;
  let conditional: Statement | undefined;
  for (const c of children) {
    if (c.keyword.value !== keyword) continue;
    if (c.condition) conditional ??= c;
    else found = c;
  }
  return found ?? conditional;
}

function textField(s: Statement | undefined): Field<string> | undefined {
  const w = s?.args[0];
  return s && w ? { value: w.value, stmt: s, word: w } : undefined;
}

function numberField(s: Statement | undefined): Field<number> | undefined {
  const f = textField(s);
  if (!f || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(f.value)) return undefined;
  return { value: Number(f.value), stmt: f.stmt, word: f.word };
}

function valueLines(s: Statement | undefined): ValueLine[] {
  return s?.values ?? [];
}

function trackRefs(s: Statement | undefined): TrackRef[] {
  const out: TrackRef[] = [];
  for (const line of valueLines(s)) {
    const w = line.words[0];
    if (!w) continue;
    const wi = line.words.findIndex((x) => x.value === 'weight');
    const weight = wi >= 0 ? Number(line.words[wi + 1]?.value) : undefined;
    out.push({ name: w.value, word: w, weight: Number.isFinite(weight) ? weight : undefined, line, stmt: line.owner });
  }
  return out;
}

function vips(s: Statement | undefined): VipAddress[] {
  const out: VipAddress[] = [];
  for (const line of valueLines(s)) {
    const v = parseVip(line);
    if (v) out.push(v);
  }
  return out;
}

function buildInstance(s: Statement): VrrpInstance {
  const c = s.children;
  const auth = last(c, 'authentication');
  const vipBlock = last(c, 'virtual_ipaddress');
  const unicast = last(c, 'unicast_peer');
  return {
    name: s.args[0]?.value ?? '',
    nameWord: s.args[0],
    stmt: s,
    state: textField(last(c, 'state')),
    interface: textField(last(c, 'interface')),
    vrid: numberField(last(c, 'virtual_router_id')),
    priority: numberField(last(c, 'priority')),
    advertInt: numberField(last(c, 'advert_int')),
    version: numberField(last(c, 'version')),
    authentication: auth
      ? { stmt: auth, type: textField(last(auth.children, 'auth_type')), pass: textField(last(auth.children, 'auth_pass')) }
      : undefined,
    vipBlock,
    vips: vips(vipBlock),
    excludedVips: vips(last(c, 'virtual_ipaddress_excluded')),
    unicastSrcIp: textField(last(c, 'unicast_src_ip')),
    unicastPeerBlock: unicast,
    unicastPeers: valueLines(unicast)
      .filter((l) => l.words.length > 0)
      .map((l) => ({ address: l.words[0].value, word: l.words[0], line: l })),
    trackScripts: trackRefs(last(c, 'track_script')),
    trackInterfaces: trackRefs(last(c, 'track_interface')),
    trackProcesses: trackRefs(last(c, 'track_process')),
    trackFiles: trackRefs(last(c, 'track_file')),
    nopreempt: last(c, 'nopreempt'),
    preemptDelay: numberField(last(c, 'preempt_delay')),
  };
}

export function buildModel(tree: SyntaxTree, interp: Interpretation, configId?: string): ConfigModel {
  const top = interp.statements;
  const globalDefs = last(top, 'global_defs');
  const instances: VrrpInstance[] = [];
  const syncGroups: SyncGroup[] = [];
  const virtualServers: VirtualServer[] = [];
  for (const s of top) {
    // keepalived never reads a block it skips: it configures nothing.
    if (s.skipped) continue;
    const k = s.keyword.value;
    if (k === 'vrrp_instance') instances.push(buildInstance(s));
    else if (k === 'vrrp_sync_group') {
      syncGroups.push({ name: s.args[0]?.value ?? '', stmt: s, members: trackRefs(last(s.children, 'group')) });
    } else if (k === 'virtual_server') {
      virtualServers.push({
        stmt: s,
        key: s.args.map((a) => a.value).join(' '),
        realServers: (s.children ?? []).filter((r) => r.keyword.value === 'real_server' && !r.skipped),
      });
    }
  }
  for (const g of syncGroups) {
    for (const m of g.members) {
      const inst = instances.find((i) => i.name === m.name);
      if (inst) inst.syncGroup = g;
    }
  }
  const named = new Map<string, Map<string, import('../parser/syntax').Word[]>>();
  for (const sym of interp.symbols) {
    if (sym.role !== 'definition') continue;
    let m = named.get(sym.target);
    if (!m) named.set(sym.target, (m = new Map()));
    const list = m.get(sym.word.value) ?? [];
    list.push(sym.word);
    m.set(sym.word.value, list);
  }
  return {
    uri: tree.uri,
    tree,
    interp,
    statements: top,
    globalDefs,
    routerId: textField(last(globalDefs?.children, 'router_id')),
    vrrpStrict: last(globalDefs?.children, 'vrrp_strict'),
    vrrpVersion: numberField(last(globalDefs?.children, 'vrrp_version')),
    instances,
    syncGroups,
    virtualServers,
    named,
    configId,
  };
}
