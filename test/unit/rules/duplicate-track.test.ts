import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, findings, hasKeepalived, instance, keepalivedCheck, only } from '../../helpers/analyze';

const RULE = 'duplicate-track';
const NO_KEEPALIVED = !hasKeepalived() && 'keepalived is not installed';
const TEXT = instance(['    track_interface {', '        eth1', '        eth1 weight 10', '    }']);

test('an interface tracked twice is a warning on the second', () => {
  const f = only(findings(TEXT), RULE);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(at(f[0].range), '8:8-8:12');
  assert.match(f[0].message, /'eth1' is already in track_interface of vrrp_instance VI_1 \(line 8\)/);
  assert.equal(at(f[0].related![0].range), '7:8-7:12');
});

test('also across two track blocks of one instance', () => {
  const f = only(findings(instance(['    track_interface {', '        eth1', '    }', '    track_interface {', '        eth1', '    }'])), RULE);
  assert.deepEqual(
    f.map((x) => at(x.range)),
    ['10:8-10:12'],
  );
});

test('different names, @a/@b lines and different instances are fine', () => {
  assert.deepEqual(only(findings(instance(['    track_interface {', '        eth1', '        eth2', '    }'])), RULE), []);
  assert.deepEqual(only(findings(instance(['    track_interface {', '@a      eth1', '@b      eth1', '    }'])), RULE), []);
  const two = instance(['    track_interface {', '        eth1', '    }']) + instance(['    track_interface {', '        eth1', '    }'], { name: 'VI_2', vrid: 52 });
  assert.deepEqual(only(findings(two), RULE), []);
});

test('keepalived ignores the duplicate', { skip: NO_KEEPALIVED }, () => {
  // keepalived checks tracked interfaces against the host: use the one interface it surely has.
  const ka = keepalivedCheck(TEXT.replace(/eth1/g, 'eth0'))!.lines;
  assert.ok(ka.includes('Line 9: (VI_1) duplicate track_interface eth0 - ignoring'), ka.join('\n'));
});
