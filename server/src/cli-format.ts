// Output formats of keepalived-lint: compiler-style text, JSON, SARIF 2.1.0.
import type { Finding } from './rules/finding';
import { ALL_RULES } from './rules';

export interface Located {
  file: string;
  finding: Finding;
}

export function formatText(items: readonly Located[]): string {
  return items
    .map(({ file, finding: f }) => `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity}: ${f.message} [${f.code}]`)
    .join('\n');
}

export function formatJson(items: readonly Located[]): string {
  return JSON.stringify(
    {
      diagnostics: items.map(({ file, finding: f }) => ({
        file,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        severity: f.severity,
        code: f.code,
        message: f.message,
      })),
    },
    null,
    2,
  );
}

const SARIF_LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0; the driver declares every rule of the tables, single-file and peer. */
export function formatSarif(items: readonly Located[]): string {
  return JSON.stringify(
    {
      version: '2.1.0',
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      runs: [
        {
          tool: {
            driver: {
              name: 'keepalived-lint',
              informationUri: 'https://github.com/keepalived-lsp/keepalived-lsp',
              rules: ALL_RULES.map((r) => ({ id: r.id, shortDescription: { text: r.description }, defaultConfiguration: { level: SARIF_LEVEL[r.severity] } })),
            },
          },
          results: items.map(({ file, finding: f }) => ({
            ruleId: f.code,
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        },
      ],
    },
    null,
    2,
  );
}
