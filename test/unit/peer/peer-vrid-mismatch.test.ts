import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, check, goodPair, instance, node, only, uriOf } from './pair';

const drift = () => ({
  lb01: node('lb01', instance({ state: 'MASTER', priority: 150, vrid: 55 })),
  lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, vrid: 56 })),
});

test('different VRIDs are reported on both nodes, pointing at each other', () => {
  const f = only(check(drift()), 'peer-vrid-mismatch');
  assert.equal(f.length, 2);
  const lb01 = f.find((x) => x.uri === uriOf('lb01'))!;
  assert.equal(lb01.severity, 'error');
  assert.match(lb01.message, /virtual_router_id 55 here but 56 on lb02.*split brain/);
  assert.deepEqual(lb01.range.start, { line: 7, character: 22 });
  assert.equal(lb01.related?.[0].uri, uriOf('lb02'));
  assert.equal(lb01.related?.[0].range.start.line, 7);
});

test('equal VRIDs stay silent', () => {
  assert.deepEqual(only(check(goodPair()), 'peer-vrid-mismatch'), []);
});

test('both fixes are offered and each clears the finding', () => {
  const nodes = drift();
  const f = only(check(nodes), 'peer-vrid-mismatch', 'lb01')[0];
  const titles = f.fixes!.map((x) => x.title);
  assert.deepEqual(titles, ["Use lb02's virtual_router_id 56 here", 'Set virtual_router_id 55 on lb02']);
  for (const fix of f.fixes!) {
    const fixed = applyFix(nodes, fix);
    assert.deepEqual(only(check(fixed), 'peer-vrid-mismatch'), [], fix.title);
  }
});

test('with three nodes the fix that changes the odd one out is preferred', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, vrid: 55 })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, vrid: 56 })),
    lb03: node('lb03', instance({ state: 'BACKUP', priority: 50, vrid: 55 })),
  };
  const onOdd = only(check(nodes), 'peer-vrid-mismatch', 'lb02')[0];
  assert.equal(onOdd.fixes!.find((x) => x.preferred)?.title, "Use lb01's virtual_router_id 55 here");
});
