// The rank hover and code lens give a node among its instance's peers: a tie is one rank, seen
// alike from either side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { peerRank, peerRankText } from '../../../server/src/features/peer-rank';

test('distinct priorities: the highest is rank 1, the text lists them highest first', () => {
  const lb01 = { label: 'lb01', priority: 150 };
  const lb02 = { label: 'lb02', priority: 100 };
  assert.equal(peerRankText([lb02, lb01], lb01), 'rank 1 of 2 among peers: lb01 150, lb02 100');
  assert.equal(peerRankText([lb01, lb02], lb02), 'rank 2 of 2 among peers: lb01 150, lb02 100');
});

test('a tie is the same rank from both sides, and says how VRRP settles it', () => {
  const lb01 = { label: 'lb01', priority: 100 };
  const lb02 = { label: 'lb02', priority: 100 };
  const members = [lb01, lb02];
  assert.deepEqual(peerRank(members, lb01), { rank: 1, of: 2, tiedWith: ['lb02'] });
  assert.deepEqual(peerRank(members, lb02), { rank: 1, of: 2, tiedWith: ['lb01'] });
  assert.equal(peerRankText(members, lb02), 'rank 1 of 2 among peers (tied with lb01: the higher IP address wins): lb01 100, lb02 100');
  // a third, lower node ranks after both tied ones
  const lb03 = { label: 'lb03', priority: 50 };
  assert.equal(peerRank([...members, lb03], lb03).rank, 3);
});
