import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, conf, findings, hasKeepalived, instance, keepalivedCheck, only, recheckAfterFix } from '../../helpers/analyze';

const RULE = 'undefined-reference';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const SCRIPT = conf('vrrp_script chk_nginx {', '    script "/bin/true"', '}');
const track = (name: string): string => SCRIPT + instance(['    track_script {', `        ${name}`, '    }']);

test('track_script naming no vrrp_script is an error (keepalived ignores the tracking) with a did-you-mean', () => {
  const f = only(findings(track('chk_ngix')), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(at(f[0].range), '10:8-10:16');
  assert.match(f[0].message, /No vrrp_script named 'chk_ngix' is defined: keepalived ignores the tracking/);
  assert.match(f[0].message, /Did you mean 'chk_nginx'\?/);
});

test('the fix renames the reference and the warning goes away', () => {
  const text = track('chk_ngix');
  const after = recheckAfterFix(text, only(findings(text), RULE)[0]);
  assert.equal(after.text, track('chk_nginx'));
  assert.deepEqual(after.findings, []);
});

test('track_script naming an existing vrrp_script is fine', () => {
  assert.deepEqual(findings(track('chk_nginx')), []);
});

test('a sync group member that is no vrrp_instance', () => {
  const text = instance() + conf('vrrp_sync_group G {', '    group {', '        VI_1', '        VI_2', '    }', '}');
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '10:8-10:12');
  assert.match(f[0].message, /No vrrp_instance named 'VI_2' is defined: keepalived leaves it out of the group/);
});

test('a reference to a vrrp_script keepalived removes (no script)', () => {
  const text = conf('vrrp_script chk {', '    interval 2', '}') + instance(['    track_script {', '        chk', '    }']);
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /vrrp_script 'chk' has no 'script', so keepalived removes it/);
});

test('keepalived ignores the unknown script', { skip: NO_KEEPALIVED }, () => {
  assert.ok(keepalivedCheck(track('chk_ngix'))!.lines.includes('Line 11: (VI_1) track script chk_ngix not found, ignoring...'));
});

test('with an include that matches no file here, an undefined name is only a warning', () => {
  const text = conf('include /nonexistent-kalsp-dir/conf.d/*.conf') + instance(['    track_script {', '        chk_remote', '    }']);
  const f = only(findings(text, { files: {} }), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.match(f[0].message, /No vrrp_script named 'chk_remote' is defined here \(unless in '\/nonexistent-kalsp-dir\/conf\.d\/\*\.conf', line 1, which matches no file here\)/);
  // An include that resolves leaves the error as it was.
  const found = only(findings(conf('include scripts.conf') + instance(['    track_script {', '        chk_remote', '    }']), { files: { 'scripts.conf': conf('vrrp_script chk_other {', '    script "/bin/true"', '}') } }), RULE);
  assert.deepEqual(found.map((x) => x.severity), ['error']);
});

test('a vrrp_script, track_file or process defined below its first use: keepalived has not read it yet', () => {
  const body = ['    track_script {', '        chk_late', '    }', '    track_file {', '        tf_late', '    }'];
  const text = instance(body) + conf('vrrp_script chk_late {', '    script "/bin/true"', '}', 'track_file tf_late {', '    file /run/flag', '}');
  const f = only(findings(text), RULE);
  assert.deepEqual(
    f.map((x) => [at(x.range), x.severity]),
    [
      ['7:8-7:16', 'error'],
      ['10:8-10:15', 'error'],
    ],
  );
  assert.match(f[0].message, /vrrp_script 'chk_late' is defined only further down \(line 14\): keepalived looks the name up as it reads this line and does not find it yet: keepalived ignores the tracking/);
  assert.equal(at(f[0].related![0].range), '13:12-13:20');
  // Sync group members are resolved once everything is read: order does not matter there.
  const group = conf('vrrp_sync_group G {', '    group {', '        VI_1', '        VI_2', '    }', '}');
  assert.deepEqual(only(findings(group + instance() + instance([], { name: 'VI_2', vrid: 52, vip: '10.0.0.2' })), RULE), []);
});

test('keepalived reports the track_script whose vrrp_script comes later', { skip: NO_KEEPALIVED }, () => {
  const text = instance(['    track_script {', '        chk_late', '    }']) + conf('vrrp_script chk_late {', '    script "/bin/true"', '}');
  const ka = keepalivedCheck(text)!.lines;
  assert.ok(ka.includes('Line 8: (VI_1) track script chk_late not found, ignoring...'), ka.join('\n'));
});

test('tracking a track_file that has no file: keepalived dropped it', () => {
  const text = conf('track_file tf {', '    weight 2', '}') + instance(['    track_file {', '        tf', '    }']);
  const f = only(findings(text), RULE);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /track_file 'tf' has no 'file', so keepalived removes it: keepalived ignores the tracking/);
  // keepalived keeps a bfd_instance without neighbor in the VRRP process: track_bfd still finds it.
  assert.deepEqual(only(findings(conf('bfd_instance b1 {', '    min_rx 100', '}') + instance(['    track_bfd {', '        b1', '    }'])), RULE), []);
});
