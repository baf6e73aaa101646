import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CompletionItemTag, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-types';
import { completions } from '../../../server/src/features/completion';
import { at, URI } from './helpers';

function complete(marked: string, files?: Record<string, string>): CompletionItem[] {
  const { m, pos } = at(marked, files);
  return completions(m, URI, pos);
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const item = (items: CompletionItem[], label: string) => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${labels(items).join(', ')}`);
  return found;
};
const newText = (i: CompletionItem) => (i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : undefined);

test('completion: top-level keywords with block snippets and documentation', () => {
  const items = complete('|');
  const vi = item(items, 'vrrp_instance');
  assert.equal(newText(vi), 'vrrp_instance ${1:VI_1} {\n\t$0\n}');
  assert.equal(vi.insertTextFormat, InsertTextFormat.Snippet);
  assert.match(String((vi.documentation as { value: string }).value), /^```keepalived\nvrrp_instance NAME \{ \.\.\. \}\n```\n\nDefines one VRRP virtual router/);
  assert.equal(newText(item(items, 'global_defs')), 'global_defs {\n\t$0\n}');
  assert.equal(newText(item(items, 'virtual_server')), 'virtual_server ${1:192.168.1.10} ${2:443} {\n\t$0\n}');
  assert.ok(labels(items).includes('include'));
  assert.ok(!labels(items).includes('priority'), 'priority belongs in vrrp_instance');
});

test('completion: keywords of the enclosing block, without non-repeatable ones already set', () => {
  const items = complete('vrrp_instance VI_1 {\n  state MASTER\n  pri|\n}\n');
  assert.ok(!labels(items).includes('state'), 'state is already set');
  assert.equal(newText(item(items, 'priority')), 'priority ${1:150}');
  assert.equal(newText(item(items, 'virtual_ipaddress')), 'virtual_ipaddress {\n\t$0\n}');
  assert.equal(newText(item(items, 'authentication')), 'authentication {\n\t$0\n}');
  assert.deepEqual(item(items, 'priority').textEdit && 'range' in item(items, 'priority').textEdit! ? (item(items, 'priority').textEdit as { range: unknown }).range : undefined, {
    start: { line: 2, character: 2 },
    end: { line: 2, character: 5 },
  });
  assert.ok(!labels(items).includes('router_id'));
  // The statement being typed does not count as present.
  assert.ok(labels(complete('vrrp_instance VI_1 {\n  state|\n}\n')).includes('state'));
});

test('completion: an enum first argument becomes a choice snippet; deprecated keywords are tagged', () => {
  const items = complete('vrrp_instance VI_1 {\n  |\n}\n');
  assert.equal(newText(item(items, 'state')), 'state ${1|MASTER,BACKUP|}');
  const g = complete('global_defs {\n  |\n}\n');
  const dep = item(g, 'lvs_process_name');
  assert.deepEqual(dep.tags, [CompletionItemTag.Deprecated]);
  assert.ok((dep.sortText ?? '') > (item(g, 'router_id').sortText ?? ''));
});

test('completion: a repeatable keyword stays offered; conditions keep one per @ID', () => {
  const vs = complete('virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n  }\n  |\n}\n');
  assert.ok(labels(vs).includes('real_server'));
  assert.ok(!labels(complete('vrrp_instance VI_1 {\n  priority 100\n  @lb02 |\n}\n')).includes('priority'));
  assert.ok(labels(complete('vrrp_instance VI_1 {\n  @lb01 priority 100\n  @lb02 |\n}\n')).includes('priority'));
});

test('completion: replacing the keyword of an existing line inserts the bare keyword', () => {
  const items = complete('vrrp_instance VI_1 {\n  virtual_ip| {\n  }\n}\n');
  assert.equal(newText(item(items, 'virtual_ipaddress')), 'virtual_ipaddress');
  assert.equal(newText(item(complete('vrrp_instance VI_1 {\n  prio| 100\n}\n'), 'priority')), 'priority');
});

test('completion: enum and boolean values after a keyword', () => {
  assert.deepEqual(labels(complete('vrrp_instance VI_1 {\n  state |\n}\n')), ['MASTER', 'BACKUP']);
  assert.deepEqual(labels(complete('vrrp_instance VI_1 {\n  authentication {\n    auth_type |\n  }\n}\n')), ['PASS', 'AH']);
  assert.deepEqual(labels(complete('global_defs {\n  smtp_alert |\n}\n')), ['on', 'off', 'true', 'false', 'yes', 'no']);
  assert.deepEqual(labels(complete('vrrp_instance VI_1 {\n  priority |\n}\n')), []);
});

test('completion: vrrp_script names in track_script, leaving out listed ones', () => {
  const text = 'vrrp_script chk_nginx {\n  script "/bin/true"\n}\nvrrp_script chk_disk {\n  script "/bin/true"\n}\nvrrp_instance VI_1 {\n  track_script {\n    chk_nginx\n    |\n  }\n}\n';
  const items = complete(text);
  assert.deepEqual(labels(items), ['chk_disk']);
  assert.match(items[0].detail ?? '', /vrrp_script \(keepalived\.conf:4\)/);
  // After the name: its options.
  assert.deepEqual(labels(complete(text.replace('chk_nginx\n    |', 'chk_nginx |'))), ['weight']);
});

test('completion: instance names in a sync group, group names after virtual_server group', () => {
  const sync = 'vrrp_instance VI_1 {\n}\nvrrp_instance VI_2 {\n}\nvrrp_sync_group G1 {\n  group {\n    VI_1 |\n  }\n}\n';
  assert.deepEqual(labels(complete(sync)), ['VI_2']);
  assert.deepEqual(labels(complete('virtual_server_group WEB {\n  10.0.0.1 80\n}\nvirtual_server group |')), ['WEB']);
  assert.deepEqual(labels(complete('virtual_server |')), ['fwmark', 'group']);
});

test('completion: options on a value line', () => {
  const items = complete('vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24 |\n  }\n}\n');
  assert.ok(labels(items).includes('dev'));
  assert.ok(labels(items).includes('label'));
  assert.deepEqual(labels(complete('vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24 dev eth0 |\n  }\n}\n')).includes('dev'), false);
});

test('completion: $ parameters', () => {
  const items = complete('$IFACE=eth0\n$VIP=10.0.0.5/24\nvrrp_instance VI_1 {\n  interface $I|\n}\n');
  assert.deepEqual(labels(items), ['$IFACE', '$VIP']);
  const i = item(items, '$IFACE');
  assert.equal(i.detail, 'eth0');
  assert.deepEqual((i.textEdit as { range: unknown }).range, { start: { line: 3, character: 12 }, end: { line: 3, character: 14 } });
  const inWord = complete('$N=1\nvrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.$|\n  }\n}\n');
  assert.deepEqual((item(inWord, '$N').textEdit as { range: unknown }).range, { start: { line: 3, character: 11 }, end: { line: 3, character: 12 } });
  const braced = complete('$N=1\nvrrp_instance VI_1 {\n  virtual_router_id 5${N|}\n}\n');
  assert.equal(newText(item(braced, '$N')), '${N}');
  assert.deepEqual((item(braced, '$N').textEdit as { range: unknown }).range, { start: { line: 2, character: 21 }, end: { line: 2, character: 25 } });
});

test('completion: nothing in comments', () => {
  assert.deepEqual(complete('vrrp_instance VI_1 { # sta|\n}\n'), []);
});

test('completion ranks the keywords people write first inside vrrp_instance, then the rest alphabetically', () => {
  const items = complete('vrrp_instance VI_1 {\n  |\n}\n');
  const order = [...items].sort((a, b) => (a.sortText ?? String(a.label)).localeCompare(b.sortText ?? String(b.label))).map((i) => i.label);
  // the four every instance writes lead the list; a rare option comes well after them
  assert.deepEqual(new Set(order.slice(0, 4)), new Set(['interface', 'priority', 'virtual_ipaddress', 'virtual_router_id']));
  assert.equal(order[4], 'state');
  assert.ok(order.indexOf('advert_int') < order.indexOf('accept'), 'advert_int (common) before accept (rare)');
  assert.ok(order.indexOf('authentication') < order.indexOf('accept'));
  // keywords never seen in the samples keep alphabetical order among themselves
  assert.ok(order.indexOf('accept') < order.indexOf('debug') && order.indexOf('debug') < order.indexOf('down_timer_adverts'));
});

test('a space opens the list only where the next word is one of a list', () => {
  const { m, pos } = at('vrrp_instance VI_1 {\n  state |\n}\n');
  assert.deepEqual(labels(completions(m, URI, pos, undefined, ' ')), ['MASTER', 'BACKUP']);
  // in the indentation of a new line, or after a word that takes free text, a space offers nothing
  const indent = at('vrrp_instance VI_1 {\n  |\n}\n');
  assert.deepEqual(completions(indent.m, URI, indent.pos, undefined, ' '), []);
  const free = at('vrrp_instance VI_1 {\n  interface |\n}\n');
  assert.deepEqual(completions(free.m, URI, free.pos, undefined, ' '), []);
  // invoked explicitly, the keyword list is there as before
  assert.ok(labels(completions(indent.m, URI, indent.pos)).includes('priority'));
});

test('the usage table behind the ranking names only keywords the schema knows, in their blocks', async () => {
  const { KEYWORD_USAGE } = await import('../../../server/src/schema/keyword-usage');
  const { SCHEMA } = await import('../../../server/src/schema');
  for (const key of Object.keys(KEYWORD_USAGE)) {
    const at = key.lastIndexOf('/');
    assert.ok(SCHEMA.lookup(at < 0 ? '' : key.slice(0, at), key.slice(at + 1)), key);
  }
});
