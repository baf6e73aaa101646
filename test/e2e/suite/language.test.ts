// The language server's features as VS Code shows them, on the fixture pair lb01/lb02 (whose
// VIPs differ in their prefix) and on a scratch file outside the workspace.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { KeepalivedExtensionApi } from '../../../client/src/extension';
import { EXTENSION_ID, before, describe, it, openFixture, screenshot, waitFor, workspaceFile } from './harness';

const codeOf = (d: vscode.Diagnostic): string | undefined => (typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code));
/** Processes this extension host started from dist/server.js. */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('dist/server.js')) pids.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return pids;
}

const labelOf = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

/** Resolves with the diagnostics of `uri` once `accept` takes them; re-checks on every change event. */
function diagnosticsWhen(uri: vscode.Uri, what: string, accept: (ds: vscode.Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (!accept(ds)) return false;
      done();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const now = vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}: ${d.message}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; diagnostics now: ${JSON.stringify(now)}`));
    }, timeoutMs);
    const done = () => {
      sub.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

// A node outside the workspace: priority misspelled, a blank line inside the instance.
const SCRATCH = `global_defs {
    router_id scratch1
}

vrrp_instance SCRATCH_1 {
    state MASTER
    interface eth0
    virtual_router_id 77
    prority 150
    
    advert_int 1
    virtual_ipaddress {
        10.1.2.3/24
    }
}
`;
const TYPO_LINE = 8;
const BLANK_IN_INSTANCE = 9;
const BLANK_TOP_LEVEL = 3;

describe('language features', () => {
  let scratch: vscode.Uri;

  before(async function () {
    this.timeout(60_000);
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const dir = mkdtempSync(join(tmpdir(), 'keepalived-e2e-scratch-'));
    writeFileSync(join(dir, 'keepalived.conf'), SCRATCH);
    scratch = vscode.Uri.file(join(dir, 'keepalived.conf'));
  });

  it('gives keepalived.conf files the keepalived language', async () => {
    for (const node of ['lb01', 'lb02']) {
      const doc = await vscode.workspace.openTextDocument(workspaceFile(`${node}/keepalived.conf`));
      assert.equal(doc.languageId, 'keepalived', node);
    }
  });

  it('reports the peer mismatch of lb01 (peer-vip-mismatch), source keepalived', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await openFixture('lb01/keepalived.conf');
    const uri = editor.document.uri;
    const ds = await diagnosticsWhen(uri, 'peer-vip-mismatch', (d) => d.some((x) => codeOf(x) === 'peer-vip-mismatch'), 45_000);
    const vip = ds.find((x) => codeOf(x) === 'peer-vip-mismatch')!;
    assert.equal(vip.source, 'keepalived');
    assert.match(vip.message, /192\.168\.31\.5/);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    await vscode.window.showTextDocument(editor.document, { preview: false });
    await screenshot('diagnostics', { settleMs: 1000 });
  });

  it('completes keywords inside vrrp_instance, priority among them', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(scratch), { preview: false });
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', scratch, new vscode.Position(BLANK_IN_INSTANCE, 4));
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('priority'), `no 'priority' among ${labels.length} items: ${labels.slice(0, 30).join(', ')}`);
    assert.ok(!labels.includes('router_id'), 'router_id belongs to global_defs, not vrrp_instance');
  });

  it('offers the pair snippet (this node, the MASTER) at the top level, each snippet once', async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', scratch, new vscode.Position(BLANK_TOP_LEVEL, 0));
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet);
    const pair = snippets.find((i) => labelOf(i) === 'vrrp-pair');
    assert.ok(pair, `no vrrp-pair snippet among ${snippets.map(labelOf).join(', ')}`);
    const body = pair.insertText instanceof vscode.SnippetString ? pair.insertText.value : String(pair.insertText);
    assert.match(body, /state MASTER/);
    assert.doesNotMatch(body, /state BACKUP/, 'one file is one node');
    // no snippet is listed twice, nor under a keyword's name beside the keyword itself
    const bodies = snippets.map((i) => (i.insertText instanceof vscode.SnippetString ? i.insertText.value : String(i.insertText)));
    assert.equal(new Set(bodies).size, bodies.length, `a snippet is listed twice: ${snippets.map(labelOf).join(', ')}`);
    const keywords = new Set(list.items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet).map(labelOf));
    assert.deepEqual(snippets.map(labelOf).filter((l) => keywords.has(l)), []);
  });

  it('explains priority on hover, with its range 1..255', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceFile('lb01/keepalived.conf'));
    const line = doc.getText().split('\n').findIndex((l) => l.trim().startsWith('priority'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, doc.lineAt(line).firstNonWhitespaceCharacterIndex + 3));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /priority/);
    assert.match(text, /\b1\b[\s\S]{0,12}\b255\b/, `hover does not give the range 1..255:\n${text}`);
  });

  it('fixes a misspelt keyword with its quick fix, and the diagnostic goes away', async function () {
    this.timeout(60_000);
    const doc = await vscode.workspace.openTextDocument(scratch);
    await vscode.window.showTextDocument(doc, { preview: false });
    const ds = await diagnosticsWhen(scratch, 'unknown-keyword on prority', (d) => d.some((x) => codeOf(x) === 'unknown-keyword' && x.range.start.line === TYPO_LINE));
    const diag = ds.find((x) => codeOf(x) === 'unknown-keyword' && x.range.start.line === TYPO_LINE)!;
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', scratch, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a): a is vscode.CodeAction => 'edit' in a && !!a.edit && /priority/.test(a.title));
    assert.ok(fix, `no quick fix to 'priority' among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.equal(doc.lineAt(TYPO_LINE).text.trim(), 'priority 150');
    await diagnosticsWhen(scratch, 'the unknown-keyword diagnostic to go', (d) => !d.some((x) => codeOf(x) === 'unknown-keyword'));
    await doc.save();
  });

  it('restarts the language server when it crashes', async function () {
    this.timeout(60_000);
    const api = vscode.extensions.getExtension<KeepalivedExtensionApi>(EXTENSION_ID)!.exports;
    const [pid] = await waitFor('the language server process', () => serverPids()[0] !== undefined && serverPids());
    process.kill(pid, 'SIGKILL');
    await waitFor('a new language server process', () => serverPids().some((p) => p !== pid), 30_000);
    await waitFor('the client to run again', () => api.client.isRunning(), 30_000);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', workspaceFile('lb01/keepalived.conf'), new vscode.Position(11, 6));
    assert.ok(hovers.length > 0, 'the restarted server answers');
  });
});
