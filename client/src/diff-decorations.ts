// Marks, in the two editors of a peer diff, the lines the server's keepalived/compare answer
// classifies as expected differences between the nodes of a cluster and as mismatches.
import * as vscode from 'vscode';
import { type DiffMark, type DiffNote, diffNotes } from './peer-problems';
import { type CompareResult, type ServerApi, sameUri } from './server-api';

export type { DiffMark } from './peer-problems';

interface Pair {
  left: vscode.Uri;
  right: vscode.Uri;
  lines: DiffMark[];
  /** The server did not answer the last refresh: the marks shown are from before. */
  stale: boolean;
  /** Its diff tab was seen open: from then on, closing the tab forgets the pair. */
  seen: boolean;
}

/** The lines to mark: expected differences and mismatches (same lines and unjudged differences stay plain). */
export function marksOf(result: CompareResult): DiffMark[] {
  const out: DiffMark[] = [];
  for (const row of result.rows) {
    for (const side of ['left', 'right'] as const) {
      const m = row[side];
      if (!m || (m.kind !== 'expected' && m.kind !== 'mismatch')) continue;
      out.push({ uri: result[side].uri, line: m.line, kind: m.kind, message: m.code ? `${m.message} [${m.code}]` : m.message, ...(m.severity ? { severity: m.severity } : {}) });
    }
  }
  return out;
}

const gutterIcon = (color: string, symbol: string): vscode.Uri =>
  vscode.Uri.parse(
    `data:image/svg+xml;utf8,${encodeURIComponent(
      `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16"><circle cx="8" cy="8" r="5.5" fill="${color}"/><text x="8" y="11.2" font-size="9" font-family="sans-serif" font-weight="bold" text-anchor="middle" fill="#fff">${symbol}</text></svg>`,
    )}`,
  );

/** The three looks of a marked line: an expected difference, a warning and an error mismatch. */
type Look = 'expected' | 'warning' | 'error';

const STYLE: Record<Look, { color: string; icon: vscode.Uri }> = {
  expected: { color: 'charts.green', icon: gutterIcon('#388a34', '✓') },
  warning: { color: 'charts.yellow', icon: gutterIcon('#bf8803', '!') },
  error: { color: 'charts.red', icon: gutterIcon('#e51400', '✗') },
};

const lookOf = (n: DiffNote): Look => (n.kind === 'expected' ? 'expected' : n.severity === 'error' ? 'error' : 'warning');

/** A diagnostic on `line` of `uri` that says `message` (the compare answer adds ` [code]`). */
function diagnosticSays(uri: string, line: number, message: string): boolean {
  const text = message.replace(/\s*\[[\w-]+\]$/, '');
  return vscode.languages.getDiagnostics(vscode.Uri.parse(uri)).some((d) => d.range.start.line <= line && line <= d.range.end.line && d.message === text);
}

export class PeerDiffDecorations implements vscode.Disposable {
  private readonly pairs = new Map<string, Pair>();
  private readonly types: Record<Look, vscode.TextEditorDecorationType>;
  private readonly applied = new Map<string, DiffMark[]>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly server: ServerApi) {
    this.types = {
      expected: this.makeType('expected'),
      warning: this.makeType('warning'),
      error: this.makeType('error'),
    };
    this.subscriptions.push(
      this.types.expected,
      this.types.warning,
      this.types.error,
      vscode.window.onDidChangeVisibleTextEditors(() => this.apply()),
      vscode.window.tabGroups.onDidChangeTabs(() => {
        this.forgetClosed();
        this.apply();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if ([...this.pairs.values()].some((p) => sameUri(p.left, e.document.uri) || sameUri(p.right, e.document.uri))) this.scheduleRefresh();
      }),
      server.onClustersChanged(() => this.scheduleRefresh()),
    );
  }

  private makeType(look: Look): vscode.TextEditorDecorationType {
    const style = STYLE[look];
    return vscode.window.createTextEditorDecorationType({
      gutterIconPath: style.icon,
      gutterIconSize: '70%',
      overviewRulerColor: new vscode.ThemeColor(style.color),
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      after: { color: new vscode.ThemeColor(style.color), margin: '0 0 0 2em', fontStyle: 'italic' },
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
  }

  /** Starts marking the diff of `left` and `right` with the server's answer. */
  show(left: vscode.Uri, right: vscode.Uri, result: CompareResult): void {
    const key = `${left.toString()}\n${right.toString()}`;
    const pair = this.pairs.get(key) ?? { left, right, lines: [], stale: false, seen: false };
    this.pairs.set(key, pair);
    this.take(pair, result);
    this.apply();
  }

  /** The marks currently shown in editors of `uri` (for tests and the status bar). */
  marksFor(uri: vscode.Uri): readonly DiffMark[] {
    return this.applied.get(uri.toString()) ?? [];
  }

  private take(pair: Pair, result: CompareResult): void {
    pair.lines = marksOf(result).map((m) => ({ ...m, uri: vscode.Uri.parse(m.uri).toString() }));
    pair.stale = false;
  }

  private async compute(pair: Pair): Promise<void> {
    try {
      this.take(pair, await this.server.compare(pair.left, pair.right));
    } catch {
      pair.stale = true;
    }
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void Promise.all([...this.pairs.values()].map((p) => this.compute(p))).then(() => this.apply());
    }, 300);
  }

  /** The pair whose diff is the active tab of the editor's group. */
  private pairShownIn(editor: vscode.TextEditor): Pair | undefined {
    const groups = vscode.window.tabGroups.all.filter((g) => editor.viewColumn === undefined || g.viewColumn === editor.viewColumn);
    for (const g of groups) {
      const input = g.activeTab?.input;
      if (!(input instanceof vscode.TabInputTextDiff)) continue;
      const pair = this.pairs.get(`${input.original.toString()}\n${input.modified.toString()}`);
      if (pair && (sameUri(pair.left, editor.document.uri) || sameUri(pair.right, editor.document.uri))) return pair;
    }
    return undefined;
  }

  private apply(): void {
    this.applied.clear();
    for (const editor of vscode.window.visibleTextEditors) {
      const pair = this.pairShownIn(editor);
      const doc = editor.document;
      const lines = pair ? pair.lines.filter((l) => sameUri(l.uri, doc.uri) && l.line < doc.lineCount) : [];
      const notes = diffNotes(lines, { shownByDiagnostic: pair && !pair.stale ? (l, m) => diagnosticSays(l.uri, l.line, m) : undefined });
      for (const look of ['expected', 'warning', 'error'] as const) {
        const options = notes.filter((n) => lookOf(n) === look).map((n): vscode.DecorationOptions => {
          const text = doc.lineAt(n.line);
          const hover = new vscode.MarkdownString(n.hover);
          if (pair?.stale) hover.appendMarkdown('\n\n_(from before the last change: the language server did not answer since)_');
          return {
            range: new vscode.Range(n.line, text.firstNonWhitespaceCharacterIndex, n.line, text.text.length),
            hoverMessage: hover,
            // the whole message is in the hover; the line keeps a glanceable start of it
            renderOptions: { after: { contentText: n.after } },
          };
        });
        editor.setDecorations(this.types[look], options);
      }
      if (lines.length) this.applied.set(doc.uri.toString(), lines);
    }
  }

  private forgetClosed(): void {
    const open = new Set<string>();
    for (const g of vscode.window.tabGroups.all) {
      for (const t of g.tabs) if (t.input instanceof vscode.TabInputTextDiff) open.add(`${t.input.original.toString()}\n${t.input.modified.toString()}`);
    }
    for (const [key, pair] of this.pairs) {
      if (open.has(key)) pair.seen = true;
      else if (pair.seen) this.pairs.delete(key);
    }
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.subscriptions) d.dispose();
  }
}
