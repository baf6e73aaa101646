// What a new user trips over (issue 15), checked in the real VS Code: Create Peer Config does not
// overwrite a peer, other files' words (passwords) are not offered, a misspelt keyword is not
// coloured as a keyword, every snippet leaves its file without errors, the quick fixes for a
// missing '}', a misspelt required keyword and a value out of range, and the clickable lenses.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { KeepalivedExtensionApi } from '../../../client/src/extension';
import { EXTENSION_ID, before, describe, it, openFixture, screenshot, waitFor, workspaceFile } from './harness';

const codeOf = (d: vscode.Diagnostic): string | undefined => (typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code));
const labelOf = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);
const lb01 = () => workspaceFile('lb01/keepalived.conf');
const lb02 = () => workspaceFile('lb02/keepalived.conf');

/** The diagnostics of `uri` once `accept` takes them. */
function diagnosticsWhen(uri: vscode.Uri, what: string, accept: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return waitFor(
    `${what} on ${uri.path} (now: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}`))})`,
    () => {
      const ds = vscode.languages.getDiagnostics(uri);
      return accept(ds) ? ds : undefined;
    },
    timeoutMs,
  );
}

/** A file of its own outside the workspace, opened in an editor. */
async function scratchFile(name: string, text: string): Promise<vscode.TextEditor> {
  const dir = mkdtempSync(join(tmpdir(), 'keepalived-e2e-polish-'));
  const path = join(dir, name, 'keepalived.conf');
  mkdirSync(join(dir, name));
  writeFileSync(path, text);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.file(path)), { preview: false });
}

const errors = (ds: vscode.Diagnostic[]) => ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);

describe('editor polish', () => {
  let api: KeepalivedExtensionApi;

  before(async function () {
    this.timeout(60_000);
    api = (await vscode.extensions.getExtension<KeepalivedExtensionApi>(EXTENSION_ID)!.activate())!;
  });

  it('Create Peer Config does not write over the existing peer, and proposes a node nobody has', async function () {
    this.timeout(30_000);
    const before = readFileSync(lb02().fsPath, 'utf8');
    const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('keepalived.createPeerConfig', lb01(), { routerId: 'lb02', target: lb02() });
    assert.equal(result, undefined, 'the command refused');
    assert.equal(readFileSync(lb02().fsPath, 'utf8'), before, "lb02's file is untouched");
    // the server's default is the next free router_id, not lb02
    const draft = await api.server.createPeer(lb01());
    assert.match(draft.routerId, /^lb0[3-9]$/, `a free router_id, not lb02: ${draft.routerId}`);
    // with the caller's explicit consent the file is replaced (and put back)
    try {
      await vscode.commands.executeCommand('keepalived.createPeerConfig', lb01(), { routerId: 'lb02', target: lb02(), overwrite: true });
      assert.match(readFileSync(lb02().fsPath, 'utf8'), /! lb02: BACKUP of the lb02\/lb01 pair/, 'the header names the new node from its side');
    } finally {
      writeFileSync(lb02().fsPath, before);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it("does not offer other files' words (a peer's auth_pass) as completions", async function () {
    this.timeout(30_000);
    assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'keepalived' }).get('wordBasedSuggestions'), 'off');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(lb01()), { preview: false });
    const editor = await scratchFile('words', 'vrrp_instance W {\n    authentication {\n        auth_pass \n    }\n}\n');
    const at = new vscode.Position(2, 18);
    const labels = async () => (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, at)).items.map(labelOf);
    assert.ok(!(await labels()).includes('s3cr3t'), 'the password of lb01 is not offered');
    // the control: with word suggestions on, VS Code would offer it
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'keepalived' });
    await config.update('wordBasedSuggestions', 'allDocuments', vscode.ConfigurationTarget.Global, true);
    try {
      await waitFor('the word-based suggestion with the setting on', async () => (await labels()).includes('s3cr3t'));
    } finally {
      await config.update('wordBasedSuggestions', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });

  it('a misspelt keyword is an unknown keyword token, themed as invalid', async function () {
    this.timeout(30_000);
    const editor = await scratchFile('typo', 'vrrp_instance T {\n    state MASTER\n    interfce eth0\n    virtual_router_id 61\n    priority 150\n    virtual_ipaddress {\n        10.9.9.9/24\n    }\n}\n');
    const uri = editor.document.uri;
    await diagnosticsWhen(uri, 'the unknown keyword', (ds) => ds.some((d) => codeOf(d) === 'unknown-keyword'));
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>('vscode.provideDocumentSemanticTokensLegend', uri);
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
    // decode the relative encoding and find the token on `interfce`
    let line = 0;
    let char = 0;
    let found: { type: string; modifiers: string[] } | undefined;
    for (let i = 0; i < tokens.data.length; i += 5) {
      const [dl, dc, , type, mods] = tokens.data.slice(i, i + 5);
      line += dl;
      char = dl === 0 ? char + dc : dc;
      if (line === 2 && char === 4) found = { type: legend.tokenTypes[type], modifiers: legend.tokenModifiers.filter((_, b) => mods & (1 << b)) };
    }
    assert.deepEqual(found, { type: 'keyword', modifiers: ['unknown'] });
    const scopes = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { semanticTokenScopes: { language: string; scopes: Record<string, string[]> }[] } }).contributes.semanticTokenScopes;
    const mapped = scopes.find((s) => s.language === 'keepalived')?.scopes['keyword.unknown'];
    assert.ok(mapped?.[0]?.startsWith('invalid.illegal'), `keyword.unknown is mapped to ${JSON.stringify(mapped)}`);
    await screenshot('unknown-keyword', { settleMs: 1000 });
  });

  it('every snippet, expanded alone in a file, leaves it without errors; the pair offers its BACKUP in one step', async function () {
    this.timeout(120_000);
    const snippets = JSON.parse(readFileSync(join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'snippets', 'keepalived.code-snippets'), 'utf8')) as Record<string, { prefix: string }>;
    const editor = await scratchFile('snippet', 'bogus_keyword\n');
    const uri = editor.document.uri;
    for (const name of Object.keys(snippets)) {
      // a known error first, so that "no error" below is the server's answer to the snippet
      await editor.edit((e) => e.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), 'bogus_keyword\n'));
      await diagnosticsWhen(uri, 'the sentinel error', (ds) => ds.some((d) => codeOf(d) === 'unknown-keyword'));
      // one edit from the sentinel to the snippet: no empty file in between to be checked
      editor.selection = new vscode.Selection(0, 0, editor.document.lineCount, 0);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'keepalived', name });
      await waitFor(`snippet ${name} inserted`, () => editor.document.getText().length > 20);
      const ds = await diagnosticsWhen(uri, `diagnostics of snippet ${name}`, (d) => !d.some((x) => codeOf(x) === 'unknown-keyword' && /bogus_keyword/.test(x.message)));
      assert.deepEqual(errors(ds).map((d) => `${name}: ${codeOf(d)}@${d.range.start.line + 1} ${d.message}`), []);
    }
    // the MASTER node of a pair: its lens writes the BACKUP, and the two agree
    const pairName = Object.keys(snippets).find((n) => snippets[n].prefix === 'vrrp-pair')!;
    await editor.edit((e) => e.delete(new vscode.Range(0, 0, editor.document.lineCount, 0)));
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'keepalived', name: pairName });
    // names of their own, so that the workspace's lb01/lb02 (also VI_1) are not taken for peers
    const own = editor.document.getText().replace(/\blb01\b/g, 'polish1').replace(/\bVI_1\b/g, 'VI_POLISH');
    await editor.edit((e) => e.replace(new vscode.Range(0, 0, editor.document.lineCount, 0), own));
    await editor.document.save();
    const lens = await waitFor('the lens offering the BACKUP', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return lenses.find((l) => l.command?.command === 'keepalived.createPeerConfig');
    });
    assert.match(lens.command!.title, /^MASTER 150 · VRID 51 · no peer yet: create its BACKUP$/);
    const target = vscode.Uri.file(join(uri.fsPath, '..', '..', 'polish2', 'keepalived.conf'));
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []), { routerId: 'polish2', target });
    const backup = readFileSync(target.fsPath, 'utf8');
    assert.match(backup, /state BACKUP/);
    assert.match(backup, /priority 100/);
    const backupDiagnostics = await diagnosticsWhen(target, 'the BACKUP checked', () => true);
    assert.deepEqual(backupDiagnostics.filter((d) => codeOf(d)?.startsWith('peer-') || d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('quick fixes: the missing }, the did-you-mean of a required keyword, a value clamped to its range', async function () {
    this.timeout(60_000);
    const text = 'vrrp_instance Q {\n    state MASTER\n    interfce eth0\n    virtual_router_id 62\n    priority 300\n    virtual_ipaddress {\n        10.8.8.8/24\n    }\n';
    const editor = await scratchFile('fixes', text);
    const uri = editor.document.uri;
    const ds = await diagnosticsWhen(uri, 'the three findings', (d) => ['unbalanced-brace', 'missing-required', 'value-out-of-range'].every((c) => d.some((x) => codeOf(x) === c)));
    const actionsFor = async (code: string) => {
      const d = ds.find((x) => codeOf(x) === code)!;
      // (the API command does not hand back an action's diagnostics: the range selects the finding)
      return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    };
    const brace = await actionsFor('unbalanced-brace');
    assert.deepEqual(brace.map((a) => a.title), ["Add '}' at the end of the file (to end 'vrrp_instance Q')"]);
    const required = await actionsFor('missing-required');
    assert.deepEqual(required.map((a) => a.title), ["Change 'interfce' to 'interface'"], 'the did-you-mean, not a second interface line');
    const range = await actionsFor('value-out-of-range');
    assert.deepEqual(range.map((a) => a.title), ['Change to 255 (the maximum)']);
    for (const a of [...brace, ...required, ...range]) assert.ok(await vscode.workspace.applyEdit(a.edit!), a.title);
    assert.equal(editor.document.getText(), text.replace('interfce', 'interface').replace('priority 300', 'priority 255') + '}\n', 'each fix inserts or replaces, nothing else changes');
    await diagnosticsWhen(uri, 'no error left', (d) => errors(d).length === 0 && !d.some((x) => codeOf(x) === 'unbalanced-brace'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the code lens opens the diff with the peer; the status bar item selects the node in the clusters view', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openFixture('lb01/keepalived.conf');
    const lens = await waitFor('the lens of VI_1 with its peer', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', lb01());
      return lenses.find((l) => /peer lb02/.test(l.command?.title ?? ''));
    }, 20_000);
    assert.equal(lens.command?.command, 'keepalived.compareWithPeer');
    // not awaited: when an earlier test's node (lb03) is still open, the command asks which peer
    const running = vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    await waitFor('the diff of lb01 with its peer', async () => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      if (input instanceof vscode.TabInputTextDiff && input.original.toString() === lb01().toString()) return true;
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return undefined;
    }, 20_000);
    await running;

    await openFixture('lb01/keepalived.conf');
    await waitFor('the status item', async () => {
      await api.status.update();
      return /mismatch/.test(api.status.item.text) ? true : undefined;
    }, 20_000);
    const command = api.status.item.command as vscode.Command;
    assert.equal(command.command, 'keepalived.revealInClusters');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const selected = await waitFor('the node selected in the view', () => api.overview.view.selection.find((n) => n.kind === 'member'));
    assert.ok(selected.kind === 'member' && selected.member.node === 'lb01', JSON.stringify(selected.kind === 'member' ? selected.member.node : selected.kind));
  });

  it('"Restart Language Server" does not log the clean exit as an error', async function () {
    this.timeout(60_000);
    const output = api.client.outputChannel as vscode.LogOutputChannel;
    const lines: string[] = [];
    const infos: string[] = [];
    // spies on the channel the client writes to (assigned through to the real channel)
    const original = { appendLine: output.appendLine, info: output.info };
    const channel = output as { appendLine: (l: string) => void; info: (m: string) => void };
    channel.appendLine = (l: string) => {
      lines.push(l);
      original.appendLine(l);
    };
    channel.info = (m: string) => {
      infos.push(m);
      original.info(m);
    };
    try {
      // at once (the client may still be starting), then once it runs
      await vscode.commands.executeCommand('keepalived.restartServer');
      await waitFor('the client to run', () => api.client.isRunning(), 30_000);
      await vscode.commands.executeCommand('keepalived.restartServer');
      await waitFor('the client to run again', () => api.client.isRunning(), 30_000);
      await waitFor('the exit to be logged', () => infos.some((m) => /exited normally/.test(m)), 10_000);
      assert.deepEqual(lines.filter((l) => /\[Error/.test(l)), []);
    } finally {
      channel.appendLine = original.appendLine;
      channel.info = original.info;
    }
  });
});
