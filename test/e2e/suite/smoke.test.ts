// Smoke test: the extension under development is loaded and activates, and a keepalived.conf
// from the fixture workspace opens with the `keepalived` language.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, describe, it, openFixture, screenshot } from './harness';

describe('smoke', () => {
  it('loads and activates the extension under development', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    await ext.activate();
    assert.ok(ext.isActive);
  });

  it('opens lb01/keepalived.conf as keepalived', async () => {
    const editor = await openFixture('lb01/keepalived.conf');
    assert.equal(editor.document.languageId, 'keepalived');
    assert.match(editor.document.getText(), /vrrp_instance VI_1/);
    await screenshot('e2e-smoke');
  });
});
