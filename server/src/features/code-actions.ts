// Code actions: the quick fixes the rules attached to their findings, offered for the diagnostics
// the editor sends back (matched by rule id, range and message).
import { CodeActionKind, TextDocumentEdit, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { sameRange } from '../parser/syntax';
import type { Finding, Fix } from '../rules/finding';

/**
 * The version of each document a fix edits, when the client takes versioned edits
 * (`documentChanges`); undefined means plain `changes`.
 */
export type VersionOf = (uri: string) => number | null | undefined;

/**
 * With versions, the edits are TextDocumentEdits carrying the version of each document they were
 * computed for, so that a fix computed for older text is refused instead of landing on newer text.
 */
function toCodeAction(fix: Fix, diagnostic: Diagnostic, versionOf?: VersionOf): CodeAction {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of fix.edits) (changes[e.uri] ??= []).push({ range: e.range, newText: e.newText });
  const versioned = versionOf && Object.keys(changes).every((uri) => versionOf(uri) !== undefined);
  const edit: WorkspaceEdit = versioned
    ? { documentChanges: Object.entries(changes).map(([uri, edits]) => TextDocumentEdit.create({ uri, version: versionOf(uri) ?? null }, edits)) }
    : { changes };
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit };
}

/** `findings`: the current findings of the document; `diagnostics`: the ones the request is about. */
export function codeActions(findings: readonly Finding[], diagnostics: readonly Diagnostic[], versionOf?: VersionOf): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d?.source !== 'keepalived' || !d.range) continue;
    const f = findings.find((x) => x.code === d.code && sameRange(x.range, d.range) && x.message === d.message);
    for (const fix of f?.fixes ?? []) actions.push(toCodeAction(fix, d, versionOf));
  }
  return actions;
}
