// The keyword table as lookups: by block path, by keyword name, and the blocks each keyword opens.
import { CHECKER_KEYWORDS } from './keywords/checkers';
import { GLOBAL_KEYWORDS } from './keywords/global';
import { LVS_KEYWORDS } from './keywords/lvs';
import { VRRP_KEYWORDS } from './keywords/vrrp';
import type { KeywordSpec } from './types';

export type { KeywordSpec } from './types';

/** The block path of the keywords inside `spec`'s block. */
export function childPath(spec: Pick<KeywordSpec, 'path' | 'keyword'>): string {
  // Asked for every block statement of a file: made once per spec.
  let p = childPaths.get(spec);
  if (p === undefined) childPaths.set(spec, (p = spec.path ? `${spec.path}/${spec.keyword}` : spec.keyword));
  return p;
}

const childPaths = new WeakMap<Pick<KeywordSpec, 'path' | 'keyword'>, string>();

export class Schema {
  // Built on first use: a run that never looks a keyword up (`--help`, a language server before
  // its first document) does not pay for them.
  private indexes?: {
    byPath: Map<string, Map<string, KeywordSpec>>;
    byName: Map<string, KeywordSpec[]>;
    blockSpecs: Map<string, KeywordSpec>;
  };

  constructor(readonly all: readonly KeywordSpec[]) {}

  private get index() {
    if (this.indexes) return this.indexes;
    const byPath = new Map<string, Map<string, KeywordSpec>>();
    const byName = new Map<string, KeywordSpec[]>();
    const blockSpecs = new Map<string, KeywordSpec>();
    for (const spec of this.all) {
      let m = byPath.get(spec.path);
      if (!m) byPath.set(spec.path, (m = new Map()));
      m.set(spec.keyword, spec);
      const list = byName.get(spec.keyword) ?? [];
      list.push(spec);
      byName.set(spec.keyword, list);
      if (spec.block) blockSpecs.set(childPath(spec), spec);
    }
    return (this.indexes = { byPath, byName, blockSpecs });
  }

  lookup(path: string, keyword: string): KeywordSpec | undefined {
    return this.index.byPath.get(path)?.get(keyword);
  }

  /** Every block path where `keyword` is valid. */
  named(keyword: string): readonly KeywordSpec[] {
    return this.index.byName.get(keyword) ?? [];
  }

  /** The keywords valid directly inside the block at `path` ('' = top level). */
  keywordsAt(path: string): KeywordSpec[] {
    return [...(this.index.byPath.get(path)?.values() ?? [])];
  }

  /** The spec of the keyword that opens the block at `path`. */
  blockAt(path: string): KeywordSpec | undefined {
    return this.index.blockSpecs.get(path);
  }

  /** Known block paths. */
  paths(): string[] {
    return [...this.index.byPath.keys()];
  }
}

export const SCHEMA = new Schema([...GLOBAL_KEYWORDS, ...VRRP_KEYWORDS, ...LVS_KEYWORDS, ...CHECKER_KEYWORDS]);
