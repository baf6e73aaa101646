import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hover, type HoverOptions } from '../../../server/src/features/hover';
import { at, slice, URI } from './helpers';

function hoverText(marked: string, opts?: HoverOptions, files?: Record<string, string>): string | undefined {
  const { m, pos } = at(marked, files);
  const h = hover(m, URI, pos, opts);
  return h ? (h.contents as { value: string }).value : undefined;
}

test('hover: a keyword shows its explanation, with the range of the word', () => {
  const { m, pos, text } = at('vrrp_instance VI_1 {\n  prio|rity 150\n}\n');
  const h = hover(m, URI, pos);
  assert.ok(h);
  const v = (h.contents as { value: string }).value;
  assert.match(v, /^```keepalived\npriority PRIORITY\n```/);
  assert.match(v, /Election priority/);
  assert.match(v, /Default: `100`/);
  assert.equal(slice(text, h.range!), 'priority');
});

test('hover: auth_pass longer than 8 characters: effective length, never the password', () => {
  const secret = 'VeryLongSecret99';
  for (const place of [`auth_p|ass ${secret}`, `auth_pass VeryLong|Secret99`]) {
    const v = hoverText(`vrrp_instance VI_1 {\n  authentication {\n    auth_type PASS\n    ${place}\n  }\n}\n`);
    assert.ok(v);
    assert.match(v, /16 characters long: keepalived uses only the first 8 \(effective length 8\)/);
    assert.ok(!v.includes(secret) && !v.includes(secret.slice(0, 8)), 'the password must not be shown');
  }
  const short = hoverText('vrrp_instance VI_1 {\n  authentication {\n    auth_p|ass abc\n  }\n}\n');
  assert.ok(short && !/effective length/.test(short));
});

test('hover: a fractional advert_int under VRRPv2 is rounded to whole seconds', () => {
  const v = hoverText('vrrp_instance VI_1 {\n  advert_|int 1.6\n}\n');
  assert.match(v ?? '', /VRRPv2 adverts carry whole seconds: keepalived rounds 1\.6 to \*\*2\*\* s/);
  assert.match(hoverText('vrrp_instance VI_1 {\n  advert_int 0.|3\n}\n') ?? '', /rounds 0\.3 to \*\*1\*\* s/);
  assert.doesNotMatch(hoverText('vrrp_instance VI_1 {\n  version 3\n  advert_|int 1.6\n}\n') ?? '', /rounds/);
  assert.doesNotMatch(hoverText('global_defs {\n  vrrp_version 3\n}\nvrrp_instance VI_1 {\n  advert_|int 1.6\n}\n') ?? '', /rounds/);
  assert.doesNotMatch(hoverText('vrrp_instance VI_1 {\n  advert_|int 2\n}\n') ?? '', /rounds/);
});

test('hover: priority facts: MASTER without priority means 255', () => {
  const state = hoverText('vrrp_instance VI_1 {\n  state MAS|TER\n}\n');
  assert.match(state ?? '', /a MASTER without priority gets \*\*255\*\* \(address owner\)/);
  assert.match(state ?? '', /^The value of `state`: one of MASTER, BACKUP/);
  const prio = hoverText('vrrp_instance VI_1 {\n  state MASTER\n  priority 25|5\n}\n');
  assert.match(prio ?? '', /255 makes this router the address owner/);
  assert.match(prio ?? '', /A MASTER without `priority` means 255/);
  assert.match(hoverText('vrrp_instance VI_1 {\n  st|ate BACKUP\n}\n') ?? '', /No `priority` is set: keepalived uses 100/);
});

test('hover: peer information from the caller on an instance', () => {
  const opts: HoverOptions = { peerInfo: (name) => (name === 'VI_1' ? 'Rank 1 of 2 among peers (lb02 BACKUP 100)' : undefined) };
  const v = hoverText('vrrp_inst|ance VI_1 {\n  state MASTER\n  priority 150\n  virtual_router_id 55\n}\n', opts);
  assert.match(v ?? '', /MASTER 150 · VRID 55 · VRRPv2/);
  assert.match(v ?? '', /Rank 1 of 2 among peers/);
  assert.match(hoverText('vrrp_instance VI|_1 {\n}\n', opts) ?? '', /Rank 1 of 2/);
  assert.match(hoverText('vrrp_instance VI_1 {\n  prior|ity 100\n}\n', opts) ?? '', /Rank 1 of 2/);
});

test('hover: $NAME shows its value and where it is defined', () => {
  const v = hoverText('$IFACE=eth1\nvrrp_instance VI_1 {\n  interface $IF|ACE\n}\n');
  assert.match(v ?? '', /\*\*\$IFACE\*\* = \n\n```keepalived\neth1\n```/);
  assert.match(v ?? '', /Defined at \[keepalived\.conf:1\]\(file:\/\/\/etc\/keepalived\/keepalived\.conf#L1\)/);
  assert.match(hoverText('vrrp_instance VI_1 {\n  interface $NO|PE\n}\n') ?? '', /`\$NOPE` is not defined/);
  assert.match(hoverText('$IF|ACE=eth1\n') ?? '', /eth1/);
  // The keyword of a line keepalived re-reads after substitution still explains itself.
  assert.match(hoverText('$IFACE=eth1\nvrrp_instance VI_1 {\n  inter|face $IFACE\n}\n') ?? '', /^```keepalived\ninterface IFNAME/);
});

test('hover: references say where the name is defined, or that it is not', () => {
  const text = 'vrrp_script chk_nginx {\n  script "/bin/true"\n}\nvrrp_instance VI_1 {\n  track_script {\n    chk_ng|inx\n    chk_gone\n  }\n}\n';
  assert.match(hoverText(text) ?? '', /vrrp_script `chk_nginx`, defined at \[keepalived\.conf:1\]/);
  assert.match(hoverText(text.replace('chk_ng|inx', 'chk_nginx').replace('chk_gone', 'chk_go|ne')) ?? '', /No vrrp_script named `chk_gone` is defined/);
  assert.match(hoverText(text.replace('chk_ng|inx', 'chk_nginx').replace('vrrp_script chk_nginx', 'vrrp_script chk_ng|inx')) ?? '', /Defines vrrp_script `chk_nginx`: referenced 1 time in this configuration/);
});

test('hover: unknown and misplaced keywords, conditions, options, includes', () => {
  assert.match(hoverText('vrrp_instance VI_1 {\n  bog|us 1\n}\n') ?? '', /Unknown keyword `bogus`: keepalived ignores the line/);
  assert.match(hoverText('vrrp_instance VI_1 {\n  rou|ter_id x\n}\n') ?? '', /`router_id` is not valid in `vrrp_instance`.*It belongs in `global_defs`/);
  assert.match(hoverText('vrrp_instance VI_1 {\n@lb0|1 priority 150\n}\n') ?? '', /only when keepalived runs with `-i lb01`/);
  assert.match(hoverText('vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24 de|v eth0\n  }\n}\n') ?? '', /Option `dev` entry of `virtual_ipaddress`: Interface to put the address on/);
  const inc = hoverText('incl|ude conf.d/*.conf\n', undefined, { 'conf.d/a.conf': '', 'conf.d/b.conf': '' });
  assert.match(inc ?? '', /- \[a\.conf\]\(file:\/\/\/etc\/keepalived\/conf\.d\/a\.conf\)\n- \[b\.conf\]/);
  assert.equal(hoverText('vrrp_instance VI_1 { # com|ment\n}\n'), undefined);
});

test('hover names a build option only when a default keepalived build lacks it', () => {
  // VRRP is in every default build: not worth a line on each VRRP keyword
  assert.doesNotMatch(hoverText('vrrp_instance VI_1 {\n  prio|rity 150\n}\n') ?? '', /_WITH_VRRP_|Needs keepalived built/);
  // BFD needs --enable-bfd
  assert.match(hoverText('bfd_inst|ance B1 {\n  neighbor_ip 10.0.0.2\n}\n') ?? '', /Needs keepalived built with `[^`]*_WITH_BFD_[^`]*` \(not in a default build\)/);
});

test('hover on a value says what it is without placeholder jargon', () => {
  const v = hoverText('vrrp_instance VI_1 {\n  priority 15|0\n}\n') ?? '';
  assert.match(v, /^The value of `priority`: an integer 1\.\.255\./);
  assert.doesNotMatch(v, /PRIORITY/);
});

test('hover reads the line form the interpreter chose, the one the diagnostic speaks of', async () => {
  const { checkModel } = await import('../../../server/src/analysis/analyze');
  const { m, pos } = at('virtual_server fw|mark {\n}\n');
  // half typed: the fwmark form, missing its MARK (not an IP that is wrong)
  assert.deepEqual(m.interp.all[0].form?.args.map((a) => a.name), ['fwmark', 'MARK']);
  assert.deepEqual(checkModel(m).map((f) => f.code), ['missing-value']);
  assert.match(checkModel(m)[0].message, /\(MARK\) needs a value/);
  assert.equal((hover(m, URI, pos)?.contents as { value: string }).value, '**fwmark** of `virtual_server`: one of fwmark.');
});
