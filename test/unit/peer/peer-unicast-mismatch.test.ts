import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, check, instance, node, only, uriOf } from './pair';

const uni = (src: string, peers: string[]) => ['unicast_src_ip ' + src, 'unicast_peer {', ...peers.map((p) => '    ' + p), '}'];

test("a peer's unicast_src_ip missing from unicast_peer, and the fix adds it", () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, extra: uni('10.1.1.1', ['10.1.1.3']) })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, extra: uni('10.1.1.2', ['10.1.1.1']) })),
  };
  const f = only(check(nodes), 'peer-unicast-mismatch');
  assert.equal(f.length, 1);
  assert.equal(f[0].uri, uriOf('lb01'));
  assert.match(f[0].message, /unicast_peer does not list 10\.1\.1\.2, the unicast_src_ip of lb02/);
  const fixed = applyFix(nodes, f[0].fixes![0]);
  assert.match(fixed.lb01, /10\.1\.1\.3\n {8}10\.1\.1\.2\n/);
  assert.deepEqual(only(check(fixed), 'peer-unicast-mismatch'), []);
});

test('unicast on one side, multicast on the other', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, extra: uni('10.1.1.1', ['10.1.1.2']) })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100 })),
  };
  const f = only(check(nodes), 'peer-unicast-mismatch');
  assert.ok(f.some((x) => x.uri === uriOf('lb02') && /uses multicast but lb01 uses unicast_peer/.test(x.message)));
});

test('a node listing itself is a warning', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, extra: uni('10.1.1.1', ['10.1.1.1', '10.1.1.2']) })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, extra: uni('10.1.1.2', ['10.1.1.1']) })),
  };
  const f = only(check(nodes), 'peer-unicast-mismatch');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.match(f[0].message, /lists this node's own unicast_src_ip 10\.1\.1\.1/);
});

test('a unicast_src_ip that is no address (a placeholder) is not looked for in the peers', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, extra: ['unicast_src_ip <THIS_IP>', 'unicast_peer {', '    <PEER_IP>', '}'] })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, extra: ['unicast_src_ip <THIS_IP>', 'unicast_peer {', '    <PEER_IP>', '}'] })),
  };
  assert.deepEqual(only(check(nodes), 'peer-unicast-mismatch'), []);
});
