// package.json's contributions agree with the code: every rule id is a setting, every command
// the client registers is contributed, and the other way round.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ruleProperties, updateManifest } from '../../../tools/rule-settings';
import { FILE_RULES } from '../../../server/src/rules/index';
import { PEER_RULES } from '../../../server/src/rules/peer/index';

const root = join(import.meta.dirname, '../../..');
const manifestText = readFileSync(join(root, 'package.json'), 'utf8');
const manifest = JSON.parse(manifestText);

test('every single-file and peer rule has its keepalived.rules.<id> setting, with no default', () => {
  const props = manifest.contributes.configuration.properties;
  for (const r of [...FILE_RULES, ...PEER_RULES]) {
    const p = props[`keepalived.rules.${r.id}`];
    assert.ok(p, `keepalived.rules.${r.id} is missing: run npm run rule-settings`);
    assert.deepEqual(p.enum, ['off', 'hint', 'information', 'warning', 'error']);
    assert.equal('default' in p, false);
  }
  assert.deepEqual(Object.keys(props).filter((k) => k.startsWith('keepalived.rules.')).sort(), Object.keys(ruleProperties()).sort());
  assert.equal(`${JSON.stringify(updateManifest(JSON.parse(manifestText)), null, 2)}\n`, manifestText, 'package.json rule settings are out of date');
});

test('the peer rules the brief names are all there', () => {
  const ids = new Set(PEER_RULES.map((r) => r.id));
  for (const id of ['peer-vrid-mismatch', 'peer-priority-order', 'peer-state-conflict', 'peer-auth-mismatch', 'peer-vip-mismatch', 'peer-vip-interface-mismatch', 'peer-advert-int-mismatch', 'peer-version-mismatch', 'peer-unicast-mismatch', 'peer-nopreempt-mismatch', 'peer-router-id-duplicate', 'peer-missing-instance', 'peer-sync-group-mismatch']) {
    assert.ok(ids.has(id), id);
  }
});

test('commands: registered in client/src and contributed, each with the Keepalived category', () => {
  const dir = join(root, 'client/src');
  const registered = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/registerCommand\('([\w.]+)'/g)) registered.add(m[1]);
  }
  const contributed = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
  assert.deepEqual([...registered].sort(), [...contributed].sort());
  for (const c of manifest.contributes.commands) assert.equal(c.category, 'Keepalived', c.command);
  const menuCommands = Object.values(manifest.contributes.menus as Record<string, { command: string }[]>).flat().map((m) => m.command);
  for (const c of menuCommands) assert.ok(contributed.has(c), `menu entry for unknown command ${c}`);
});

test('the view, its activation, and the settings the server reads', () => {
  assert.equal(manifest.contributes.views.explorer[0].id, 'keepalivedClusters');
  assert.ok(manifest.activationEvents.includes('onLanguage:keepalived'));
  const props = manifest.contributes.configuration.properties;
  for (const k of ['keepalived.files', 'keepalived.clusters', 'keepalived.format.enable', 'keepalived.format.insertFinalNewline', 'keepalived.trace.server']) assert.ok(props[k], k);
  assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
});

test("README's rules table gives each rule's own severity and description (the settings say the same)", () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8').split('\n');
  for (const r of [...FILE_RULES, ...PEER_RULES]) {
    const row = readme.find((l) => l.startsWith(`| \`${r.id}\` |`));
    assert.ok(row, `README has no row for ${r.id}`);
    assert.equal(row.split(' | ')[2]?.trim(), r.severity, `${r.id}: severity in README`);
    assert.ok(row.includes(r.description), `${r.id}: README says '${row}', the rule '${r.description}'`);
  }
});

test('every keepalived.* setting is window-scoped, as the server reads it, with the defaults of lsp/settings.ts', async () => {
  const { DEFAULT_SETTINGS } = await import('../../../server/src/lsp/settings');
  const props = manifest.contributes.configuration.properties as Record<string, { scope?: string; default?: unknown }>;
  for (const [key, p] of Object.entries(props)) {
    if (key === 'keepalived.trace.server') continue;
    assert.equal(p.scope, 'window', `${key} is declared ${p.scope}, but the server reads one value for the window`);
  }
  assert.deepEqual(props['keepalived.files'].default, DEFAULT_SETTINGS.files);
  assert.deepEqual(props['keepalived.clusters'].default, DEFAULT_SETTINGS.clusters);
  assert.equal(props['keepalived.format.enable'].default, DEFAULT_SETTINGS.format.enable);
  assert.equal(props['keepalived.format.splitInlineBlocks'].default, DEFAULT_SETTINGS.format.splitInlineBlocks);
});

test('settings from the client are checked: wrong types fall back to the defaults, an empty level is no level', async () => {
  const { DEFAULT_SETTINGS, parseSettings } = await import('../../../server/src/lsp/settings');
  assert.deepEqual(parseSettings(undefined), DEFAULT_SETTINGS);
  const s = parseSettings({ files: 'x', clusters: [['a/*', 'b/*'], 'c'], rules: { 'unknown-keyword': 'hint', 'missing-value': '' }, format: { enable: false, insertFinalNewline: 'no' } });
  assert.deepEqual(s.files, DEFAULT_SETTINGS.files);
  assert.deepEqual(s.clusters, [['a/*', 'b/*']]);
  assert.deepEqual(s.rules, { 'unknown-keyword': 'hint' });
  assert.deepEqual(s.format, { enable: false, insertFinalNewline: undefined, splitInlineBlocks: false });
});
