// Findings → LSP diagnostics and code actions.
import {
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeAction,
  type Diagnostic,
  TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { Finding, Fix } from '../analysis/finding';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    source: 'keepalived',
    message: f.message,
    relatedInformation: f.related?.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })),
    tags: f.tags?.map((t) => (t === 'deprecated' ? DiagnosticTag.Deprecated : DiagnosticTag.Unnecessary)),
  };
}

/**
 * A quick fix. With `version` (the client supports `documentChanges`), its edits are
 * TextDocumentEdits carrying the version of each document they were computed for, so that a fix
 * computed for older text is refused instead of landing on newer text.
 */
export function toCodeAction(fix: Fix, diagnostic: Diagnostic, version?: (uri: string) => number | null): CodeAction {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of fix.edits) (changes[e.uri] ??= []).push({ range: e.range, newText: e.newText });
  const edit: WorkspaceEdit = version
    ? { documentChanges: Object.entries(changes).map(([uri, edits]) => TextDocumentEdit.create({ uri, version: version(uri) }, edits)) }
    : { changes };
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit };
}
