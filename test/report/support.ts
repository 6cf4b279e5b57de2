// Helpers of the report tests: reports generated in this process from the examples, and the
// poppler tools (pdfinfo, pdftotext, pdftoppm) that read them back as a checking engineer's
// viewer would.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { generateReport, type GeneratedReport } from '../../language-server/src/report/generate';
import { prepareReport } from '../../language-server/src/report/from-file';
import type { ReportInput } from '../../language-server/src/report/context';
import type { Preset } from '../../language-server/src/report/options';
import { SERVER_VERSION } from '../../language-server/src/version';

export const ROOT = path.resolve(__dirname, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'report');
/** 2024-05-01T00:00:00Z: every test report has this date. */
export const EPOCH = '1714521600';

export function examples(): string[] {
  return fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.struct')).sort();
}

export interface Made {
  input: ReportInput;
  report: GeneratedReport;
  file: string;
}

const cache = new Map<string, Promise<Made>>();

/** The report of examples/NAME with a preset, written to test-artifacts/report (made once). */
export function made(example: string, preset: Preset = 'summary', config?: string): Promise<Made> {
  const key = `${example}|${preset}|${config ?? ''}`;
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const input = prepareReport({ file: `examples/${example}`, cwd: ROOT, preset, config, env: { SOURCE_DATE_EPOCH: EPOCH }, version: SERVER_VERSION });
      const report = await generateReport(input);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, `${example.replace(/\.struct$/, '')}-${preset}.pdf`);
      fs.writeFileSync(file, report.pdf);
      return { input, report, file };
    })();
    cache.set(key, p);
  }
  return p;
}

function tool(name: string, args: string[]): string {
  const r = spawnSync(name, args, { encoding: 'utf8', maxBuffer: 512 << 20 });
  if (r.error) throw new Error(`${name} is not available (poppler-utils): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${name} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

export function pdfinfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of tool('pdfinfo', ['-isodates', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1].trim()] = m[2].trim();
  }
  return out;
}

/** The text of the document (or of pages first..last), in reading order with layout. */
export function pdftext(file: string, first?: number, last?: number): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return tool('pdftotext', ['-layout', '-enc', 'UTF-8', ...range, file, '-']);
}

/** Renders pages to PNG in test-artifacts/report/pages; returns the files. */
export function renderPages(file: string, prefix: string, first: number, last: number, dpi = 70): string[] {
  const dir = path.join(ARTIFACTS, 'pages');
  fs.mkdirSync(dir, { recursive: true });
  tool('pdftoppm', ['-r', String(dpi), '-png', '-f', String(first), '-l', String(last), file, path.join(dir, prefix)]);
  return fs.readdirSync(dir).filter((f) => f.startsWith(prefix + '-')).map((f) => path.join(dir, f));
}

/** A number as the report prints it, parsed (U+2212 minus). */
export function num(text: string): number {
  return Number(text.replace('\u2212', '-'));
}
