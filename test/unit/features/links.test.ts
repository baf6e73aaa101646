import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentLinks } from '../../../server/src/features/links';
import { model, slice, URI } from './helpers';

test('links: each file an include reads, over the pattern', () => {
  const text = '! main\ninclude conf.d/*.conf\ninclude other.conf\ninclude missing/*.conf\n';
  const m = model(text, { 'conf.d/a.conf': '', 'conf.d/b.conf': '', 'other.conf': '' });
  const links = documentLinks(m, URI);
  assert.deepEqual(
    links.map((l) => [slice(text, l.range), l.target, l.tooltip]),
    [
      ['conf.d/*.conf', 'file:///etc/keepalived/conf.d/a.conf', 'Open a.conf (2 files match)'],
      ['conf.d/*.conf', 'file:///etc/keepalived/conf.d/b.conf', 'Open b.conf (2 files match)'],
      ['other.conf', 'file:///etc/keepalived/other.conf', 'Open other.conf'],
    ],
  );
});

test('links: includes inside included files belong to those files', () => {
  const m = model('include a.conf\n', { 'a.conf': 'include b.conf\n', 'b.conf': '' });
  assert.deepEqual(documentLinks(m, URI).map((l) => l.target), ['file:///etc/keepalived/a.conf']);
  assert.deepEqual(documentLinks(m, 'file:///etc/keepalived/a.conf').map((l) => l.target), ['file:///etc/keepalived/b.conf']);
});
