// How the interpreter reads blocks as keepalived's process_stream() does, mistakes included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, at, conf, keepalivedCheck, hasKeepalived, model, only } from '../../helpers/analyze';
import type { Statement } from '../../../server/src/parser/statements';

const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
/** `path:keyword` of every statement read, in reading order. */
const reading = (all: readonly Statement[]): string[] => all.map((s) => `${s.path || '-'}:${s.keyword.value}`);

const TYPO_BLOCK = conf(
  'vrrp_instance VI_1 {',
  '    interface eth0',
  '    virtual_router_id 51',
  '    virtual_ipadress {',
  '        10.0.0.1',
  '    }',
  '    priority 100',
  '}',
);

test("a typo'd block keyword: its lines are read at the outer level and its '}' ends the enclosing block", () => {
  const a = analyze(TYPO_BLOCK);
  assert.deepEqual(reading(a.model.interp.all), [
    '-:vrrp_instance',
    'vrrp_instance:interface',
    'vrrp_instance:virtual_router_id',
    'vrrp_instance:virtual_ipadress',
    'vrrp_instance:10.0.0.1',
    '-:priority',
  ]);
  const inst = a.model.instances[0];
  assert.equal(at(inst.stmt.close!.range), '5:4-5:5');
  assert.equal(inst.priority, undefined);
  assert.deepEqual(inst.vips, []);

  const unknown = only(a.findings, 'unknown-keyword');
  assert.deepEqual(
    unknown.map((f) => at(f.range)),
    ['3:4-3:20', '4:8-4:16'],
  );
  assert.match(unknown[0].message, /Did you mean 'virtual_ipaddress'\?/);
  assert.match(unknown[1].message, /because the '\{' after 'virtual_ipadress' \(line 4\) did not open a block/);
  const brace = only(a.findings, 'unexpected-block');
  assert.deepEqual(
    brace.map((f) => at(f.range)),
    ['3:21-3:22'],
  );
  const misplaced = only(a.findings, 'misplaced-keyword');
  assert.deepEqual(
    misplaced.map((f) => at(f.range)),
    ['6:4-6:12'],
  );
  assert.match(misplaced[0].message, /'priority' is not valid in the top level/);
  const closing = only(a.findings, 'unbalanced-brace');
  assert.deepEqual(
    closing.map((f) => at(f.range)),
    ['7:0-7:1'],
  );
  assert.match(closing[0].message, /at the top level because the '\{' after 'virtual_ipadress' \(line 4\)/);
});

test("keepalived reports the typo'd block the same way", { skip: NO_KEEPALIVED }, () => {
  const ka = keepalivedCheck(TYPO_BLOCK)!;
  for (const l of ["Line 4: Unknown keyword 'virtual_ipadress'", "Line 4: Unexpected '{' - ignoring", "Line 5: Unknown keyword '10.0.0.1'", "Line 7: Unknown keyword 'priority'", "Line 8: Unknown keyword '}'"]) {
    assert.ok(ka.lines.includes(l), `${l}\n${ka.lines.join('\n')}`);
  }
});

test('an unknown block keyword at top level: its lines are read at top level', () => {
  const a = analyze(conf('vrrp_instanc VI_1 {', '    interface eth0', '}'));
  assert.deepEqual(reading(a.model.interp.all), ['-:vrrp_instanc', '-:interface']);
  assert.equal(only(a.findings, 'unknown-keyword').length, 1);
  assert.equal(only(a.findings, 'misplaced-keyword').length, 1);
  assert.deepEqual(
    only(a.findings, 'unbalanced-brace').map((f) => at(f.range)),
    ['2:0-2:1'],
  );
});

const MISSING_CLOSE = conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 51', '', 'vrrp_instance VI_2 {', '    interface eth0', '    virtual_router_id 52', '}');

test("a missing '}': the next top-level keyword is misplaced inside the previous block", () => {
  const a = analyze(MISSING_CLOSE);
  assert.deepEqual(reading(a.model.interp.all), [
    '-:vrrp_instance',
    'vrrp_instance:interface',
    'vrrp_instance:virtual_router_id',
    'vrrp_instance:vrrp_instance',
    'vrrp_instance:interface',
    'vrrp_instance:virtual_router_id',
  ]);
  assert.equal(a.model.instances.length, 1);
  // VI_1 ends at the last '}', and keeps the later values.
  assert.equal(a.model.instances[0].vrid?.value, 52);
  const m = only(a.findings, 'misplaced-keyword');
  assert.equal(m.length, 1);
  assert.equal(at(m[0].range), '4:0-4:13');
  assert.equal(m[0].severity, 'error');
  assert.match(m[0].message, /'vrrp_instance' is not valid in 'vrrp_instance'; it belongs in the top level/);
  assert.match(m[0].message, /Is a '\}' missing before it, to close 'vrrp_instance VI_1'\?/);
  assert.deepEqual(
    only(a.findings, 'unexpected-block').map((f) => at(f.range)),
    ['4:19-4:20'],
  );
});

test("keepalived also rejects the second vrrp_instance as unknown", { skip: NO_KEEPALIVED }, () => {
  const ka = keepalivedCheck(MISSING_CLOSE)!;
  assert.ok(ka.lines.includes("Line 5: Unknown keyword 'vrrp_instance'"), ka.lines.join('\n'));
});

test('a block keyword without { reads the next lines as its own up to the next }', () => {
  const a = analyze(conf('vrrp_instance VI_1', '    interface eth0', '    virtual_router_id 1', '}'));
  assert.deepEqual(reading(a.model.interp.all), ['-:vrrp_instance', 'vrrp_instance:interface', 'vrrp_instance:virtual_router_id']);
  assert.equal(a.model.instances[0].vrid?.value, 1);
  assert.equal(a.model.interp.missingOpens.length, 1);
});

test('value blocks read each line as values, and a { inside one is a value', () => {
  const m = model(conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 1', '    virtual_ipaddress {', '        10.0.0.1/24 dev eth0 label eth0:1', '        10.0.0.2', '    }', '}'));
  const block = m.instances[0].vipBlock!;
  assert.equal(block.spec?.block, 'values');
  assert.deepEqual(
    block.values!.map((l) => l.words.map((w) => w.value).join(' ')),
    ['10.0.0.1/24 dev eth0 label eth0:1', '10.0.0.2'],
  );
  assert.deepEqual(
    m.instances[0].vips.map((v) => [v.address, v.prefix, v.dev, v.label]),
    [
      ['10.0.0.1', 24, 'eth0', 'eth0:1'],
      ['10.0.0.2', undefined, undefined, undefined],
    ],
  );
});

test('symbols: definitions and references of named objects', () => {
  const m = model(conf('vrrp_script chk {', '    script /bin/true', '}', 'vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 1', '    track_script {', '        chk weight 10', '    }', '}', 'vrrp_sync_group G {', '    group {', '        VI_1', '    }', '}'));
  const got = m.interp.symbols.map((s) => `${s.role}:${s.target}:${s.word.value}@${at(s.word.range)}`);
  assert.deepEqual(got, [
    'definition:vrrp_script:chk@0:12-0:15',
    'definition:vrrp_instance:VI_1@3:14-3:18',
    'reference:vrrp_script:chk@7:8-7:11',
    'definition:vrrp_sync_group:G@10:16-10:17',
    'reference:vrrp_instance:VI_1@12:8-12:12',
  ]);
  assert.equal(m.instances[0].trackScripts[0].weight, 10);
  assert.equal(m.instances[0].syncGroup?.name, 'G');
});
