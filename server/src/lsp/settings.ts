// The `keepalived.*` settings, typed, with their defaults: the one place the server names them.
// package.json declares them window-scoped (one value for the whole window), which is how they
// are read: a workspace folder cannot give its own.
import type { Connection } from 'vscode-languageserver/node';
import { RULE_LEVELS, type RuleLevel } from '../rules/finding';
import { parseVersion } from '../schema/version';
import { DEFAULT_FILE_PATTERNS } from '../workspace/file-patterns';

export const SETTINGS_SECTION = 'keepalived';

export interface FormatSettings {
  enable: boolean;
  /** Undefined: the editor's files.insertFinalNewline decides. */
  insertFinalNewline?: boolean;
  splitInlineBlocks: boolean;
}

export interface KeepalivedSettings {
  /** Glob patterns of the files read as nodes. */
  files: string[];
  /** Groups of glob patterns, one group per cluster. */
  clusters: string[][];
  /** Rule id → level; a rule left out keeps its own severity. */
  rules: Record<string, RuleLevel>;
  format: FormatSettings;
  /** The keepalived release the nodes run (a version keepalived has, e.g. `2.2.7`); undefined: the default. */
  targetVersion?: string;
}

export const DEFAULT_SETTINGS: KeepalivedSettings = {
  files: DEFAULT_FILE_PATTERNS,
  clusters: [],
  rules: {},
  format: { enable: true, insertFinalNewline: undefined, splitInlineBlocks: false },
  // The analysis applies DEFAULT_TARGET_VERSION (schema/version.ts), which package.json's default names.
  targetVersion: undefined,
};

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What the client sent, checked: a value of the wrong type falls back to its default. */
export function parseSettings(raw: unknown): KeepalivedSettings {
  const cfg = isObject(raw) ? raw : {};
  const rules: Record<string, RuleLevel> = {};
  // Editors send '' (or anything) for a setting left empty: only a real level overrides.
  if (isObject(cfg.rules)) for (const [id, level] of Object.entries(cfg.rules)) if ((RULE_LEVELS as readonly unknown[]).includes(level)) rules[id] = level as RuleLevel;
  const format = isObject(cfg.format) ? cfg.format : {};
  return {
    files: isStrings(cfg.files) && cfg.files.length ? cfg.files : DEFAULT_SETTINGS.files,
    clusters: Array.isArray(cfg.clusters) ? cfg.clusters.filter(isStrings) : DEFAULT_SETTINGS.clusters,
    rules,
    targetVersion: typeof cfg.targetVersion === 'string' && parseVersion(cfg.targetVersion) ? cfg.targetVersion : undefined,
    format: {
      enable: typeof format.enable === 'boolean' ? format.enable : DEFAULT_SETTINGS.format.enable,
      insertFinalNewline: typeof format.insertFinalNewline === 'boolean' ? format.insertFinalNewline : undefined,
      splitInlineBlocks: format.splitInlineBlocks === true,
    },
  };
}

/** Asks the client; one without workspace/configuration gets the defaults. */
export async function readSettings(connection: Connection): Promise<KeepalivedSettings> {
  try {
    return parseSettings(await connection.workspace.getConfiguration(SETTINGS_SECTION));
  } catch {
    return parseSettings(undefined);
  }
}
