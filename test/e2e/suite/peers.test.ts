// The client's peer features: the diff of two nodes with its marks, the cluster overview, the
// status bar item and "Create Peer Config", on the fixture pair lb01/lb02.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { KeepalivedExtensionApi } from '../../../client/src/extension';
import type { OverviewNode } from '../../../client/src/overview';
import { EXTENSION_ID, before, describe, it, openFixture, screenshot, waitFor, workspaceFile } from './harness';

const lb01 = () => workspaceFile('lb01/keepalived.conf');
const lb02 = () => workspaceFile('lb02/keepalived.conf');

/** The active tab, once it is the diff of `left` and `right`. */
function activeDiff(left: vscode.Uri, right: vscode.Uri): Promise<vscode.Tab> {
  return waitFor(`the diff of ${left.path} and ${right.path}`, () => {
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    const input = tab?.input;
    return input instanceof vscode.TabInputTextDiff && input.original.toString() === left.toString() && input.modified.toString() === right.toString() ? tab : undefined;
  });
}

describe('peer features', () => {
  let api: KeepalivedExtensionApi;

  before(async function () {
    this.timeout(60_000);
    api = (await vscode.extensions.getExtension<KeepalivedExtensionApi>(EXTENSION_ID)!.activate())!;
    assert.ok(api?.compare, 'activate() returns the extension API');
  });

  it('"Compare with Peer" opens the diff of lb01 and lb02 and marks its lines', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await openFixture('lb01/keepalived.conf');
    await vscode.commands.executeCommand('keepalived.compareWithPeer');
    const tab = await activeDiff(lb01(), lb02());
    assert.equal(tab.label, 'lb01 ↔ lb02 (keepalived peers)');

    // state differs as it should; the VIPs differ as they should not
    const marks = await waitFor('marks in the diff', () => {
      const m = api.compare.decorations.marksFor(lb01());
      return m.some((x) => x.kind === 'mismatch') ? m : undefined;
    }, 20_000);
    const stateLine = readFileSync(lb01().fsPath, 'utf8').split('\n').findIndex((l) => l.trim() === 'state MASTER');
    assert.ok(marks.some((m) => m.line === stateLine && m.kind === 'expected'), JSON.stringify(marks));
    assert.ok(api.compare.decorations.marksFor(lb02()).length > 0, 'the right side is marked too');
    // the side bar hides half of the marks' text
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    try {
      await screenshot('diff-view', { settleMs: 1000 });
    } finally {
      await vscode.commands.executeCommand('workbench.view.explorer');
    }
  });

  it('"Compare as Keepalived Peers" diffs the two files selected in the explorer', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('keepalived.compareAsPeers', lb02(), [lb02(), lb01()]);
    const tab = await activeDiff(lb02(), lb01());
    assert.equal(tab.label, 'lb02 ↔ lb01 (keepalived peers)');
  });

  it('the cluster overview lists the cluster, its instance and both nodes, with the mismatch', async function () {
    this.timeout(60_000);
    const overview = api.overview;
    const [cluster] = await waitFor('a cluster in the overview', async () => {
      const roots = await overview.getChildren();
      return roots.length ? roots : undefined;
    }, 30_000);
    const clusterItem = overview.getTreeItem(cluster);
    assert.equal(clusterItem.label, 'lb01 ↔ lb02');
    const [instance] = await overview.getChildren(cluster);
    assert.equal(overview.getTreeItem(instance).label, 'VI_1');
    assert.ok(instance.kind === 'instance' && instance.instance.mismatches.some((m) => m.code === 'peer-vip-mismatch'), 'VI_1 shows the VIP mismatch');
    // the prefix drift is a warning, drawn as one
    assert.equal((overview.getTreeItem(instance).iconPath as vscode.ThemeIcon).id, 'warning');
    const members = await overview.getChildren(instance);
    const byNode = new Map(members.map((m: OverviewNode) => [overview.getTreeItem(m).label, overview.getTreeItem(m)]));
    assert.equal(byNode.get('lb01')?.description, 'MASTER 150 · VRID 55 · eth1 · 192.168.31.5/24');
    assert.match(String(byNode.get('lb02')?.description), /^BACKUP 100 · VRID 55 · eth1 · 192\.168\.31\.5(\/32)?$/);
    // the failover table the server computed: who holds the VIP when each node stops
    const failover = members.find((m: OverviewNode) => m.kind === 'failover');
    assert.ok(failover, 'VI_1 has a Failover child');
    assert.equal(overview.getTreeItem(failover).label, 'Failover');
    const scenarios = await overview.getChildren(failover);
    assert.deepEqual(scenarios.map((x: OverviewNode) => overview.getTreeItem(x).label), ['normal', 'lb01 down', 'lb02 down']);
    assert.equal(overview.getTreeItem(scenarios[0]).description, '→ lb01 · lb01 150, lb02 100');
    assert.equal(overview.getTreeItem(scenarios[1]).description, '→ lb02 · lb01 down, lb02 100');
    // a click opens the instance's line
    const open = byNode.get('lb02')!.command!;
    await vscode.commands.executeCommand(open.command, ...(open.arguments ?? []));
    const editor = await waitFor('lb02 in the editor', () => (vscode.window.activeTextEditor?.document.uri.toString() === lb02().toString() ? vscode.window.activeTextEditor : undefined));
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /vrrp_instance VI_1/);

    // room for the overview: the outline and timeline views are hidden while it is taken
    await openFixture('lb01/keepalived.conf');
    await vscode.commands.executeCommand('outline.toggleVisibility');
    await vscode.commands.executeCommand('timeline.toggleVisibility');
    try {
      await vscode.commands.executeCommand('keepalived.showClusters');
      await waitFor('the overview to be visible', () => overview.view.visible);
      // and wide enough for the nodes' descriptions (with the editor focused, decreasing its
      // width widens the side bar)
      for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
      await screenshot('cluster-overview', { settleMs: 2000 });
    } finally {
      for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('workbench.action.increaseViewWidth');
      await vscode.commands.executeCommand('outline.toggleVisibility');
      await vscode.commands.executeCommand('timeline.toggleVisibility');
    }
  });

  it('the status bar shows the mismatches of the active keepalived file', async function () {
    this.timeout(30_000);
    await openFixture('lb01/keepalived.conf');
    await waitFor('the status item', async () => {
      await api.status.update();
      return /mismatch/.test(api.status.item.text) ? true : undefined;
    }, 20_000);
    assert.equal((api.status.item.command as vscode.Command).command, 'keepalived.revealInClusters');
  });

  it('without the server, "Compare with Peer" says so and opens no diff', async function () {
    this.timeout(60_000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api.client.stop();
    try {
      api.compare.notice = undefined;
      await vscode.commands.executeCommand('keepalived.compareWithPeer', lb01());
      assert.match(api.compare.notice ?? '', /language server is not running/);
      await vscode.commands.executeCommand('keepalived.compareAsPeers', lb01(), [lb01(), lb02()]);
      assert.match(api.compare.notice ?? '', /language server is not running/);
      assert.ok(!(vscode.window.tabGroups.activeTabGroup.activeTab?.input instanceof vscode.TabInputTextDiff), 'no diff without the server');
      assert.deepEqual(api.compare.decorations.marksFor(lb01()), []);
    } finally {
      await api.client.start();
    }
  });

  it('"Create Peer Config" writes the BACKUP node of a MASTER', async () => {
    const target = vscode.Uri.file(join(mkdtempSync(join(tmpdir(), 'keepalived-e2e-peer-')), 'lb03', 'keepalived.conf'));
    await vscode.commands.executeCommand('keepalived.createPeerConfig', lb01(), { routerId: 'lb03', target });
    assert.ok(existsSync(target.fsPath));
    const text = readFileSync(target.fsPath, 'utf8');
    assert.match(text, /router_id lb03/);
    assert.match(text, /state BACKUP/);
    assert.match(text, /priority 100/);
    assert.match(text, /! lb03: BACKUP of the lb03\/lb02 pair/, 'the header comment names the new node from its side');
    await waitFor('the new file in the editor', () => vscode.window.activeTextEditor?.document.uri.fsPath === target.fsPath);
  });
});
