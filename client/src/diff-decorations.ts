// Marks, in the two editors of a peer diff, the lines the server's keepalived/compare answer
// classifies as expected differences between the nodes of a cluster and as mismatches.
import * as vscode from 'vscode';
import { type CompareResult, type ServerApi, sameUri } from './server-api';

/** A marked line of one side of the diff. */
export interface DiffMark {
  uri: string;
  line: number;
  kind: 'expected' | 'mismatch';
  message: string;
}

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
      out.push({ uri: result[side].uri, line: m.line, kind: m.kind, message: m.code ? `${m.message} [${m.code}]` : m.message });
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

const AFTER_TEXT_MAX = 72;

const STYLE = {
  expected: { color: 'charts.green', icon: gutterIcon('#388a34', '✓'), prefix: '✓ expected' },
  mismatch: { color: 'charts.red', icon: gutterIcon('#e51400', '!'), prefix: '✗ mismatch' },
} as const;

export class PeerDiffDecorations implements vscode.Disposable {
  private readonly pairs = new Map<string, Pair>();
  private readonly types: Record<DiffMark['kind'], vscode.TextEditorDecorationType>;
  private readonly applied = new Map<string, DiffMark[]>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly server: ServerApi) {
    this.types = {
      expected: this.makeType('expected'),
      mismatch: this.makeType('mismatch'),
    };
    this.subscriptions.push(
      this.types.expected,
      this.types.mismatch,
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

  private makeType(kind: DiffMark['kind']): vscode.TextEditorDecorationType {
    const style = STYLE[kind];
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
      for (const kind of ['expected', 'mismatch'] as const) {
        const options = lines.filter((l) => l.kind === kind).map((l): vscode.DecorationOptions => {
          const text = doc.lineAt(l.line);
          const message = l.message.replace(/^(expected|mismatch):\s*/i, '');
          const hover = new vscode.MarkdownString();
          hover.appendMarkdown(kind === 'expected' ? '**Expected difference** between peers: ' : '**Mismatch** between peers: ');
          hover.appendText(message);
          if (pair?.stale) hover.appendMarkdown('\n\n_(from before the last change: the language server did not answer since)_');
          return {
            range: new vscode.Range(l.line, text.firstNonWhitespaceCharacterIndex, l.line, text.text.length),
            hoverMessage: hover,
            // the whole message is in the hover; the line keeps a glanceable start of it
            renderOptions: { after: { contentText: `${STYLE[kind].prefix}: ${message.length > AFTER_TEXT_MAX ? `${message.slice(0, AFTER_TEXT_MAX - 1)}…` : message}` } },
          };
        });
        editor.setDecorations(this.types[kind], options);
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
