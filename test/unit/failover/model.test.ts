// The election model, one keepalived semantic per test; each cites the keepalived source
// (acassen/keepalived, keepalived/vrrp/) that decides it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holderAfter, holderName, startupHolder, type Contender } from '../../../server/src/failover/election';
import { failoverJson } from '../../../server/src/features/failover';
import { keepalivedCheck } from '../../helpers/analyze';
import { instance, node } from '../peer/pair';
import { failover, script, table, tracks } from './fixtures';

const nginx = tracks('track_script', 'chk_nginx');

function pair(weight: string | undefined, opts: { p1?: number; p2?: number; extra1?: string[]; extra2?: string[]; def2?: string | null } = {}) {
  return {
    lb01: script('chk_nginx', weight) + node('lb01', instance({ state: 'MASTER', priority: opts.p1 ?? 150, extra: opts.extra1 ?? nginx })),
    lb02: (opts.def2 === null ? '' : script('chk_nginx', opts.def2 ?? weight)) + node('lb02', instance({ state: 'BACKUP', priority: opts.p2 ?? 100, extra: opts.extra2 ?? nginx })),
  };
}

test('normal and down: the highest priority holds the VIP; a stopped node hands it over', () => {
  const t = table(pair(undefined));
  assert.equal(t['normal'], 'lb01 150, lb02 100 → lb01');
  assert.equal(t['lb01 down'], 'lb01 down, lb02 100 → lb02');
  assert.equal(t['lb02 down'], 'lb01 150, lb02 down → lb01');
});

test('weight < 0 lowers the priority by |W| while the check fails (vrrp_track.c process_script_update_priority: total += weight while !script_ok)', () => {
  assert.equal(table(pair('-20'))['chk_nginx fails on lb01'], 'lb01 130, lb02 100 → lb01 !');
  assert.equal(table(pair('-60'))['chk_nginx fails on lb01'], 'lb01 90, lb02 100 → lb02');
  // A failure on the BACKUP changes nothing for the holder.
  assert.equal(table(pair('-60'))['chk_nginx fails on lb02'], 'lb01 150, lb02 40 → lb01');
});

test('weight > 0 adds W while the check succeeds, so a failing node loses W against healthy peers (initialise_track_script_state: weight > 0 counts when result >= rise)', () => {
  // The HAProxy pair of the issue: 103/99 with weight 2 on both.
  const t = table(pair('2', { p1: 103, p2: 99 }));
  assert.equal(t['normal'], 'lb01 105, lb02 101 → lb01');
  assert.equal(t['chk_nginx fails on lb01'], 'lb01 103, lb02 101 → lb01 !');
  assert.equal(table(pair('10', { p1: 103, p2: 99 }))['chk_nginx fails on lb01'], 'lb01 103, lb02 109 → lb02');
});

test('no weight (0): a failing check sends the instance to FAULT and it gives up the VIP (process_script_update_priority: !weight → down_instance)', () => {
  const f = failover(pair(undefined))[0];
  const s = f.scenarios.find((x) => x.text === 'chk_nginx fails on lb01');
  assert.equal(table(pair(undefined))['chk_nginx fails on lb01'], 'lb01 FAULT, lb02 100 → lb02');
  assert.ok(s?.notes.includes('lb01 goes to FAULT'));
});

test('reverse inverts: the check succeeding is the failure (vrrp_track.c: weight_multiplier -1; man page "weight 0 reverse" is down when the script is up)', () => {
  const maint = tracks('track_script', 'chk_maint');
  const nodes = {
    lb01: [`vrrp_script chk_maint {`, '    script "/bin/test -e /etc/maint"', '    weight 60 reverse', '}', ''].join('\n') + node('lb01', instance({ state: 'MASTER', priority: 150, extra: maint })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 })),
  };
  const t = table(nodes);
  assert.equal(t['normal'], 'lb01 150, lb02 100 → lb01');
  assert.equal(t['chk_maint succeeds (reverse) on lb01'], 'lb01 90, lb02 100 → lb02');
  const zero = { ...nodes, lb01: nodes.lb01.replace('weight 60 reverse', 'weight 0 reverse') };
  assert.equal(table(zero)['chk_maint succeeds (reverse) on lb01'], 'lb01 FAULT, lb02 100 → lb02');
});

test('the per-instance override `track_script { name weight N [reverse] }` replaces the script\'s weight (vrrp_track.c alloc_track_script)', () => {
  const over = tracks('track_script', 'chk_nginx weight -60');
  assert.equal(table(pair('-20', { extra1: over, extra2: over }))['chk_nginx fails on lb01'], 'lb01 90, lb02 100 → lb02');
  const rev = tracks('track_script', 'chk_nginx weight 60 reverse');
  assert.equal(table(pair('-20', { extra1: rev, extra2: nginx }))['chk_nginx succeeds (reverse) on lb01'], 'lb01 90, lb02 100 → lb02');
});

test('track_interface: no weight is FAULT, a weight lowers the priority (vrrp_track.c alloc_track_if, initialise_interface_tracking_priorities)', () => {
  const t = table(pair(undefined, { extra1: tracks('track_interface', 'eth2 weight -20'), extra2: [] }));
  assert.equal(t['interface eth2 down on lb01'], 'lb01 130, lb02 100 → lb01 !');
  const f = table(pair(undefined, { extra1: tracks('track_interface', 'eth2'), extra2: [] }));
  assert.equal(f['interface eth2 down on lb01'], 'lb01 FAULT, lb02 100 → lb02');
});

test("track_interface of the instance's own interface: keepalived ignores the entry and tracks it unweighted (vrrp.c: \"Ignoring track_interface %s since own interface\")", () => {
  const own = tracks('track_interface', 'eth1 weight -20');
  assert.equal(table(pair(undefined, { extra1: own, extra2: [] }))['interface eth1 down on lb01'], 'lb01 FAULT, lb02 100 → lb02');
  const ignored = table(pair(undefined, { extra1: [...own, 'dont_track_primary'], extra2: [] }));
  assert.equal(ignored['interface eth1 down on lb01'], 'lb01 150, lb02 100 → lb01 !');
});

test('track_file: the value times the weight is added; weight 0 makes a non-zero value FAULT (initialise_vrrp_file_tracking_priorities)', () => {
  const def = (w?: string) => ['track_file maint {', '    file "/etc/keepalived/maint"', ...(w ? [`    weight ${w}`] : []), '}', ''].join('\n');
  const nodes = (w?: string) => ({
    lb01: def(w) + node('lb01', instance({ state: 'MASTER', priority: 150, extra: tracks('track_file', 'maint') })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 })),
  });
  assert.equal(table(nodes('-100'))['file maint reads 1 on lb01'], 'lb01 50, lb02 100 → lb02');
  assert.equal(table(nodes('0'))['file maint reads 1 on lb01'], 'lb01 FAULT, lb02 100 → lb02');
});

test('track_process and track_bfd take their weight from vrrp_track_process / bfd_instance (alloc_track_process, alloc_track_bfd)', () => {
  const nodes = {
    lb01:
      ['vrrp_track_process nginx {', '    process nginx', '    weight -60', '}', 'bfd_instance gw {', '    neighbor_ip 10.0.0.254', '    weight -10', '}', ''].join('\n') +
      node('lb01', instance({ state: 'MASTER', priority: 150, extra: [...tracks('track_process', 'nginx'), ...tracks('track_bfd', 'gw')] })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 })),
  };
  const t = table(nodes);
  assert.equal(t['process nginx loses quorum on lb01'], 'lb01 90, lb02 100 → lb02');
  assert.equal(t['bfd gw down on lb01'], 'lb01 140, lb02 100 → lb01 !');
});

test('priority 255 (address owner) ignores weighted tracking (vrrp.c vrrp_complete_instance: "ignoring tracked script ... due to address_owner"; vrrp_set_effective_priority returns for the owner)', () => {
  const t = table(pair('-60', { p1: 255 }));
  assert.equal(t['chk_nginx fails on lb01'], 'lb01 255, lb02 100 → lb01 !');
  const s = failover(pair('-60', { p1: 255 }))[0].scenarios.find((x) => x.text === 'chk_nginx fails on lb01');
  assert.match(s?.notes.join() ?? '', /address owner/);
  // Unweighted tracking still works for the owner.
  assert.equal(table(pair(undefined, { p1: 255 }))['chk_nginx fails on lb01'], 'lb01 FAULT, lb02 100 → lb02');
});

test('effective priorities stay within 1..254 (vrrp_track.c vrrp_set_effective_priority)', () => {
  // lb01 starts as MASTER; lb02 does not take over on an equal priority.
  const t = table(pair('50', { p1: 240, p2: 230 }));
  assert.equal(t['normal'], 'lb01 254, lb02 254 → lb01');
  const low = table(pair('-60', { p1: 30, p2: 20 }));
  assert.equal(low['chk_nginx fails on lb01'], 'lb01 1, lb02 20 → lb02');
});

function syncGroup(extra: string[] = []): string {
  return ['vrrp_sync_group G1 {', '    group {', '        VI_1', '        VI_2', '    }', ...extra.map((l) => `    ${l}`), '}', ''].join('\n');
}

function syncNodes(weight: string | undefined, groupExtra: string[] = []) {
  const inst = (state: string, p: number, name: string, vrid: number, vip: string, extra: string[] = []) => instance({ name, state, priority: p, vrid, vips: [vip], extra });
  return {
    lb01: script('chk_db', weight) + syncGroup(groupExtra) + node('lb01', inst('MASTER', 150, 'VI_1', 51, '10.0.0.1/24'), inst('MASTER', 150, 'VI_2', 52, '10.0.1.1/24', tracks('track_script', 'chk_db'))),
    lb02: script('chk_db', weight) + syncGroup(groupExtra) + node('lb02', inst('BACKUP', 100, 'VI_1', 51, '10.0.0.1/24'), inst('BACKUP', 100, 'VI_2', 52, '10.0.1.1/24', tracks('track_script', 'chk_db'))),
  };
}

test('a sync group moves as one: one member in FAULT takes the others down (vrrp_sync.c vrrp_sync_fault)', () => {
  const t = table(syncNodes(undefined), 'VI_1');
  assert.equal(t['chk_db fails (tracked by VI_2) on lb01'], 'lb01 FAULT, lb02 100 → lb02');
});

test('in a sync group without sync_group_tracking_weight keepalived ignores weighted scripts (vrrp.c: "ignoring tracked script %s with weights due to SYNC group")', () => {
  const t = table(syncNodes('-60'), 'VI_2');
  assert.equal(t['chk_db fails on lb01'], 'lb01 150, lb02 100 → lb01 !');
  const s = failover(syncNodes('-60')).find((f) => f.name === 'VI_2')?.scenarios.find((x) => x.text === 'chk_db fails on lb01');
  assert.match(s?.notes.join() ?? '', /sync group G1 without sync_group_tracking_weight/);
});

test('with sync_group_tracking_weight the weight counts, and the member left behind follows (vrrp_sync.c vrrp_sync_backup)', () => {
  const nodes = syncNodes('-60', ['sync_group_tracking_weight']);
  assert.equal(table(nodes, 'VI_2')['chk_db fails on lb01'], 'lb01 90, lb02 100 → lb02');
  assert.equal(table(nodes, 'VI_1')['chk_db fails (tracked by VI_2) on lb01'], 'lb01 150, lb02 100 → lb02');
});

test('nopreempt: a BACKUP does not take the VIP from a running master of lower priority (vrrp.c vrrp_state_backup: NOPREEMPT accepts the advert)', () => {
  const np = [...nginx, 'nopreempt'];
  const nodes = {
    lb01: script('chk_nginx', '-60') + node('lb01', instance({ state: 'BACKUP', priority: 150, extra: np })),
    lb02: script('chk_nginx', '-60') + node('lb02', instance({ state: 'BACKUP', priority: 100, extra: np })),
  };
  const f = failover(nodes)[0].scenarios.find((s) => s.text === 'chk_nginx fails on lb01');
  assert.equal(table(nodes)['chk_nginx fails on lb01'], 'lb01 90, lb02 100 → lb01');
  assert.match(f?.notes.join() ?? '', /lb02 has nopreempt/);
  assert.equal(f?.ineffective, false);
});

test('preempt_delay delays the takeover (vrrp.c vrrp_state_backup: preempt_time)', () => {
  const nodes = pair('-60', { extra2: [...nginx, 'preempt_delay 30'] });
  const s = failover(nodes)[0].scenarios.find((x) => x.text === 'chk_nginx fails on lb01');
  assert.equal(s?.holder.kind === 'node' && s.holder.node, 'lb02');
  assert.deepEqual(s?.notes, ['lb02 takes over after preempt_delay 30 s']);
  // "preempt_delay is incompatible with strict mode - resetting"
  const strict = { ...nodes, lb02: nodes.lb02.replace('router_id lb02', 'router_id lb02\n    vrrp_strict') };
  assert.deepEqual(failover(strict)[0].scenarios.find((x) => x.text === 'chk_nginx fails on lb01')?.notes, []);
});

test('equal priority: a BACKUP does not take over on an advert of equal priority (vrrp_state_backup: hd->priority >= effective_priority)', () => {
  assert.equal(table(pair('-50'))['chk_nginx fails on lb01'], 'lb01 100, lb02 100 → lb01 !');
});

test('equal BACKUPs after the master goes: the higher primary IP wins, which the files do not show → tie (vrrp_state_master_rx: addr_cmp)', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150 })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 })),
    lb03: node('lb03', instance({ state: 'BACKUP', priority: 100 })),
  };
  assert.equal(table(nodes)['lb01 down'], 'lb01 down, lb02 100, lb03 100 → tie (lb02, lb03)');
  const json = failoverJson(failover(nodes)) as { failover: { scenarios: { what: string; node: string | null; holder: string | null; priorities: Record<string, number> }[] }[] };
  const down = json.failover[0].scenarios.find((s) => s.what === 'down' && s.node === 'lb01');
  assert.deepEqual(down, { what: 'down', node: 'lb01', track: null, priorities: { lb01: 0, lb02: 100, lb03: 100 }, holder: 'tie' });
});

test('three nodes: the next highest priority takes over (the RabbitMQ trio of the issue)', () => {
  const three = (w: string) => ({
    n1: script('chk_rabbit', w) + node('n1', instance({ state: 'MASTER', priority: 150, extra: tracks('track_script', 'chk_rabbit') })),
    n2: script('chk_rabbit', w) + node('n2', instance({ state: 'BACKUP', priority: 100, extra: tracks('track_script', 'chk_rabbit') })),
    n3: script('chk_rabbit', w) + node('n3', instance({ state: 'BACKUP', priority: 90, extra: tracks('track_script', 'chk_rabbit') })),
  });
  assert.equal(table(three('-10'))['chk_rabbit fails on n1'], 'n1 140, n2 100, n3 90 → n1 !');
  assert.equal(table(three('-60'))['chk_rabbit fails on n1'], 'n1 90, n2 100, n3 90 → n2');
  assert.equal(table(three('-60'))['n1 down'], 'n1 down, n2 100, n3 90 → n2');
});

test('active/active: each instance has its own holder', () => {
  const aa = (name: string, vrid: number, vip: string, state: string, p: number) => instance({ name, state, priority: p, vrid, vips: [vip], extra: nginx });
  const nodes = {
    lb01: script('chk_nginx', '-60') + node('lb01', aa('VI_1', 51, '10.0.0.1/24', 'MASTER', 150), aa('VI_2', 52, '10.0.0.2/24', 'BACKUP', 100)),
    lb02: script('chk_nginx', '-60') + node('lb02', aa('VI_1', 51, '10.0.0.1/24', 'BACKUP', 100), aa('VI_2', 52, '10.0.0.2/24', 'MASTER', 150)),
  };
  assert.equal(table(nodes, 'VI_1')['normal'], 'lb01 150, lb02 100 → lb01');
  assert.equal(table(nodes, 'VI_2')['normal'], 'lb02 150, lb01 100 → lb02');
  assert.equal(table(nodes, 'VI_2')['chk_nginx fails on lb02'], 'lb02 90, lb01 100 → lb01');
});

test('election: no node able to hold the VIP gives no holder (null in JSON)', () => {
  const c = (node: string, priority: number, eligible: boolean): Contender => ({ node, priority, eligible, preempt: true, initialMaster: false });
  assert.equal(holderName(holderAfter({ kind: 'node', node: 'a' }, [c('a', 150, false), c('b', 100, false)])), null);
  assert.equal(holderName(startupHolder([c('a', 100, true), c('b', 100, true)])), 'tie');
  // From a tie, the result is certain only when every possible master leads to it.
  assert.equal(holderName(holderAfter({ kind: 'tie', nodes: ['a', 'b'] }, [c('a', 100, false), c('b', 100, true)])), 'b');
});

test('keepalived -t agrees: it drops the weighted scripts of sync group members and the own-interface entry', (t) => {
  const text = [
    'vrrp_script chk_db {',
    '    script "/bin/true"',
    '    weight -60',
    '}',
    syncGroup(),
    ...['VI_1', 'VI_2'].map((name, i) => instance({ name, state: 'MASTER', priority: 150, iface: 'eth0', vrid: 51 + i, vips: [`10.0.${i}.1/24`], auth: null, extra: [...tracks('track_script', 'chk_db'), ...tracks('track_interface', 'eth0 weight -10')] })),
  ].join('\n');
  const r = keepalivedCheck(text);
  if (!r) return t.skip('keepalived is not installed');
  if (r.lines.some((l) => /Unknown interface|doesn't exist/.test(l))) return t.skip('no eth0 on this machine');
  assert.ok(r.lines.some((l) => l.includes('(VI_1) ignoring tracked script chk_db with weights due to SYNC group')), r.lines.join('\n'));
  assert.ok(r.lines.some((l) => l.includes('(VI_1) Ignoring track_interface eth0 since own interface')), r.lines.join('\n'));
  const nodes = { lb01: text, lb02: text.replace(/state MASTER/g, 'state BACKUP').replace(/priority 150/g, 'priority 100') };
  const s = failover(nodes).find((f) => f.name === 'VI_1')?.scenarios.find((x) => x.text === 'chk_db fails on lb01');
  assert.equal(s?.tracker?.ignored, true);
  assert.equal(table(nodes)['interface eth0 down on lb01'], 'lb01 FAULT, lb02 100 → lb02');
});

test('keepalived -t agrees for an address owner: weighted scripts dropped, a track_file of default weight made unweighted', (t) => {
  const text = [
    script('chk', '-60'),
    'track_file maint {',
    '    file "/tmp/maint"',
    '}',
    instance({ state: 'MASTER', priority: 255, iface: 'eth0', vrid: 51, vips: ['10.0.0.1/24'], auth: null, extra: [...tracks('track_script', 'chk'), ...tracks('track_file', 'maint')] }),
  ].join('\n');
  const r = keepalivedCheck(text);
  if (!r) return t.skip('keepalived is not installed');
  if (r.lines.some((l) => /Unknown interface|doesn't exist/.test(l))) return t.skip('no eth0 on this machine');
  assert.ok(r.lines.some((l) => l.includes('(VI_1) ignoring tracked script chk with weights due to address_owner')), r.lines.join('\n'));
  assert.ok(r.lines.some((l) => l.includes('(VI_1) ignoring weight from tracked file maint due to address_owner')), r.lines.join('\n'));
  const nodes = { lb01: text, lb02: text.replace('state MASTER', 'state BACKUP').replace('priority 255', 'priority 100') };
  const tb = table(nodes);
  assert.equal(tb['chk fails on lb01'], 'lb01 255, lb02 100 → lb01 !');
  assert.equal(tb['file maint reads 1 on lb01'], 'lb01 FAULT, lb02 100 → lb02');
});
