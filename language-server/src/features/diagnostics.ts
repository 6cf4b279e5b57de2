// Language diagnostics → LSP diagnostics, grouped by document.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { CODES } from '../language/semantic/codes';
import type { Diagnostic } from '../language/semantic/diagnostic';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    source: 'struktur',
    message: d.message,
  };
  if (d.related?.length) out.relatedInformation = d.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  if (d.data) out.data = d.data;
  if (d.code === CODES.unconnectedNode) out.tags = [DiagnosticTag.Unnecessary];
  return out;
}

/** Diagnostics per uri, sorted by position, capped at `max` per document. */
export function groupByUri(diags: Diagnostic[], max: number): Map<string, LspDiagnostic[]> {
  const out = new Map<string, LspDiagnostic[]>();
  for (const d of diags) {
    let list = out.get(d.uri);
    if (!list) out.set(d.uri, (list = []));
    list.push(toLspDiagnostic(d));
  }
  for (const [uri, list] of out) {
    list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    if (list.length > max) out.set(uri, list.slice(0, max));
  }
  return out;
}
