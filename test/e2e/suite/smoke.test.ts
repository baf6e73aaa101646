// Smoke test: the extension under development is loaded, and a keepalived.conf from the fixture
// workspace opens with the `keepalived` language.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, describe, it, openFixture, screenshot } from './harness';

describe('smoke', () => {
  it('loads the extension under development', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  });

  it('opens lb01/keepalived.conf as keepalived', async () => {
    const editor = await openFixture('lb01/keepalived.conf');
    assert.equal(editor.document.languageId, 'keepalived');
    assert.match(editor.document.getText(), /vrrp_instance VI_1/);
    await screenshot('e2e-smoke');
  });
});
