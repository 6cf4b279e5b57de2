// `struktur check --format json`: the `struktur-check/1` document of docs/results.md. Every
// object is built key by key, so the key order is fixed and nothing the caller added to its
// objects leaks into the public contract.
import { orderedFiles, summarize } from './summary';
import type { CheckDiagnostic, CheckReport, Range, Severity } from './types';

export interface JsonRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface JsonDiagnostic {
  range: JsonRange;
  severity: Severity;
  code: string;
  message: string;
  related?: { path: string; range: JsonRange; message: string }[];
}

export interface CheckDocument {
  format: 'struktur-check/1';
  files: { path: string; diagnostics: JsonDiagnostic[] }[];
  summary: { files: number; errors: number; warnings: number };
}

function range(r: Range): JsonRange {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}

export function diagnosticJson(d: CheckDiagnostic): JsonDiagnostic {
  const out: JsonDiagnostic = { range: range(d.range), severity: d.severity, code: d.code, message: d.message };
  // `related` is optional in the contract: absent rather than an empty list.
  if (d.related && d.related.length > 0) {
    out.related = d.related.map((r) => ({ path: r.path, range: range(r.range), message: r.message }));
  }
  return out;
}

export function checkDocument(report: CheckReport): CheckDocument {
  const s = summarize(report);
  return {
    format: 'struktur-check/1',
    files: orderedFiles(report).map((f) => ({ path: f.path, diagnostics: f.diagnostics.map(diagnosticJson) })),
    summary: { files: s.files, errors: s.errors, warnings: s.warnings },
  };
}

export function formatJson(report: CheckReport): string {
  return `${JSON.stringify(checkDocument(report), null, 2)}\n`;
}
