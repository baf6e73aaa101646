// peer-failover-ineffective: a tracked failure on the VIP holder that leaves the VIP there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { script, tracks } from '../failover/fixtures';
import { applyFix, check, goodPair, instance, node, only, uriOf, type Nodes } from './pair';

const RULE = 'peer-failover-ineffective';
const nginx = tracks('track_script', 'chk_nginx');

/** The seed's pair: lb01 MASTER 150, lb02 BACKUP 100, both tracking chk_nginx. */
function seed(weight: string | undefined, o: { p1?: number; p2?: number; extra1?: string[]; extra2?: string[] } = {}): Nodes {
  return {
    lb01: script('chk_nginx', weight) + node('lb01', instance({ state: 'MASTER', priority: o.p1 ?? 150, extra: o.extra1 ?? nginx })),
    lb02: script('chk_nginx', weight) + node('lb02', instance({ state: 'BACKUP', priority: o.p2 ?? 100, extra: o.extra2 ?? nginx })),
  };
}

test("the seed's pair with weight -20 is reported on lb01's track_script entry, with the weight that works", () => {
  const nodes = seed('-20');
  const f = only(check(nodes), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].uri, uriOf('lb01'));
  assert.equal(f[0].severity, 'warning');
  const line = nodes.lb01.split('\n')[f[0].range.start.line];
  assert.equal(line.slice(f[0].range.start.character, f[0].range.end.character), 'chk_nginx');
  assert.match(line, /^\s+chk_nginx$/);
  assert.equal(
    f[0].message,
    "VI_1: chk_nginx failing on lb01 lowers its priority to 130, still above lb02's 100: the VIP stays on lb01. Use weight -51 or more, or no weight (FAULT).",
  );
  // The preferred fix writes the weight with a margin into lb01's vrrp_script; then all is quiet.
  const fix = f[0].fixes?.find((x) => x.preferred);
  assert.equal(fix?.title, 'Set weight -60 for chk_nginx');
  const fixed = applyFix(nodes, fix!);
  assert.match(fixed.lb01, /^ {4}weight -60$/m);
  assert.equal(fixed.lb02, nodes.lb02);
  assert.deepEqual(only(check(fixed), RULE), []);
});

test('the other fix removes the weight on every node (FAULT while the check fails), keeping the rest of the script', () => {
  const nodes = seed('-20');
  const f = only(check(nodes), RULE)[0];
  const fix = f.fixes?.find((x) => /Remove the weight/.test(x.title));
  assert.ok(fix);
  const fixed = applyFix(nodes, fix);
  assert.equal(fixed.lb01, nodes.lb01.replace('    weight -20\n', ''));
  assert.equal(fixed.lb02, nodes.lb02.replace('    weight -20\n', ''));
  assert.deepEqual(only(check(fixed), RULE), []);
});

test('weight -60 moves the VIP: silent', () => {
  assert.deepEqual(only(check(seed('-60')), RULE), []);
});

test('no weight: the failing check sends lb01 to FAULT: silent', () => {
  assert.deepEqual(only(check(seed(undefined)), RULE), []);
});

test('a per-instance override that fixes a weak script weight: silent', () => {
  const over = tracks('track_script', 'chk_nginx weight -60');
  assert.deepEqual(only(check(seed('-20', { extra1: over, extra2: over })), RULE), []);
});

test('a weak override is reported, and its fix edits the override, not the script', () => {
  const over = tracks('track_script', 'chk_nginx weight -30');
  const nodes = seed('-60', { extra1: over });
  const f = only(check(nodes), RULE);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /lowers its priority to 120, still above lb02's 100/);
  const fixed = applyFix(nodes, f[0].fixes!.find((x) => x.preferred)!);
  assert.match(fixed.lb01, /chk_nginx weight -60\n/);
  assert.match(fixed.lb01, /^ {4}weight -60$/m);
});

test('track_interface with a weak weight is reported; its fix edits the entry line', () => {
  const nodes = seed(undefined, { extra1: tracks('track_interface', 'eth2 weight -20'), extra2: [] });
  const f = only(check(nodes), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].message, "VI_1: interface eth2 going down on lb01 lowers its priority to 130, still above lb02's 100: the VIP stays on lb01. Use weight -51 or more, or no weight (FAULT).");
  const fixed = applyFix(nodes, f[0].fixes!.find((x) => x.preferred)!);
  assert.match(fixed.lb01, /^ {8}eth2 weight -60$/m);
  const removed = applyFix(nodes, f[0].fixes!.find((x) => /Remove/.test(x.title))!);
  assert.match(removed.lb01, /^ {8}eth2$/m);
  assert.deepEqual(only(check(removed), RULE), []);
});

test("a weighted track_interface of the instance's own interface is silent: keepalived ignores the entry and goes to FAULT when it is down", () => {
  assert.deepEqual(only(check(seed(undefined, { extra1: tracks('track_interface', 'eth1 weight -20'), extra2: [] })), RULE), []);
});

test('positive weights on both nodes with a small gap (103/99, weight 2) are reported; the fix sets the weight on both', () => {
  const nodes = seed('2', { p1: 103, p2: 99 });
  const f = only(check(nodes), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].message, "VI_1: chk_nginx failing on lb01 lowers its priority to 103, still above lb02's 101: the VIP stays on lb01. Use weight 5 or more on lb01 and lb02, or no weight (FAULT).");
  const fix = f[0].fixes!.find((x) => x.preferred)!;
  assert.equal(fix.title, 'Set weight 10 for chk_nginx on lb01 and lb02');
  const fixed = applyFix(nodes, fix);
  assert.match(fixed.lb01, /weight 10\n/);
  assert.match(fixed.lb02, /weight 10\n/);
  assert.deepEqual(only(check(fixed), RULE), []);
});

test('a tie after the failure is reported: the BACKUP does not take over on an equal priority', () => {
  const f = only(check(seed('-50')), RULE);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /lowers its priority to 100, equal to lb02's: a BACKUP does not take over on an equal priority, so the VIP stays on lb01\. Use weight -51 or more/);
});

test('two BACKUPs tied above the failed master: reported as a tie', () => {
  const nodes = {
    n1: script('chk', '-60') + node('n1', instance({ state: 'MASTER', priority: 150, extra: tracks('track_script', 'chk') })),
    n2: node('n2', instance({ state: 'BACKUP', priority: 100 })),
    n3: node('n3', instance({ state: 'BACKUP', priority: 100 })),
  };
  const f = only(check(nodes), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].message, 'VI_1: chk failing on n1 lowers its priority to 90: n2 and n3 tie at 100, so which one takes the VIP depends on their IP addresses. Give n2 and n3 different priorities.');
});

test('active/active: each instance is checked against its own holder', () => {
  const aa = (name: string, vrid: number, vip: string, state: string, p: number) => instance({ name, state, priority: p, vrid, vips: [vip], extra: nginx });
  const nodes = (w: string) => ({
    lb01: script('chk_nginx', w) + node('lb01', aa('VI_1', 51, '10.0.0.1/24', 'MASTER', 150), aa('VI_2', 52, '10.0.0.2/24', 'BACKUP', 100)),
    lb02: script('chk_nginx', w) + node('lb02', aa('VI_1', 51, '10.0.0.1/24', 'BACKUP', 100), aa('VI_2', 52, '10.0.0.2/24', 'MASTER', 150)),
  });
  const f = only(check(nodes('-20')), RULE);
  assert.deepEqual(f.map((x) => [x.uri, x.message.split(':')[0]]).sort(), [
    [uriOf('lb01'), 'VI_1'],
    [uriOf('lb02'), 'VI_2'],
  ]);
  assert.deepEqual(only(check(nodes('-60')), RULE), []);
});

test('three nodes (150/100/90, weight -10) are reported against the next node; weight -60 is silent', () => {
  const three = (w: string) => ({
    n1: script('chk_rabbit', w) + node('n1', instance({ state: 'MASTER', priority: 150, extra: tracks('track_script', 'chk_rabbit') })),
    n2: script('chk_rabbit', w) + node('n2', instance({ state: 'BACKUP', priority: 100, extra: tracks('track_script', 'chk_rabbit') })),
    n3: script('chk_rabbit', w) + node('n3', instance({ state: 'BACKUP', priority: 90, extra: tracks('track_script', 'chk_rabbit') })),
  });
  const f = only(check(three('-10')), RULE);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /lowers its priority to 140, still above n2's 100: the VIP stays on n1\. Use weight -51 or more/);
  assert.deepEqual(only(check(three('-60')), RULE), []);
});

test('nopreempt designs are silent: the BACKUP keeps out of a running master on purpose', () => {
  const np = [...nginx, 'nopreempt'];
  const nodes = {
    lb01: script('chk_nginx', '-60') + node('lb01', instance({ state: 'BACKUP', priority: 150, extra: np })),
    lb02: script('chk_nginx', '-60') + node('lb02', instance({ state: 'BACKUP', priority: 100, extra: np })),
  };
  assert.deepEqual(only(check(nodes), RULE), []);
});

test('an instance without tracking is silent', () => {
  assert.deepEqual(only(check(goodPair()), RULE), []);
});

test('an address owner (priority 255) is reported: keepalived ignores its weighted tracking', () => {
  const f = only(check(seed('-60', { p1: 255 })), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].message, 'VI_1: keepalived ignores the weight of chk_nginx (VI_1 has priority 255, the address owner): chk_nginx failing on lb01 leaves the VIP on lb01. Remove the weight (FAULT), or use a priority below 255.');
  assert.deepEqual(f[0].fixes?.map((x) => x.title), ['Remove the weight of chk_nginx (FAULT while it fails)']);
});

test('a sync group without sync_group_tracking_weight is reported: keepalived ignores the weighted script', () => {
  const group = ['vrrp_sync_group G1 {', '    group {', '        VI_1', '        VI_2', '    }', '}', ''].join('\n');
  const inst = (state: string, p: number, name: string, vrid: number, vip: string) => instance({ name, state, priority: p, vrid, vips: [vip], extra: nginx });
  const nodes = {
    lb01: script('chk_nginx', '-60') + group + node('lb01', inst('MASTER', 150, 'VI_1', 51, '10.0.0.1/24'), inst('MASTER', 150, 'VI_2', 52, '10.0.1.1/24')),
    lb02: script('chk_nginx', '-60') + group + node('lb02', inst('BACKUP', 100, 'VI_1', 51, '10.0.0.1/24'), inst('BACKUP', 100, 'VI_2', 52, '10.0.1.1/24')),
  };
  const f = only(check(nodes), RULE);
  assert.equal(f.length, 2);
  assert.match(f[0].message, /in sync group G1 without sync_group_tracking_weight/);
  const fixed = applyFix(nodes, f[0].fixes![0]);
  assert.deepEqual(only(check(fixed), RULE), []);
});

test('one file with @ID lines for both nodes: the fix edits the shared weight once', () => {
  const text = [
    script('chk_haproxy', '2'),
    'vrrp_instance VI_1 {',
    '@lb01    state MASTER',
    '@lb02    state BACKUP',
    '    interface eth1',
    '    virtual_router_id 55',
    '@lb01    priority 103',
    '@lb02    priority 99',
    '    virtual_ipaddress {',
    '        192.168.31.5/24',
    '    }',
    ...tracks('track_script', 'chk_haproxy').map((l) => `    ${l}`),
    '}',
    '',
  ].join('\n');
  const nodes = { shared: text };
  const f = only(check(nodes), RULE);
  assert.equal(f.length, 1);
  const fix = f[0].fixes!.find((x) => x.preferred)!;
  assert.equal(fix.edits.length, 1);
  const fixed = applyFix(nodes, fix);
  assert.match(fixed.shared, /^ {4}weight 10$/m);
  assert.deepEqual(only(check(fixed), RULE), []);
  const removal = f[0].fixes!.find((x) => /Remove/.test(x.title))!;
  assert.equal(removal.edits.length, 1);
});

test("the issue's MySQL pair (100/90, weight -5) is reported with the weight that works", () => {
  const f = only(check(seed('-5', { p1: 100, p2: 90 })), RULE);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /lowers its priority to 95, still above lb02's 90: the VIP stays on lb01\. Use weight -11 or more, or no weight \(FAULT\)\.$/);
  assert.equal(f[0].fixes?.find((x) => x.preferred)?.title, 'Set weight -20 for chk_nginx');
});
