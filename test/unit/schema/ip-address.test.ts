// Our address checks replace node:net's (to keep it out of the CLI's start-up): they must give
// the same answer for every string, valid or not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { isIP, isIPv4, isIPv6 } from '../../../server/src/schema/ip-address';
import { rng } from '../../helpers/rng.mjs';

const CASES = [
  '', '.', '0.0.0.0', '255.255.255.255', '256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.04', '1.2.3.4 ', ' 1.2.3.4',
  '1..2.3', '1.2.3.4.', '+1.2.3.4', '1e2.1.1.1', '0x1.1.1.1', '192.168.31.5', '10.0.0.1/24',
  '::', ':::', '::1', '1::', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::', '::1:2:3:4:5:6:7',
  '1:2:3:4:5:6:7:8::', '::1:2:3:4:5:6:7:8', '1::2::3', '1:::2', ':1::2', '1::2:', '12345::', 'abcd::EF01', 'g::1',
  '::ffff:192.0.2.1', '::192.0.2.1', '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', '1:2:3:4:5::1.2.3.4', '1:2:3:4:5:6::1.2.3.4',
  '1.2.3.4::', '1.2.3.4::1', '::1.2.3.4:1', '::01.2.3.4', 'fe80::1%eth0', 'fe80::1%', 'fe80::1%eth 0', 'fe80::1%a-b.c:d', '1.2.3.4%eth0',
  'fe80::1%%', 'fe80::%1', '2001:db8::/64', '::ffff:1.2.3',
];

test('isIPv4, isIPv6 and isIP agree with node:net on hand-picked edge cases', () => {
  for (const s of CASES) {
    assert.equal(isIPv4(s), net.isIPv4(s), `isIPv4(${JSON.stringify(s)})`);
    assert.equal(isIPv6(s), net.isIPv6(s), `isIPv6(${JSON.stringify(s)})`);
    assert.equal(isIP(s), net.isIP(s), `isIP(${JSON.stringify(s)})`);
  }
});

test('isIPv4 and isIPv6 agree with node:net on 200,000 random address-like strings', () => {
  const r = rng(16);
  const alphabet = '0123456789abcdefABCDEFg:.:.%-';
  const pieces = ['::', ':', '.', '1', '255', '256', '0', '00', 'ffff', 'fffff', '192.0.2.1', '%eth0', '1.2.3.4'];
  let valid = 0;
  for (let i = 0; i < 200_000; i++) {
    let s = '';
    const n = Math.floor(r() * 12);
    for (let k = 0; k < n; k++) s += r() < 0.5 ? alphabet[Math.floor(r() * alphabet.length)] : pieces[Math.floor(r() * pieces.length)];
    const want4 = net.isIPv4(s);
    const want6 = net.isIPv6(s);
    if (want4 || want6) valid++;
    assert.equal(isIPv4(s), want4, `isIPv4(${JSON.stringify(s)})`);
    assert.equal(isIPv6(s), want6, `isIPv6(${JSON.stringify(s)})`);
  }
  // The generator must produce valid addresses too, or the comparison proves little.
  assert.ok(valid > 1000, `only ${valid} valid addresses generated`);
});
