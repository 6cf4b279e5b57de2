// The output formats of `struktur check`, as pure functions from the collected diagnostics
// to the text to print. Every format:
// - orders files by path and each file's diagnostics by position, whatever order the server
//   published them in, so the same project always gives the same bytes;
// - ends with a newline (the github format prints nothing at all when there is nothing to
//   annotate), so the CLI writes the string as it is.
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { summarize } from './summary';
import { formatText } from './text';
import type { CheckReport, Format, FormatOptions } from './types';

export type * from './types';
export { summarize };
export { checkDocument } from './json';
export { sarifLog } from './sarif';

export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'junit', 'github'];

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

export function formatReport(report: CheckReport, format: Format, options: FormatOptions = {}): string {
  switch (format) {
    case 'text':
      return formatText(report, options);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report, options);
    case 'junit':
      return formatJunit(report);
    case 'github':
      return formatGithub(report);
    default: {
      const unknown: never = format;
      throw new Error(`unknown format: ${String(unknown)}`);
    }
  }
}
