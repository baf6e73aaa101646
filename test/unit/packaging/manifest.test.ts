// What the Marketplace and npm receive: the .vsix manifest (publisher, icon, links, changelog),
// the README as vsce rewrites it for the extension's page, and the npm package's runtime needs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire, isBuiltin } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (p: string) => readFileSync(root + p, 'utf8');
interface Manifest {
  name: string;
  publisher: string;
  icon: string;
  repository: { url: string };
  bugs: { url: string };
  homepage: string;
  galleryBanner: { color: string; theme: string };
  keywords: string[];
  files: string[];
  scripts: Record<string, string>;
  bin: Record<string, string>;
  [key: string]: unknown;
}
const pkg = JSON.parse(read('package.json')) as Manifest;
const REPO = 'https://github.com/keepalived-lsp/keepalived-lsp';

/** Width and height from a PNG's IHDR chunk (bytes 16-23), after checking the signature. */
function pngSize(file: string): [number, number] {
  const b = readFileSync(root + file);
  assert.equal(b.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${file} is not a PNG`);
  assert.equal(b.subarray(12, 16).toString('latin1'), 'IHDR');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

test('the manifest names our own publisher, a 128x128 PNG icon, the repository and a changelog', () => {
  assert.ok(pkg.publisher && pkg.publisher !== 'keepalived-tools', `publisher ${pkg.publisher}: keepalived-tools is another extension's`);
  assert.match(pkg.icon, /\.png$/);
  assert.deepEqual(pngSize(pkg.icon), [128, 128]);
  assert.equal(pkg.repository.url, `${REPO}.git`);
  assert.equal(pkg.bugs.url, `${REPO}/issues`);
  assert.equal(pkg.homepage, `${REPO}#readme`);
  assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
  assert.ok(pkg.keywords.length >= 5 && pkg.keywords.length <= 30, 'the Marketplace takes up to 30 keywords');
  assert.ok(existsSync(root + 'CHANGELOG.md'));
  // The files list is what both the .vsix and the npm tarball hold.
  for (const f of ['CHANGELOG.md', 'LICENSE', pkg.icon, 'dist/*.js', 'dist/package.json', 'syntaxes/*.json', 'language-configuration.json']) assert.ok(pkg.files.includes(f), `files lacks ${f}`);
  assert.doesNotMatch(pkg.scripts.package, /--no-rewrite-relative-links|--allow-missing-repository/);
});

test('the README on the Marketplace page shows its images from absolute https links', async () => {
  const readme = read('README.md');
  const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.ok(images.length >= 1, 'no screenshot in the README');
  // The first thing after the title and its paragraph is a screenshot.
  assert.ok(readme.indexOf('![') < readme.indexOf('\n## '), 'the screenshot comes before the first section');
  for (const src of images) if (!/^https:/.test(src)) assert.ok(existsSync(root + src), `${src} does not exist`);
  // vsce's own rewriting, as `npm run package` runs it.
  const { ReadmeProcessor } = createRequire(import.meta.url)('@vscode/vsce/out/package.js');
  const processed = await new ReadmeProcessor(pkg, {}).onFile({ path: 'extension/readme.md', contents: readme });
  const shipped = [...String(processed.contents).matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
  assert.equal(shipped.length, images.length);
  for (const src of shipped) assert.match(src, new RegExp(`^(${REPO}/raw/HEAD/|https://)`), src);
});

test('every link to the project names the same repository, and the e2e suite the same extension id', () => {
  for (const f of ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'server/src/cli-format.ts']) {
    for (const m of read(f).matchAll(/https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)/g)) {
      if (m[1] === 'keepalived-lsp' || /^(actions|github)$/.test(m[1])) assert.equal(m[0], REPO, `${f}: ${m[0]}`);
    }
  }
  assert.match(read('.pre-commit-hooks.yaml'), /^- id: keepalived-lint$/m);
  assert.match(read('README.md'), new RegExp(`repo: ${REPO}\\n`));
  assert.match(read('test/e2e/suite/harness.ts'), new RegExp(`EXTENSION_ID = '${pkg.publisher}\\.${pkg.name}'`));
});

test('the npm package has no runtime dependencies: keepalived-lint is one bundle needing only Node', () => {
  for (const k of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies']) assert.equal(pkg[k], undefined, `package.json has ${k}`);
  assert.equal(pkg.bin['keepalived-lint'], 'dist/cli.js');
  const cli = read('dist/cli.js');
  assert.ok(cli.startsWith('#!/usr/bin/env node\n'), 'dist/cli.js has no node shebang');
  // dist/cli.js loads dist/cli.bundle.js through V8's code cache (server/src/boot/code-cache-loader.ts).
  for (const f of ['dist/cli.js', 'dist/cli.bundle.js']) {
    const required = new Set([...read(f).matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]));
    assert.ok(required.size > 0, `no require() found: is ${f} a bundle?`);
    assert.deepEqual([...required].filter((m) => !isBuiltin(m)), [], f);
  }
  assert.equal(read('dist/package.json').trim(), '{ "type": "commonjs" }');
});
