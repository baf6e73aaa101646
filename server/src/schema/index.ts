// The keyword table as lookups: by block path, by keyword name, and the blocks each keyword opens.
import { CHECKER_KEYWORDS } from './keywords/checkers';
import { GLOBAL_KEYWORDS } from './keywords/global';
import { LVS_KEYWORDS } from './keywords/lvs';
import { VRRP_KEYWORDS } from './keywords/vrrp';
import type { KeywordSpec } from './types';

export type { KeywordSpec } from './types';

/** The block path of the keywords inside `spec`'s block. */
export function childPath(spec: Pick<KeywordSpec, 'path' | 'keyword'>): string {
  return spec.path ? `${spec.path}/${spec.keyword}` : spec.keyword;
}

export class Schema {
  private readonly byPath = new Map<string, Map<string, KeywordSpec>>();
  private readonly byName = new Map<string, KeywordSpec[]>();
  private readonly blockSpecs = new Map<string, KeywordSpec>();

  constructor(readonly all: readonly KeywordSpec[]) {
    for (const spec of all) {
      let m = this.byPath.get(spec.path);
      if (!m) this.byPath.set(spec.path, (m = new Map()));
      m.set(spec.keyword, spec);
      const list = this.byName.get(spec.keyword) ?? [];
      list.push(spec);
      this.byName.set(spec.keyword, list);
      if (spec.block) this.blockSpecs.set(childPath(spec), spec);
    }
  }

  lookup(path: string, keyword: string): KeywordSpec | undefined {
    return this.byPath.get(path)?.get(keyword);
  }

  /** Every block path where `keyword` is valid. */
  named(keyword: string): readonly KeywordSpec[] {
    return this.byName.get(keyword) ?? [];
  }

  /** The keywords valid directly inside the block at `path` ('' = top level). */
  keywordsAt(path: string): KeywordSpec[] {
    return [...(this.byPath.get(path)?.values() ?? [])];
  }

  /** The spec of the keyword that opens the block at `path`. */
  blockAt(path: string): KeywordSpec | undefined {
    return this.blockSpecs.get(path);
  }

  /** Known block paths. */
  paths(): string[] {
    return [...this.byPath.keys()];
  }
}

export const SCHEMA = new Schema([...GLOBAL_KEYWORDS, ...VRRP_KEYWORDS, ...LVS_KEYWORDS, ...CHECKER_KEYWORDS]);
