// keepalived reads its configuration once per process (parent, VRRP, checkers, BFD). A process
// skips the top-level blocks it does not own by counting braces from the block keyword's `{`
// (process_stream()'s skip_sublevel). When a block keyword has no `{`, that count goes wrong:
// a top-level keyword without `{` is skipped as a one-line keyword, and a nested block without
// `{` makes the count end at its `}`. Either way those processes read the following lines at the
// top level, reporting each ("Unknown keyword 'state'", "Unexpected '{'", "Unknown keyword '}'")
// until the next top-level block keyword, while the owning process reads the block as written.
// `keepalived -t` prints what every process reports, so this is part of its verdict.
import type { Schema } from '../schema';
import type { Event } from './interpretation';
import type { Word } from './syntax';

export interface TopLevelRead {
  /** The line's first word, or the brace. */
  word: Word;
  kind: 'keyword' | 'open' | 'close';
  /** The block keyword whose missing `{` put the line at the top level. */
  cause: Word;
}

export class OtherProcessesReading {
  /** skip_sublevel: >0 braces still open in a skipped block; -1 after a block keyword, before its `{`. */
  private skip = 0;
  /** The top-level block keyword being skipped. */
  private top: Word | undefined;
  /** The latest block keyword without `{` inside `top`. */
  private missingInside: Word | undefined;
  /** Set while lines are read at the top level because of a missing `{`. */
  private cause: Word | undefined;

  constructor(
    private readonly schema: Schema,
    private readonly out: TopLevelRead[],
  ) {}

  /** Between top-level blocks, with no line read at the top level because of a missing `{`. */
  atRest(): boolean {
    return this.skip === 0 && this.cause === undefined;
  }

  /** The reader found that `keyword` opens a block without a `{`. */
  missingOpen(keyword: Word): void {
    if (this.skip > 0) this.missingInside = keyword;
  }

  event(e: Event): void {
    if (this.skip === -1) {
      if (e.t === 'open') {
        this.skip = 1;
        return;
      }
      // The keyword has no block for this process: what follows is read at the top level.
      this.skip = 0;
      this.cause = this.top;
    }
    if (this.skip > 0) {
      if (e.t === 'open') this.skip++;
      else if (e.t === 'close' && --this.skip === 0 && this.missingInside) {
        // The count ended at a nested block's `}`: the rest of the enclosing block is read at the top level.
        this.cause = this.missingInside;
      }
      return;
    }
    if (e.t === 'line') {
      const spec = this.schema.lookup('', e.words[0].value);
      if (spec?.block) {
        this.skip = -1;
        this.top = e.words[0];
        this.missingInside = undefined;
        this.cause = undefined;
        return;
      }
      if (this.cause && !spec) this.out.push({ word: e.words[0], kind: 'keyword', cause: this.cause });
      return;
    }
    if (this.cause) this.out.push({ word: e.brace, kind: e.t, cause: this.cause });
  }
}
