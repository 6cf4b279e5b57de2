// `struktur check --format github`: GitHub Actions workflow commands, one per diagnostic,
// which the runner turns into annotations on the pull request:
//
//   ::error file=examples/a.struct,line=12,col=7,endLine=12,endColumn=12,title=S1203::Unknown section…
//
// error → error, warning → warning, info and hint → notice. Related locations are appended
// to the message as lines. Escaping follows the runner (actions/toolkit `command.ts`): in the
// message `%`, CR and LF; in a property also `:` and `,`, which would end the property.
// Other control characters (ESC above all: the log view renders ANSI) become U+FFFD.
import { clean, location } from './text';
import { orderedFiles } from './summary';
import type { CheckReport, Severity } from './types';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: 'notice',
};

export function escapeData(text: string): string {
  return clean(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: CheckReport): string {
  const out: string[] = [];
  for (const file of orderedFiles(report)) {
    for (const d of file.diagnostics) {
      const { start, end } = d.range;
      const properties: [string, string | number][] = [
        ['file', file.path],
        ['line', start.line + 1],
        ['col', start.character + 1],
        ['endLine', end.line + 1],
        ['endColumn', end.character + 1],
      ];
      if (d.code !== '') properties.push(['title', d.code]);
      const message = [d.message, ...(d.related ?? []).map((r) => `  ${location(r.path, r.range.start)} note: ${r.message}`)].join('\n');
      const props = properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      out.push(`::${COMMAND[d.severity]} ${props}::${escapeData(message)}`);
    }
  }
  return out.map((line) => `${line}\n`).join('');
}
