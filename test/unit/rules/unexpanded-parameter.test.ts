import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, findings, hasKeepalived, keepalivedCheck, only, recheckAfterFix } from '../../helpers/analyze';

const RULE = 'unexpanded-parameter';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const config = (vip: string): string =>
  ['$VIP=10.0.0.9', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '    virtual_ipaddress {', `        ${vip}`, '    }', '}', ''].join('\n');

test('a defined $NAME followed by "/" is not replaced: an error on the reference, with the ${NAME} fix', () => {
  const text = config('$VIP/24');
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '5:8-5:12');
  assert.match(f[0].message, /keepalived does not replace \$VIP here, because '\/' follows it: it reads '\$VIP\/24' as written\. Write \$\{VIP\} instead\./);
  const after = recheckAfterFix(text, f[0]);
  assert.equal(after.text, config('${VIP}/24'));
  assert.deepEqual(after.findings, []);
});

test('$NAME followed by a blank, and ${NAME} anywhere, are replaced', () => {
  assert.deepEqual(findings(config('$VIP dev eth0')), []);
  assert.deepEqual(findings(config('${VIP}/24')), []);
});

test('an undefined $NAME is left alone (it may come from a file we cannot see)', () => {
  assert.deepEqual(only(findings(config('$OTHER/24')), RULE), []);
});

test('keepalived reads $VIP/24 literally', { skip: NO_KEEPALIVED }, () => {
  const lines = keepalivedCheck(config('$VIP/24'))!.lines;
  assert.ok(lines.some((l) => l.startsWith('Line 6:') && l.includes('$VIP/24')), lines.join('\n'));
  assert.ok(!keepalivedCheck(config('${VIP}/24'))!.lines.some((l) => l.startsWith('Line 6:')));
});

// Lines 1-9: `${X}` is defined nowhere (an envsubst template read as it is).
const UNDEFINED = ['vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 5', '    unicast_src_ip ${X}', '    priority 100', '    virtual_ipaddress {', '        10.0.0.9', '    }', '}', ''].join('\n');

test('an undefined ${NAME}: keepalived splits it at its braces, and its } ends the block', () => {
  const f = findings(UNDEFINED);
  const mine = only(f, RULE);
  assert.equal(mine.length, 1);
  assert.equal(at(mine[0].range), '3:19-3:23');
  assert.match(mine[0].message, /^\$\{X\} is not defined \(no \$X= line before it\): keepalived leaves it as written and splits the line at its braces/);
  // keepalived 2.2.7 -t reports lines 4 (Unexpected '{', Unknown keyword 'X'), 5 'priority', 6 'virtual_ipaddress'
  // and Unexpected '{', 7 '10.0.0.9', 8 and 9 Unknown keyword '}': the rest of the instance is read at the top level.
  const errorLines = [...new Set(f.filter((x) => x.severity === 'error').map((x) => x.range.start.line + 1))].sort((a, b) => a - b);
  assert.deepEqual(errorLines, [4, 5, 6, 7, 8, 9]);
});

test('a defined ${NAME}, keepalived\'s own names, and a quoted ${NAME} are not split', () => {
  assert.deepEqual(findings(`$X=10.0.0.1\n${UNDEFINED}`).filter((x) => x.severity === 'error'), []);
  const own = ['vrrp_script s {', '    script "${_PWD}/check.sh"', '}', 'vrrp_script t {', '    script ${_PWD}/check.sh', '}', ''].join('\n');
  assert.deepEqual(only(findings(own), RULE), []);
  assert.deepEqual(only(findings(own), 'unexpected-block'), []);
});

test('keepalived splits an undefined ${NAME} too', { skip: NO_KEEPALIVED }, () => {
  const lines = keepalivedCheck(UNDEFINED)!.lines;
  assert.ok(lines.includes("Line 4: Unknown keyword 'X'") && lines.includes("Line 5: Unknown keyword 'priority'") && lines.includes("Line 9: Unknown keyword '}'"), lines.join('\n'));
});
