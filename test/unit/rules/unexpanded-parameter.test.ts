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
