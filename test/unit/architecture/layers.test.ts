// Holds the layers of ARCHITECTURE.md: every import of server/src, client/src and tools/ is read
// and checked against what its layer may depend on. A new import across a layer fails here, with
// the file, the import and the invariant it breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname, '../../..');

type Layer = 'build' | 'schema' | 'parser' | 'model' | 'workspace' | 'failover' | 'rules' | 'analysis' | 'features' | 'wiring' | 'protocol' | 'client' | 'tools';

/** Which layers each layer may import, with the sentence of ARCHITECTURE.md it holds. */
const ALLOWED: Record<Layer, { layers: Layer[]; packages: RegExp; why: string }> = {
  build: { layers: [], packages: /^$/, why: 'build flags are constants the bundler fixes' },
  schema: { layers: ['schema'], packages: /^$/, why: 'the schema is data: it knows no parser, no rules, no files' },
  parser: { layers: ['parser', 'schema'], packages: /^chevrotain$/, why: 'the parser knows no rules and no files' },
  model: { layers: ['model', 'parser', 'schema'], packages: /^$/, why: 'the model knows no rules and no files' },
  workspace: { layers: ['workspace', 'model', 'parser', 'schema'], packages: /^node:(fs|url)$/, why: 'files and clusters know no runner and no rule' },
  failover: { layers: ['failover', 'workspace', 'model', 'parser', 'schema'], packages: /^$/, why: 'the failover model reads clusters and the model; it knows no rule and no runner' },
  rules: { layers: ['rules', 'failover', 'workspace', 'model', 'parser', 'schema'], packages: /^$/, why: 'a rule knows no runner, no editor, no connection' },
  analysis: { layers: ['analysis', 'rules', 'failover', 'workspace', 'model', 'parser', 'schema'], packages: /^node:fs$/, why: 'the analysis runs rules and knows no editor' },
  features: {
    layers: ['features', 'protocol', 'failover', 'workspace', 'model', 'parser', 'schema'],
    packages: /^vscode-languageserver-types$/,
    why: 'features read facts from the model, never from a rule, and speak LSP types, not the connection',
  },
  wiring: { layers: ['wiring', 'protocol', 'features', 'analysis', 'rules', 'failover', 'workspace', 'model', 'parser', 'schema'], packages: /^(vscode-languageserver(\/node|-textdocument|-types)?|node:.*)$/, why: 'wiring may use every layer' },
  protocol: { layers: ['protocol'], packages: /^$/, why: 'the protocol is plain JSON types shared with the client' },
  client: { layers: ['client', 'protocol'], packages: /^(vscode|vscode-languageclient\/node|node:.*)$/, why: 'the client talks LSP only (protocol.ts holds the request names and shapes)' },
  tools: { layers: ['tools', 'wiring', 'rules', 'model', 'schema'], packages: /^node:.*$/, why: 'build tools read tables (and sample configurations, through the model), they are not part of the extension' },
};

/** Node modules that compute and touch nothing (addresses, path strings): any server layer may use them. */
const PURE = /^node:(net|path)$/;

/** A feature may name what the analysis hands it (findings and fixes), not a rule. */
const SHARED_TYPES = new Set(['server/src/rules/finding.ts']);

export function layerOf(file: string): Layer | undefined {
  if (file.startsWith('client/src/')) return 'client';
  if (file.startsWith('tools/')) return 'tools';
  if (file === 'server/src/protocol.ts') return 'protocol';
  // Constants every layer may read: bundler flags and the designed limits (they import nothing).
  if (file === 'server/src/build-flags.ts' || file === 'server/src/limits.ts') return 'build';
  const m = /^server\/src\/([^/]+)\//.exec(file);
  if (!m) return file.startsWith('server/src/') ? 'wiring' : undefined;
  const dir = m[1];
  if (dir === 'lsp') return 'wiring';
  return (['schema', 'parser', 'model', 'workspace', 'failover', 'rules', 'analysis', 'features'] as const).find((l) => l === dir);
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*'([^']+)'|(?:^|\n)\s*import\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g;

export function importsOf(text: string): string[] {
  // Comments may quote imports: they are no dependency.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])\/\/.*$/gm, '$1');
  return [...code.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function resolveTs(from: string, spec: string): string {
  const base = join(dirname(join(root, from)), spec);
  for (const c of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(c).isFile()) return relative(root, c);
    } catch {
      // try the next spelling
    }
  }
  return relative(root, base);
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(join(root, d)).sort()) {
      const p = join(d, name);
      if (statSync(join(root, p)).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

export function violations(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    const layer = layerOf(file);
    if (!layer) continue;
    const rule = ALLOWED[layer];
    for (const spec of importsOf(text)) {
      if (!spec.startsWith('.')) {
        if (!rule.packages.test(spec) && !(file.startsWith('server/') && PURE.test(spec))) out.push(`${file} imports '${spec}': ${layer} may not (${rule.why})`);
        continue;
      }
      const target = resolveTs(file, spec);
      const to = layerOf(target);
      if (!to) {
        out.push(`${file} imports '${spec}' (${target}), outside every layer`);
        continue;
      }
      // Build flags (constants esbuild fixes) may be read anywhere.
      if (rule.layers.includes(to) || to === 'build') continue;
      if (layer === 'features' && SHARED_TYPES.has(target)) continue;
      out.push(`${file} imports '${spec}' (${to}): ${layer} may not import ${to} (${rule.why})`);
    }
  }
  return out;
}

function sources(): Map<string, string> {
  const files = [...filesUnder('server/src'), ...filesUnder('client/src'), ...filesUnder('tools')];
  return new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
}

test('every import of the server, the client and the tools stays within its layer', () => {
  const found = violations(sources());
  assert.deepEqual(found, [], `layer violations (see ARCHITECTURE.md):\n${found.join('\n')}`);
});

test('the check sees a wrong import: a rule importing the analysis, a feature importing a rule, the client importing the server', () => {
  const bad = new Map([
    ['server/src/rules/some-rule.ts', "import type { CheckOptions } from '../analysis/analyze';\n"],
    ['server/src/features/some-feature.ts', "import { FILE_RULES } from '../rules';\nimport type { Finding } from '../rules/finding';\n"],
    ['server/src/parser/some-part.ts', "// import { x } from '../rules'\nimport { y } from './syntax';\n"],
    ['client/src/some-view.ts', "import { readText } from '../../server/src/model/read';\nimport type { ClusterView } from '../../server/src/protocol';\n"],
    ['server/src/model/some-model.ts', "export { thing } from '../workspace/nodes';\n"],
  ]);
  assert.deepEqual(violations(bad), [
    "server/src/rules/some-rule.ts imports '../analysis/analyze' (analysis): rules may not import analysis (a rule knows no runner, no editor, no connection)",
    "server/src/features/some-feature.ts imports '../rules' (rules): features may not import rules (features read facts from the model, never from a rule, and speak LSP types, not the connection)",
    "client/src/some-view.ts imports '../../server/src/model/read' (model): client may not import model (the client talks LSP only (protocol.ts holds the request names and shapes))",
    "server/src/model/some-model.ts imports '../workspace/nodes' (workspace): model may not import workspace (the model knows no rules and no files)",
  ]);
});
