import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkModel } from '../../../server/src/analysis/analyze';
import { readText } from '../../../server/src/model/read';
import { MAX_FILE_BYTES } from '../../../server/src/limits';
import { FsIncludeResolver, looksLikeConfigText, pathToUri } from '../../../server/src/workspace/include-resolver';
import { analyze, at, conf, only, writeTree } from '../../helpers/analyze';

const RULE = 'include-not-read';

test('an include of /etc/passwd: one warning on the pattern, the file is not read or quoted', () => {
  const r = analyze(conf('global_defs {', '}', 'include /etc/passwd'), { files: {} });
  const f = only(r.findings, RULE);
  assert.equal(f.length, 1);
  assert.equal(at(f[0].range), '2:8-2:19');
  assert.equal(f[0].severity, 'warning');
  assert.equal(f[0].message, "'passwd' is not read: it does not look like a keepalived configuration.");
  assert.deepEqual(r.model.interp.files, [r.uri], 'nothing of /etc/passwd was read into the node');
  assert.ok(r.findings.every((x) => !/root/.test(x.message)));
});

test('/proc, /sys and /dev files are refused by path, FIFOs and directories by type', () => {
  const dir = writeTree({ 'keepalived.conf': '' });
  execFileSync('mkfifo', [join(dir, 'pipe.conf')]);
  const text = conf('include /proc/self/environ', 'include /dev/zero', 'include pipe.conf');
  const f = only(readAndCheck(text, dir), RULE);
  assert.deepEqual(
    f.map((x) => `${x.range.start.line} ${x.message}`),
    [
      "0 'environ' is not read: it is under /proc, /sys or /dev, which hold the state of the machine, not configurations.",
      "1 'zero' is not read: it is under /proc, /sys or /dev, which hold the state of the machine, not configurations.",
      "2 'pipe.conf' is not read: it is not a regular file (a directory, FIFO, socket or device).",
    ],
  );
});

test('an included file over the size limit is not read', () => {
  const dir = writeTree({});
  writeFileSync(join(dir, 'big.conf'), `global_defs {\n${' '.repeat(MAX_FILE_BYTES)}}\n`);
  const f = only(readAndCheck(conf('include big.conf'), dir), RULE);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /^'big\.conf' is not read: it is 8\.0 MiB, over the 8 MiB limit\.$/);
});

test('outside the workspace folders, an untrusted workspace reads nothing', () => {
  const outside = writeTree({ 'shared/vips.conf': 'global_defs {\n}\n' });
  const ws = writeTree({ 'keepalived.conf': '' });
  const text = conf(`include ${join(outside, 'shared/vips.conf')}`);
  const uri = pathToUri(join(ws, 'keepalived.conf'));
  const untrusted = new FsIncludeResolver(undefined, undefined, undefined, [ws], () => false);
  const f = only(checkModel(readText(text, uri, { includes: untrusted })), RULE);
  assert.equal(f.length, 1);
  assert.match(f[0].message, /outside the workspace folders, which are not read while the workspace is not trusted/);
  const trusted = new FsIncludeResolver(undefined, undefined, undefined, [ws], () => true);
  assert.deepEqual(only(checkModel(readText(text, uri, { includes: trusted })), RULE), []);
});

test('what reads like a keepalived configuration or a fragment of one', () => {
  for (const ok of ['', '# only a comment\n', 'vrrp_instance VI_1 {\n', '10.0.0.1/24 dev eth0\n', 'fe80::1/64\n', '$X=1\n', 'vrrp_instanse X {\n', 'include x.conf\n']) {
    assert.ok(looksLikeConfigText(ok), JSON.stringify(ok));
  }
  for (const bad of ['root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/usr/sbin/nologin\n', 'PATH=/usr/bin\0HOME=/root\0', 'root:x:0:\n', '\0\0\0']) {
    assert.ok(!looksLikeConfigText(bad), JSON.stringify(bad));
  }
});

function readAndCheck(text: string, dir: string) {
  const uri = pathToUri(join(dir, 'keepalived.conf'));
  return checkModel(readText(text, uri, { includes: new FsIncludeResolver() }));
}
