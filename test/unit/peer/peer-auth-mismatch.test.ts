import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFix, check, goodPair, instance, node, only } from './pair';

test('different passwords are reported without showing them, and a fix aligns them', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, auth: 'secretA1' })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, auth: 'secretB2' })),
  };
  const f = only(check(nodes), 'peer-auth-mismatch');
  assert.equal(f.length, 2);
  for (const x of f) assert.doesNotMatch(x.message + JSON.stringify(x.related), /secret/);
  assert.match(f[0].message, /auth_pass differs from lb0\d in its first 8 characters/);
  const fixed = applyFix(nodes, f[0].fixes![0]);
  assert.deepEqual(only(check(fixed), 'peer-auth-mismatch'), []);
});

test('passwords equal in their first 8 characters are equal', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150, auth: '12345678abc' })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, auth: '12345678xyz' })),
  };
  assert.deepEqual(only(check(nodes), 'peer-auth-mismatch'), []);
});

test('authentication on one side only', () => {
  const nodes = {
    lb01: node('lb01', instance({ state: 'MASTER', priority: 150 })),
    lb02: node('lb02', instance({ state: 'BACKUP', priority: 100, auth: null })),
  };
  const f = only(check(nodes), 'peer-auth-mismatch');
  assert.equal(f.length, 2);
  assert.ok(f.some((x) => /authentication is off here but PASS on lb01/.test(x.message)));
});

test('equal authentication is silent', () => {
  assert.deepEqual(only(check(goodPair()), 'peer-auth-mismatch'), []);
});
