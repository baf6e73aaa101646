// What keepalived skips unread (skip_block()) is not checked: a second vrrp_instance of one name,
// a virtual_server or real_server whose address it rejects. keepalived 2.2.7's verdicts are quoted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conf, findings, hasKeepalived, instance, keepalivedCheck, model, only } from '../../helpers/analyze';

const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const lines = (text: string) => findings(text).map((f) => `${f.range.start.line + 1} ${f.code}`);

// Lines 8-14: a second VI_1 with the same VRID and an unknown keyword inside.
const DUPLICATE = instance() + instance(['    bogus_kw 1', '    priority 300'], { vip: '10.0.0.2' });
// Line 1: an address keepalived rejects; lines 2-6 are never read.
const BAD_VS = conf('virtual_server 10.0.0.300 80 {', '    delay_loop 6', '    bogus 2', '    real_server 10.0.0.2 80 {', '        weight 1', '    }', '}');

test('a second vrrp_instance of one name: the duplicate is reported, nothing inside it', () => {
  // keepalived 2.2.7 -t: "(Line 8) vrrp instance VI_1 already defined", and nothing else.
  assert.deepEqual(lines(DUPLICATE), ['8 duplicate-definition']);
  // keepalived never builds it: the node has one VI_1, with the first VIP.
  const m = model(DUPLICATE);
  assert.equal(m.instances.length, 1);
  assert.equal(m.instances[0].vips[0].address, '10.0.0.1');
});

test('a virtual_server whose address keepalived rejects: the address is reported, nothing inside', () => {
  // keepalived 2.2.7 -t: "(Line 1) Invalid virtual server IP address/port 10.0.0.300/80 - skipping".
  const f = findings(BAD_VS);
  assert.deepEqual(lines(BAD_VS), ['1 invalid-value']);
  assert.match(f[0].message, /keepalived reports "Invalid virtual server IP address\/port \.\.\. - skipping" and skips the whole block/);
  assert.equal(model(BAD_VS).virtualServers.length, 0);
  // The same block with a good address is read, and its unknown keyword reported.
  assert.deepEqual(lines(BAD_VS.replace('10.0.0.300', '10.0.0.3')), ['3 unknown-keyword']);
});

test('a real_server whose address keepalived rejects: nothing inside is checked', () => {
  const text = conf('virtual_server 10.0.0.3 80 {', '    real_server 10.0.0.256 80 {', '        weight 70000', '    }', '}');
  // keepalived 2.2.7 -t: "(Line 2) Invalid real server ip address/port 10.0.0.256/80 - skipping".
  assert.deepEqual(lines(text), ['2 invalid-value']);
});

test('a second virtual_server_group of one name: an empty one is removed, with keepalived\'s words', () => {
  const text = conf('virtual_server_group VG {', '    10.0.0.5 80', '}', 'virtual_server_group VG {', '}');
  const f = findings(text);
  // keepalived 2.2.7 -t: "(Line 5) virtual server group VG has no entries - removing".
  assert.deepEqual(lines(text), ['4 missing-required']);
  assert.match(f[0].message, /virtual_server_group VG lists nothing: keepalived reports "virtual server group VG has no entries - removing"/);
  assert.equal(f[0].severity, 'error');
  // With entries, keepalived keeps both silently and every reference finds the first.
  const both = only(findings(text.replace('VG {\n}', 'VG {\n    10.0.0.6 80\n}')), 'duplicate-definition');
  assert.match(both[0].message, /keepalived keeps it without a word, but every reference to the name finds the first definition/);
});

test('keepalived skips the same blocks', { skip: NO_KEEPALIVED }, () => {
  const dup = keepalivedCheck(DUPLICATE)!.lines.filter((l) => /^Line \d+:/.test(l));
  assert.deepEqual(dup, ['Line 8: vrrp instance VI_1 already defined']);
  const vs = keepalivedCheck(BAD_VS)!.lines.filter((l) => /^Line \d+:/.test(l));
  assert.deepEqual(vs, ['Line 1: Invalid virtual server IP address/port 10.0.0.300/80 - skipping']);
  const vsg = keepalivedCheck(conf('virtual_server_group VG {', '    10.0.0.5 80', '}', 'virtual_server_group VG {', '}'))!.lines.filter((l) => /^Line \d+:/.test(l));
  assert.deepEqual(vsg, ['Line 5: virtual server group VG has no entries - removing']);
});
