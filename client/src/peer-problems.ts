// How the client presents the server's peer findings: counted once per problem (the server
// reports a mismatch on every node involved and gives the reports one `problem` key), drawn with
// the icon and colour of their severity, in markdown that keeps the words whole. No vscode
// import: unit-tested.
import type { ClusterInstance, ClusterView, FindingSeverity } from '../../server/src/protocol';

/** A marked line of one side of a peer diff (the server's compare answer, one side's line). */
export interface DiffMark {
  uri: string;
  line: number;
  kind: 'expected' | 'mismatch';
  message: string;
  /** A mismatch's severity (the finding's). */
  severity?: FindingSeverity;
}

export type Mismatch = ClusterInstance['mismatches'][number];

const RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * One report per problem: the one on `here` when there is one (so "here" in its message is the
 * file the user is looking at), else the first.
 */
export function uniqueProblems(mismatches: readonly Mismatch[], here?: (uri: string) => boolean): Mismatch[] {
  const chosen = new Map<string, Mismatch>();
  for (const m of mismatches) {
    const had = chosen.get(m.problem);
    if (!had || (here && !here(had.uri) && here(m.uri))) chosen.set(m.problem, m);
  }
  return [...chosen.values()];
}

/** The problems of the clusters a file belongs to, each once, seen from that file where it can be. */
export function problemsOfFile(clusters: readonly ClusterView[], isFile: (uri: string) => boolean): Mismatch[] {
  const mine = clusters.flatMap((c) => c.instances.filter((i) => i.members.some((m) => isFile(m.uri))).flatMap((i) => i.mismatches));
  return uniqueProblems(mine, isFile);
}

/** Problems that count (errors and warnings), as the status bar and badges number them. */
export function countable(problems: readonly Mismatch[]): Mismatch[] {
  return problems.filter((p) => p.severity === 'error' || p.severity === 'warning');
}

export function worstSeverity(items: readonly { severity?: FindingSeverity }[]): FindingSeverity | undefined {
  let worst: FindingSeverity | undefined;
  for (const i of items) if (i.severity && (worst === undefined || RANK[i.severity] < RANK[worst])) worst = i.severity;
  return worst;
}

/** The codicon and theme colour of a severity, as the Problems view draws it. */
export function severityIcon(severity: FindingSeverity | undefined): { id: string; color: string } {
  switch (severity) {
    case 'error':
      return { id: 'error', color: 'problemsErrorIcon.foreground' };
    case 'warning':
      return { id: 'warning', color: 'problemsWarningIcon.foreground' };
    default:
      return { id: 'info', color: 'problemsInfoIcon.foreground' };
  }
}

/**
 * Plain text for a markdown string: markdown's own characters escaped, spaces left as spaces
 * (MarkdownString.appendText turns runs of them into &nbsp;, and hovers then break words anywhere).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');
}

/** `- lb01: \`peer-vip-mismatch\` VI_1: VIP 10.0.0.1 … here …` (markdown list item). */
export function problemLine(m: Mismatch): string {
  return `- **${escapeMarkdown(m.node)}**: \`${m.code}\` ${escapeMarkdown(m.message)}`;
}

/** The same, without markdown: for screen readers (aria labels) and plain tooltips. */
export function problemPlain(m: Mismatch): string {
  return `${m.node}: ${m.message.replace(/\s*\n\s*/g, ' ')} (${m.code})`;
}

export function plural(n: number, word: string, suffix = 's'): string {
  return `${n} ${word}${n === 1 ? '' : suffix}`;
}

/** One line of the peer diff: its kind, severity, the short note drawn after the text, and the hover. */
export interface DiffNote {
  uri: string;
  line: number;
  kind: DiffMark['kind'];
  severity?: FindingSeverity;
  /** Short enough to stay inside the pane; the hover has all of it. */
  after: string;
  /** Markdown; each message once. */
  hover: string;
}

/** Room for the note after a line's text: a diff pane is half an editor wide. */
export const DIFF_NOTE_MAX = 30;

/**
 * The notes of a diff, one per line: a line with a mismatch is a mismatch (its worst severity);
 * the hover lists each distinct message once.
 */
export function diffNotes(lines: readonly DiffMark[], opts: { max?: number; shownByDiagnostic?: (l: DiffMark, message: string) => boolean } = {}): DiffNote[] {
  const max = opts.max ?? DIFF_NOTE_MAX;
  const byLine = new Map<string, DiffMark[]>();
  for (const l of lines) {
    const key = `${l.uri}\n${l.line}`;
    byLine.set(key, [...(byLine.get(key) ?? []), l]);
  }
  const notes: DiffNote[] = [];
  for (const group of byLine.values()) {
    const mismatches = group.filter((l) => l.kind === 'mismatch');
    const kind = mismatches.length ? 'mismatch' : 'expected';
    const shown = mismatches.length ? mismatches : group;
    const messages = [...new Set(shown.map((l) => l.message.replace(/^(expected|mismatch):\s*/i, '')))];
    const severity = kind === 'mismatch' ? (worstSeverity(mismatches) ?? 'error') : undefined;
    const label = kind === 'expected' ? '✓ expected' : severity === 'error' ? '✗ mismatch' : '⚠ mismatch';
    const first = messages[0] ?? '';
    const more = messages.length > 1 ? ` (+${messages.length - 1})` : '';
    const room = Math.max(8, max - label.length - 2 - more.length);
    const after = `${label}: ${first.length > room ? `${first.slice(0, room - 1)}…` : first}${more}`;
    const title = kind === 'expected' ? '**Expected difference** between peers' : `**Mismatch** between peers (${severity})`;
    // A message the editor already shows as a diagnostic's hover on this line is not said twice.
    const unsaid = messages.filter((m) => !shown.some((l) => opts.shownByDiagnostic?.(l, m)));
    const hover = [title, ...unsaid.map((m) => `- ${escapeMarkdown(m)}`), ...(unsaid.length < messages.length ? ['(The problem on this line says why.)'] : [])].join('\n\n');
    notes.push({ uri: group[0].uri, line: group[0].line, kind, severity, after, hover });
  }
  return notes;
}
