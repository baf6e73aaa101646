export interface GenerateOptions {
  instances?: number;
  virtualServers?: number;
  realServers?: number;
  scripts?: number;
  seed?: number;
}
export const DEFAULT_OUT: string;
export const DEFAULTS: Required<GenerateOptions>;
/** The config text (deterministic for the same options). */
export function generate(opts?: GenerateOptions): string;
export function writeConfig(path?: string, opts?: GenerateOptions): { path: string; lines: number; bytes: number };
