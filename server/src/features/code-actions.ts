// Code actions: the quick fixes the rules attached to their findings, offered for the diagnostics
// the editor sends back (matched by rule id, range and message).
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { sameRange } from '../parser/syntax';
import type { Finding, Fix } from '../rules/finding';

function toCodeAction(fix: Fix, diagnostic: Diagnostic): CodeAction {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of fix.edits) (changes[e.uri] ??= []).push({ range: e.range, newText: e.newText });
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: { changes } };
}

/** `findings`: the current findings of the document; `diagnostics`: the ones the request is about. */
export function codeActions(findings: readonly Finding[], diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== 'keepalived') continue;
    const f = findings.find((x) => x.code === d.code && sameRange(x.range, d.range) && x.message === d.message);
    for (const fix of f?.fixes ?? []) actions.push(toCodeAction(fix, d));
  }
  return actions;
}
