// Line starts of a text, to turn offsets into LSP positions (0-based line, UTF-16 character) and back.
import type { Position } from './syntax';

export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    if (line + 1 >= this.starts.length) return this.text.length;
    let e = this.starts[line + 1];
    if (this.text.charCodeAt(e - 1) === 10) e--;
    if (this.text.charCodeAt(e - 1) === 13) e--;
    return e;
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    const start = this.lineStart(pos.line);
    return Math.min(start + pos.character, this.lineEnd(pos.line));
  }
}

/**
 * The line starts of a text, built on first use: a 250,000-line file has 700,000 words, and only
 * the few that diagnostics or features touch need positions. An edited document gets a new one,
 * which the words after the edit are moved onto (reparse.ts).
 */
export class TextLines {
  private ix?: LineIndex;
  constructor(readonly text: string) {}

  get index(): LineIndex {
    return (this.ix ??= new LineIndex(this.text));
  }
}
