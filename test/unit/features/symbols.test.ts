import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { documentSymbols, fuzzyMatch, workspaceSymbols } from '../../../server/src/features/symbols';
import { containsRange } from '../../../server/src/features/util';
import { model, slice, URI } from './helpers';

const CONF = `global_defs {
  router_id lb01
}
vrrp_script chk_nginx {
  script "/usr/bin/pgrep nginx"
  interval 2
}
vrrp_instance VI_1 {
  state MASTER
  priority 150
  virtual_router_id 55
  authentication {
    auth_type PASS
    auth_pass 1111
  }
  virtual_ipaddress {
    10.0.0.5/24
  }
}
vrrp_sync_group G1 {
  group {
    VI_1
  }
}
virtual_server 10.0.0.5 80 {
  lb_algo rr
  lb_kind DR
  real_server 10.0.0.11 80 {
    weight 2
    HTTP_GET {
      url {
        path /
      }
    }
  }
}
`;

function names(list: DocumentSymbol[] | undefined): string[] {
  return (list ?? []).map((s) => s.name);
}

function checkNesting(list: DocumentSymbol[]): void {
  for (const s of list) {
    assert.ok(containsRange(s.range, s.selectionRange), `${s.name}: selection outside range`);
    for (const c of s.children ?? []) assert.ok(containsRange(s.range, c.range), `${c.name} outside ${s.name}`);
    checkNesting(s.children ?? []);
  }
}

test('symbols: hierarchical outline with names and details', () => {
  const syms = documentSymbols(model(CONF), URI);
  assert.deepEqual(names(syms), ['global_defs', 'vrrp_script chk_nginx', 'vrrp_instance VI_1', 'vrrp_sync_group G1', 'virtual_server 10.0.0.5 80']);
  const vi = syms[2];
  assert.equal(vi.kind, SymbolKind.Class);
  assert.equal(vi.detail, 'MASTER 150 · VRID 55');
  assert.deepEqual(names(vi.children), ['authentication', 'virtual_ipaddress']);
  assert.equal(vi.children?.[1].detail, '1 entry');
  assert.equal(syms[1].detail, '/usr/bin/pgrep nginx');
  assert.equal(syms[1].kind, SymbolKind.Function);
  assert.equal(syms[3].detail, 'VI_1');
  const vs = syms[4];
  assert.equal(vs.detail, 'rr · DR · 1 real server');
  assert.deepEqual(names(vs.children), ['real_server 10.0.0.11 80']);
  assert.equal(vs.children?.[0].detail, 'weight 2');
  assert.deepEqual(names(vs.children?.[0].children), ['HTTP_GET']);
  assert.deepEqual(names(vs.children?.[0].children?.[0].children), ['url']);
  assert.equal(slice(CONF, vi.selectionRange), 'vrrp_instance VI_1');
  assert.ok(slice(CONF, vi.range).startsWith('vrrp_instance VI_1 {') && slice(CONF, vi.range).endsWith('}'));
  checkNesting(syms);
});

test('symbols: a MASTER without priority shows 255; unclosed blocks still contain their children', () => {
  const syms = documentSymbols(model('vrrp_instance VI_2 {\n  state MASTER\n  virtual_ipaddress {\n    10.0.0.1\n'), URI);
  assert.equal(syms[0].detail, 'MASTER 255 (implicit)');
  checkNesting(syms);
  assert.deepEqual(names(syms[0].children), ['virtual_ipaddress']);
});

test('symbols: included files show their own blocks', () => {
  const files = { 'conf.d/vi.conf': 'vrrp_instance VI_9 {\n  state BACKUP\n}\n' };
  const m = model('include conf.d/*.conf\nvrrp_script s {\n}\n', files);
  assert.deepEqual(names(documentSymbols(m, URI)), ['vrrp_script s']);
  assert.deepEqual(names(documentSymbols(m, 'file:///etc/keepalived/conf.d/vi.conf')), ['vrrp_instance VI_9']);
});

test('workspace symbols: named objects and servers across models, filtered and deduplicated', () => {
  const lb01 = readFileSync('examples/nginx-ha/lb01/keepalived.conf', 'utf8');
  const lb02 = readFileSync('examples/nginx-ha/lb02/keepalived.conf', 'utf8');
  const m1 = model(lb01, undefined, 'file:///repo/lb01/keepalived.conf');
  const m2 = model(lb02, undefined, 'file:///repo/lb02/keepalived.conf');
  const found = workspaceSymbols([m1, m2, m1], 'VI');
  assert.deepEqual(
    found.map((s) => [s.name, s.location.uri]),
    [
      ['vrrp_instance VI_1', 'file:///repo/lb01/keepalived.conf'],
      ['vrrp_instance VI_1', 'file:///repo/lb02/keepalived.conf'],
    ],
  );
  const all = workspaceSymbols([model(CONF)], '');
  assert.deepEqual(all.map((s) => s.name), ['global_defs', 'vrrp_script chk_nginx', 'vrrp_instance VI_1', 'vrrp_sync_group G1', 'virtual_server 10.0.0.5 80', 'real_server 10.0.0.11 80']);
  assert.equal(all[5].containerName, 'virtual_server 10.0.0.5 80');
  assert.ok(fuzzyMatch('vichk', 'vrrp_script chk_nginx'));
  assert.ok(!fuzzyMatch('xyz', 'vrrp_instance VI_1'));
});
