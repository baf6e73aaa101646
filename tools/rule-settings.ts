// Keeps the `keepalived.rules.<id>` settings of package.json in step with the server's rule tables
// (every single-file and peer rule id is a setting). Not part of the extension bundle.
//
//   node --import tsx tools/rule-settings.ts          rewrites package.json
//   node --import tsx tools/rule-settings.ts --check  exits 1 when it is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { FILE_RULES } from '../server/src/rules/index';
import { PEER_RULES } from '../server/src/rules/peer/index';
import { RULE_LEVELS } from '../server/src/rules/finding';

export { RULE_LEVELS };
const PREFIX = 'keepalived.rules.';

interface RuleInfo {
  id: string;
  severity: string;
  description: string;
}

export function ruleSetting(rule: RuleInfo, peer: boolean): Record<string, unknown> {
  return {
    type: 'string',
    enum: [...RULE_LEVELS],
    enumDescriptions: ['Do not report.', 'Report as a hint.', 'Report as information.', 'Report as a warning.', 'Report as an error.'],
    markdownDescription: `${peer ? 'Peer check (compares the nodes of a cluster): ' : ''}${rule.description}\n\nWhen unset, the rule's own severity applies: \`${rule.severity}\`.`,
    scope: 'window',
  };
}

/** The `keepalived.rules.*` properties, single-file rules first, each group in table order. */
export function ruleProperties(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const r of FILE_RULES) out[PREFIX + r.id] = ruleSetting(r, false);
  for (const r of PEER_RULES) out[PREFIX + r.id] = ruleSetting(r, true);
  return out;
}

type Manifest = { contributes: { configuration: { properties: Record<string, unknown> } } };

/** package.json with its rule settings replaced by the current ones (other settings kept, first). */
export function updateManifest(manifest: Manifest): Manifest {
  const props = manifest.contributes.configuration.properties;
  const kept = Object.fromEntries(Object.entries(props).filter(([k]) => !k.startsWith(PREFIX)));
  manifest.contributes.configuration.properties = { ...kept, ...ruleProperties() };
  return manifest;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const file = new URL('../package.json', import.meta.url);
  const before = readFileSync(file, 'utf8');
  const after = `${JSON.stringify(updateManifest(JSON.parse(before) as Manifest), null, 2)}\n`;
  if (process.argv.includes('--check')) {
    if (before !== after) {
      console.error('package.json: keepalived.rules.* settings are out of date; run npm run rule-settings');
      process.exit(1);
    }
  } else if (before !== after) {
    writeFileSync(file, after);
    console.log('package.json: rule settings updated');
  }
}
