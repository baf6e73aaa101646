// The hover asks for failover tables where an operator looks: priority, a vrrp_script's weight, a
// track_* entry (of an instance, or of a sync group: one table per member). The tables come from
// the caller (the server knows the peers); here a stub names what was asked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hover } from '../../../server/src/features/hover';
import { at, URI } from '../features/helpers';

function asked(marked: string): string[] {
  const calls: string[] = [];
  const { m, pos } = at(marked);
  hover(m, URI, pos, {
    failover: (of) => {
      calls.push('instance' in of ? `instance ${of.instance}` : `script ${of.script}`);
      return `TABLE ${calls.length}`;
    },
  });
  return calls;
}

const CONF = (cursorAt: string) =>
  [
    'vrrp_script chk {',
    '    script "/bin/true"',
    '    weight -20',
    '}',
    'vrrp_sync_group G1 {',
    '    group {',
    '        VI_1',
    '        VI_2',
    '    }',
    '    track_script {',
    '        chk_group',
    '    }',
    '}',
    'vrrp_instance VI_1 {',
    '    priority 150',
    '    track_script {',
    '        chk weight -60',
    '    }',
    '    track_interface {',
    '        eth2 weight -10',
    '    }',
    '}',
    'vrrp_instance VI_2 {',
    '    priority 150',
    '}',
    '',
  ]
    .join('\n')
    .replace(cursorAt.replace('#', ''), cursorAt.replace('#', '|'));

test('priority asks for its instance, a vrrp_script weight for the script', () => {
  assert.deepEqual(asked(CONF('    prio#rity 150\n    track')), ['instance VI_1']);
  assert.deepEqual(asked(CONF('wei#ght -20')), ['script chk']);
  assert.deepEqual(asked(CONF('weight -2#0')), ['script chk']);
});

test('a track_script or track_interface entry asks for its instance; a sync group entry for each member', () => {
  assert.deepEqual(asked(CONF('        c#hk weight -60')), ['instance VI_1']);
  assert.deepEqual(asked(CONF('        eth#2 weight')), ['instance VI_1']);
  assert.deepEqual(asked(CONF('        chk_gr#oup')), ['instance VI_1', 'instance VI_2']);
  // Not on the entry's weight value, nor on other keywords.
  assert.deepEqual(asked(CONF('chk weight -6#0')), []);
  assert.deepEqual(asked(CONF('    scr#ipt "/bin/true"')), []);
});
