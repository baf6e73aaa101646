import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Location } from 'vscode-languageserver-types';
import { definition, prepareRename, references, rename, RenameError } from '../../../server/src/features/navigation';
import { applyEdits, at, cursor, model, slice, URI } from './helpers';

const CONF = `vrrp_script chk_nginx {
  script "/bin/true"
}
vrrp_instance VI_1 {
  track_script {
    chk_nginx weight 2
  }
}
vrrp_instance VI_2 {
  track_script {
    chk_nginx
  }
}
vrrp_sync_group G1 {
  group {
    VI_1 VI_2
  }
}
`;

const where = (text: string, locs: Location[]) => locs.map((l) => `${l.range.start.line}:${slice(text, l.range)}`);

test('definition: from a track_script entry to its vrrp_script', () => {
  const { m, pos, text } = at(CONF.replace('chk_nginx weight', 'chk_ng|inx weight'));
  assert.deepEqual(where(text, definition(m, URI, pos)), ['0:chk_nginx']);
  const g = at(CONF.replace('VI_1 VI_2', 'VI_1 VI|_2'));
  assert.deepEqual(where(g.text, definition(g.m, URI, g.pos)), ['8:VI_2']);
  const none = at(CONF.replace('script "/bin', 'scr|ipt "/bin'));
  assert.deepEqual(definition(none.m, URI, none.pos), []);
});

test('references: every use, with or without the definition', () => {
  const { m, pos, text } = at(CONF.replace('vrrp_script chk_nginx', 'vrrp_script chk_|nginx'));
  assert.deepEqual(where(text, references(m, URI, pos, true)), ['0:chk_nginx', '5:chk_nginx', '10:chk_nginx']);
  assert.deepEqual(where(text, references(m, URI, pos, false)), ['5:chk_nginx', '10:chk_nginx']);
});

test('rename: a vrrp_script everywhere, keeping quotes', () => {
  const { m, pos, text } = at(CONF.replace('chk_nginx\n  }\n}\nvrrp_sync', 'chk_ngi|nx\n  }\n}\nvrrp_sync'));
  assert.deepEqual(prepareRename(m, URI, pos), { range: { start: { line: 10, character: 4 }, end: { line: 10, character: 13 } }, placeholder: 'chk_nginx' });
  const edit = rename(m, URI, pos, 'chk_web');
  assert.ok(edit?.changes);
  const out = applyEdits(text, edit.changes[URI]);
  assert.equal(out, text.replace(/chk_nginx/g, 'chk_web'));
  const q = at('vrrp_script "chk a|"\n{\n}\nvrrp_instance V {\n  track_script {\n    "chk a"\n  }\n}\n');
  assert.deepEqual(prepareRename(q.m, URI, q.pos)?.placeholder, 'chk a');
  assert.equal(applyEdits(q.text, rename(q.m, URI, q.pos, 'chk_b')!.changes![URI]), q.text.replace(/chk a/g, 'chk_b'));
});

test('rename: invalid names are refused; keywords cannot be renamed', () => {
  const { m, pos } = at(CONF.replace('vrrp_script chk_nginx', 'vrrp_script chk_|nginx'));
  assert.throws(() => rename(m, URI, pos, 'two words'), RenameError);
  assert.throws(() => rename(m, URI, pos, 'a{b'), /cannot be a vrrp_script name/);
  const kw = at(CONF.replace('vrrp_script chk_nginx', 'vrrp_scr|ipt chk_nginx'));
  assert.equal(prepareRename(kw.m, URI, kw.pos), null);
  assert.equal(rename(kw.m, URI, kw.pos, 'x'), null);
});

test('$NAME: definition, references and rename', () => {
  const marked = '$IFACE=eth1\n$ALL=$IFACE extra\nvrrp_instance VI_1 {\n  interface $IF|ACE\n  virtual_ipaddress {\n    10.0.0.1/24 dev ${IFACE}\n  }\n}\n';
  const { m, pos, text } = at(marked);
  assert.deepEqual(where(text, definition(m, URI, pos)), ['0:$IFACE']);
  assert.deepEqual(where(text, references(m, URI, pos, true)), ['0:$IFACE', '1:$IFACE', '3:$IFACE', '5:${IFACE}']);
  assert.deepEqual(prepareRename(m, URI, pos), { range: { start: { line: 3, character: 13 }, end: { line: 3, character: 18 } }, placeholder: 'IFACE' });
  const out = applyEdits(text, rename(m, URI, pos, 'NIC')!.changes![URI]);
  assert.equal(out, '$NIC=eth1\n$ALL=$NIC extra\nvrrp_instance VI_1 {\n  interface $NIC\n  virtual_ipaddress {\n    10.0.0.1/24 dev ${NIC}\n  }\n}\n');
  assert.throws(() => rename(m, URI, pos, '9x'), /not a parameter name/);
  // From the definition itself.
  const d = cursor(marked.replace('$IF|ACE', '$IFACE').replace('$IFACE=eth1', '$IFA|CE=eth1'));
  assert.equal(references(model(d.text), URI, d.pos, false).length, 3);
});

test('$NAME references are the ones keepalived replaces: ${NAME args} in a quoted word is one, $NAME/24 is not', () => {
  const { m, pos, text } = at('$M|=eth1\nvrrp_script s {\n  script "/bin/check ${M 1 2} x"\n}\nvrrp_instance VI_1 {\n  interface $M\n  virtual_ipaddress {\n    $M/24\n  }\n}\n');
  assert.deepEqual(where(text, references(m, URI, pos, true)), ['0:$M', '2:${M 1 2}', '5:$M']);
  // what the interpreter made of the same text: the quoted word expanded
  assert.equal(m.interp.all.find((s) => s.keyword.value === 'script')?.args[0].value, '/bin/check eth1 x');
});

test('navigation across included files; definition on an include line', () => {
  const files = {
    'conf.d/scripts.conf': 'vrrp_script chk_nginx {\n  script "/bin/true"\n}\n',
    'conf.d/vi.conf': 'vrrp_instance VI_1 {\n  track_script {\n    chk_nginx\n  }\n}\n',
  };
  const { m, pos } = at('incl|ude conf.d/*.conf\n', files);
  assert.deepEqual(
    definition(m, URI, pos).map((l) => l.uri),
    ['file:///etc/keepalived/conf.d/scripts.conf', 'file:///etc/keepalived/conf.d/vi.conf'],
  );
  const vi = 'file:///etc/keepalived/conf.d/vi.conf';
  const defs = definition(m, vi, { line: 2, character: 6 });
  assert.deepEqual(defs, [{ uri: 'file:///etc/keepalived/conf.d/scripts.conf', range: { start: { line: 0, character: 12 }, end: { line: 0, character: 21 } } }]);
  const edit = rename(m, vi, { line: 2, character: 6 }, 'chk_web');
  assert.deepEqual(Object.keys(edit?.changes ?? {}).sort(), ['file:///etc/keepalived/conf.d/scripts.conf', vi]);
});
