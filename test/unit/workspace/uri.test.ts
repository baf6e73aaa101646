import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uriBasename } from '../../../server/src/workspace/uri';

test('uriBasename: the decoded file name, as written when the escape is broken', () => {
  assert.equal(uriBasename('file:///etc/keepalived/my%20vips.conf'), 'my vips.conf');
  assert.equal(uriBasename('file:///etc/keepalived/keepalived.conf'), 'keepalived.conf');
  assert.equal(uriBasename('file:///etc/keepalived/100%.conf'), '100%.conf');
});
