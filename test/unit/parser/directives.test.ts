// keepalived's line directives: include (and its variants), @ID conditions, $NAME definitions and
// ~SEQ / ~LST repetition, as the interpreter applies them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, at, conf, findings, model, only } from '../../helpers/analyze';
import type { ConfigModel } from '../../../server/src/model/types';

/** `keyword args...` of the top-level statements. */
const top = (m: ConfigModel): string[] => m.statements.map((s) => [s.keyword.value, ...s.args.map((a) => a.value)].join(' '));
const scripts = (m: ConfigModel): string[] => [...(m.named.get('vrrp_script')?.keys() ?? [])];
const script = (name: string): string => conf(`vrrp_script ${name} {`, '    script "/bin/true"', '}');

// ---------------------------------------------------------------------------
// include

test('include reads the file relative to the including file', () => {
  const a = analyze(conf('include conf.d/a.conf'), { main: 'etc/keepalived/keepalived.conf', files: { 'etc/keepalived/conf.d/a.conf': script('a') } });
  assert.deepEqual(scripts(a.model), ['a']);
  assert.equal(a.model.interp.files.length, 2);
  assert.equal(a.model.interp.includes[0].pattern, 'conf.d/a.conf');
  assert.equal(at(a.model.interp.includes[0].keyword.range), '0:0-0:7');
  assert.deepEqual(a.findings, []);
});

test('includes nested in included files resolve relative to the file that names them', () => {
  const a = analyze(conf('include conf.d/outer.conf'), {
    files: { 'conf.d/outer.conf': conf('include inner/x.conf'), 'conf.d/inner/x.conf': script('x'), 'inner/x.conf': script('wrong') },
  });
  assert.deepEqual(scripts(a.model), ['x']);
});

test('includer, includem, includew, includeb and includea are includes too', () => {
  for (const kw of ['includer', 'includem', 'includew', 'includeb', 'includea']) {
    const a = analyze(conf(`${kw} a.conf`), { files: { 'a.conf': script('a') } });
    assert.deepEqual(scripts(a.model), ['a'], kw);
    assert.equal(a.model.interp.includes[0].keyword.value, kw);
  }
  // `includex` is no include: keepalived reports an unknown keyword.
  const f = findings(conf('includex a.conf'));
  assert.equal(only(f, 'unknown-keyword').length, 1);
});

test('a * glob includes every match, in sorted order', () => {
  const a = analyze(conf('include conf.d/*.conf'), {
    files: { 'conf.d/20-b.conf': script('b'), 'conf.d/10-a.conf': script('a'), 'conf.d/c.txt': script('c'), 'conf.d/.hidden.conf': script('h') },
  });
  assert.deepEqual(scripts(a.model), ['a', 'b']);
  assert.deepEqual(
    a.model.interp.includes[0].targets.map((u) => u.slice(u.lastIndexOf('/') + 1)),
    ['10-a.conf', '20-b.conf'],
  );
});

test('brace expansion: conf.d/{a,b}.conf includes both files, in the order written', () => {
  const a = analyze(conf('include conf.d/{b,a}.conf'), { files: { 'conf.d/a.conf': script('a'), 'conf.d/b.conf': script('b'), 'conf.d/c.conf': script('c') } });
  assert.equal(a.model.interp.includes[0].pattern, 'conf.d/{b,a}.conf');
  assert.deepEqual(scripts(a.model).sort(), ['a', 'b']);
  assert.deepEqual(a.findings, []);
  // The pattern's range covers the braces.
  assert.equal(at(only(findings(conf('include none/{x,y}.conf')), 'include-not-found')[0].range), '0:8-0:23');
});

test('an absolute /etc/keepalived/... include resolves inside a mirrored host folder', () => {
  const a = analyze(conf('include /etc/keepalived/conf.d/*.conf'), {
    main: 'hosts/lb01/etc/keepalived/keepalived.conf',
    files: {
      'hosts/lb01/etc/keepalived/conf.d/vi.conf': script('lb01_only'),
      'hosts/lb02/etc/keepalived/conf.d/vi.conf': script('lb02_only'),
    },
  });
  assert.deepEqual(scripts(a.model), ['lb01_only']);
  assert.deepEqual(only(a.findings, 'include-not-found'), []);
});

test('statements read from an included file carry that file and its positions', () => {
  const a = analyze(conf('global_defs {', '    include defs.conf', '}'), { files: { 'defs.conf': conf('# x', '  router_id lb01') } });
  const rid = a.model.routerId!;
  assert.equal(rid.value, 'lb01');
  assert.ok(rid.word.uri.endsWith('/defs.conf'));
  assert.equal(at(rid.word.range), '1:12-1:16');
  assert.equal(rid.stmt.path, 'global_defs');
});

test('an include cycle is read once and does not hang', () => {
  const a = analyze(conf('include a.conf'), { files: { 'a.conf': conf('include b.conf', script('a')), 'b.conf': conf('include a.conf', script('b')) } });
  assert.deepEqual(scripts(a.model).sort(), ['a', 'b']);
});

// ---------------------------------------------------------------------------
// @ID conditions

const CONDITIONAL = conf(
  'vrrp_instance VI_1 {',
  '    interface eth0',
  '    virtual_router_id 51',
  '@lb1 priority 150',
  '@lb2 priority 100',
  '@^lb1 state BACKUP',
  '}',
);

test('@ID lines are all read when no config id is given', () => {
  const m = model(CONDITIONAL);
  const prios = m.instances[0].stmt.children!.filter((c) => c.keyword.value === 'priority');
  assert.deepEqual(
    prios.map((p) => [p.args[0].value, p.condition?.id, p.condition?.negated]),
    [
      ['150', 'lb1', false],
      ['100', 'lb2', false],
    ],
  );
  assert.deepEqual([...m.interp.configIds].sort(), ['lb1', 'lb2']);
  // The statement's range starts at its condition.
  assert.equal(prios[0].condition?.word.text, '@lb1');
  assert.equal(at(prios[0].condition!.word.range), '3:0-3:4');
  assert.equal(at(prios[0].keyword.range), '3:5-3:13');
});

test('a config id keeps its @ID lines and the @^ lines of other ids', () => {
  const lb1 = model(CONDITIONAL, { configId: 'lb1' }).instances[0];
  assert.equal(lb1.priority?.value, 150);
  assert.equal(lb1.state, undefined);
  const lb2 = model(CONDITIONAL, { configId: 'lb2' }).instances[0];
  assert.equal(lb2.priority?.value, 100);
  assert.equal(lb2.state?.value, 'BACKUP');
  const other = model(CONDITIONAL, { configId: 'lb3' }).instances[0];
  assert.equal(other.priority, undefined);
  assert.equal(other.state?.value, 'BACKUP');
});

test('an excluded @ID line drops its whole text line, one-line block included', () => {
  const text = conf(
    'vrrp_instance VI_1 {',
    '    interface eth0',
    '    virtual_router_id 51',
    '@a  virtual_ipaddress { 10.0.0.1 }',
    '@b  virtual_ipaddress { 10.0.0.2 }',
    '    priority 100',
    '}',
  );
  for (const id of ['a', 'b']) {
    const a = analyze(text, { configId: id });
    assert.deepEqual(a.findings, [], id);
    const inst = a.model.instances[0];
    assert.deepEqual(
      inst.vips.map((v) => v.address),
      [id === 'a' ? '10.0.0.1' : '10.0.0.2'],
    );
    assert.equal(inst.priority?.value, 100);
    assert.equal(inst.stmt.close?.range.start.line, 6);
  }
});

test('lines inside a one-line block of an @ID line carry its condition', () => {
  const m = model(conf('@lb1 global_defs { router_id one }', '@^lb1 global_defs { router_id other }'), { configId: 'lb1' });
  assert.equal(m.statements.length, 1);
  assert.equal(m.routerId?.value, 'one');
  assert.equal(m.routerId?.stmt.condition?.id, 'lb1');
});

// ---------------------------------------------------------------------------
// $NAME definitions

test('$NAME and ${NAME} are replaced by their definition', () => {
  const m = model(conf('$IF=eth0', '$ID=51', 'vrrp_instance VI_1 {', '    interface $IF', '    virtual_router_id ${ID}', '}'));
  const i = m.instances[0];
  assert.equal(i.interface?.value, 'eth0');
  assert.equal(i.vrid?.value, 51);
  // Words out of an expansion point back at the line written, and cover it.
  assert.equal(i.interface?.word.origin?.text, 'interface');
  assert.equal(at(i.interface!.word.range), '3:4-3:17');
  assert.equal(i.interface?.word.uri, m.uri);
  assert.deepEqual(
    m.interp.definitions.map((d) => [d.name, d.value]),
    [
      ['IF', 'eth0'],
      ['ID', '51'],
    ],
  );
});

test('a definition on an @ID line applies only for that config id', () => {
  const text = conf('@lb1 $IF=br0', '@^lb1 $IF=eth0', 'vrrp_instance VI_1 {', '    interface $IF', '    virtual_router_id 51', '}');
  assert.equal(model(text, { configId: 'lb1' }).instances[0].interface?.value, 'br0');
  assert.equal(model(text, { configId: 'lb2' }).instances[0].interface?.value, 'eth0');
  assert.deepEqual(only(findings(text, { configId: 'lb2' }), 'unknown-keyword'), []);
});

test('${NAME} inside a word, and a redefinition applies to later lines only', () => {
  const m = model(conf('$N=1', 'vrrp_script chk_${N} {', '  script /bin/true', '}', '$N=2', 'vrrp_script chk_${N} {', '  script /bin/true', '}'));
  assert.deepEqual(scripts(m), ['chk_1', 'chk_2']);
});

test('an undefined $NAME stays as written and is not judged', () => {
  const a = analyze(conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id $UNDEFINED', '}'));
  assert.equal(a.model.instances[0].vrid, undefined);
  assert.deepEqual(only(a.findings, 'invalid-value'), []);
});

test('a multi-line definition expands to a whole vrrp_instance block', () => {
  const text = conf(
    '$INSTANCE=vrrp_instance VI_${N} { \\',
    '    interface eth0 \\',
    '    virtual_router_id 5${N} \\',
    '    virtual_ipaddress { \\',
    '        10.0.0.${N}/24 \\',
    '    } \\',
    '}',
    '$N=1',
    '$INSTANCE',
    '$N=2',
    '$INSTANCE',
  );
  const a = analyze(text);
  assert.deepEqual(a.findings, []);
  const got = a.model.instances.map((i) => [i.name, i.interface?.value, i.vrid?.value, i.vips.map((v) => `${v.address}/${v.prefix}`).join()]);
  assert.deepEqual(got, [
    ['VI_1', 'eth0', 51, '10.0.0.1/24'],
    ['VI_2', 'eth0', 52, '10.0.0.2/24'],
  ]);
  // Everything an expansion produces sits on the line that uses it, and points at the definition use.
  const vi2 = a.model.instances[1];
  assert.equal(at(vi2.stmt.keyword.range), '10:0-10:9');
  assert.equal(vi2.stmt.keyword.origin?.text, '$INSTANCE');
});

test('a self-referencing definition neither hangs nor explodes', () => {
  for (const def of ['$X=$X', '$X=a $X $X', '$X=$X $X $X $X']) {
    const start = Date.now();
    const f = findings(conf(def, '$X'));
    assert.ok(Array.isArray(f));
    assert.ok(Date.now() - start < 15000, `${def} took ${Date.now() - start} ms`);
  }
});

// ---------------------------------------------------------------------------
// ~SEQ and ~LST

test('~SEQ(i,1,3) repeats its line three times', () => {
  const m = model(conf('~SEQ(i,1,3) vrrp_script chk_$i { script "/bin/check ${i}" }'));
  assert.deepEqual(top(m), ['vrrp_script chk_1', 'vrrp_script chk_2', 'vrrp_script chk_3']);
  assert.deepEqual(
    m.statements.map((s) => s.children?.[0].args[0].value),
    ['/bin/check 1', '/bin/check 2', '/bin/check 3'],
  );
  // Each repetition points at the line that produced it.
  assert.deepEqual(
    m.statements.map((s) => at(s.keyword.range)),
    ['0:12-0:59', '0:12-0:59', '0:12-0:59'],
  );
});

test('~SEQ with start, step and end, and ~LST with a list of values', () => {
  const seq = model(conf('global_defs {', '~SEQ(n,10,5,20) vrrp_garp_interval $n', '}'));
  assert.deepEqual(
    seq.globalDefs!.children!.map((c) => c.args[0].value),
    ['10', '15', '20'],
  );
  const lst = model(conf('~LST(name,web,db) vrrp_script chk_$name { script /bin/true }'));
  assert.deepEqual(scripts(lst), ['chk_web', 'chk_db']);
});

test('~SEQ lines inside a block make sub-keywords of that block', () => {
  const a = analyze(conf('vrrp_instance VI_1 {', '    interface eth0', '    virtual_router_id 1', '    virtual_ipaddress {', '~SEQ(i,1,3)    10.0.0.$i', '    }', '}'));
  assert.deepEqual(
    a.model.instances[0].vips.map((v) => v.address),
    ['10.0.0.1', '10.0.0.2', '10.0.0.3'],
  );
  assert.deepEqual(a.findings, []);
});

test('~SEQ of a line that opens a multi-line block repeats its { as keepalived does', () => {
  // keepalived reads `vrrp_script chk_1 {` `vrrp_script chk_2 {` `vrrp_script chk_3 {`: the second one is
  // unknown inside the first block.
  const f = findings(conf('~SEQ(i,1,3) vrrp_script chk_$i {', '    script /bin/true', '}'));
  assert.equal(only(f, 'misplaced-keyword').length, 2);
  assert.equal(only(f, 'unexpected-block').length, 2);
});
