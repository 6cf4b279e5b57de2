// What every format shares: the counts, and one deterministic order of files and diagnostics,
// so that the output does not depend on the order in which the server published them.
import type { CheckDiagnostic, CheckedFile, CheckReport, Summary } from './types';

export function summarize(report: CheckReport): Summary {
  const summary: Summary = { files: report.files.length, errors: 0, warnings: 0, infos: 0 };
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      if (d.severity === 'error') summary.errors++;
      else if (d.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return summary;
}

/** Compares by UTF-16 code units, not locale, so the order is the same on every machine. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareDiagnostics(a: CheckDiagnostic, b: CheckDiagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * Files by path, each file's diagnostics by start position. Both sorts are stable, so
 * diagnostics at the same position keep the order the server gave them.
 */
export function orderedFiles(report: CheckReport): CheckedFile[] {
  return [...report.files]
    .sort((a, b) => compareStrings(a.path, b.path))
    .map((file) => ({ ...file, diagnostics: [...file.diagnostics].sort(compareDiagnostics) }));
}

export function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}
