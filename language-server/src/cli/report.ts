// `struktur report MODEL.struct -o report.pdf [--preset summary|full|checker] [--config report.json]`:
// validates and analyses the model in this process and writes the calculation report
// (docs/reports.md). The VS Code command runs this same command, so both give the same file.
import fs from 'node:fs';
import path from 'node:path';
import { generateReport } from '../report/generate';
import { ModelErrorsError, prepareReport, ReportUsageError } from '../report/from-file';
import { PRESETS, ReportConfigError, type Preset } from '../report/options';
import { SERVER_VERSION } from '../version';
import { parseCommandArgs, UsageError } from './usage';

export async function runReport(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(argv, {
    output: { type: 'string', short: 'o' },
    preset: { type: 'string' },
    config: { type: 'string' },
    root: { type: 'string' },
    'shear-deformation': { type: 'boolean', default: false },
    quiet: { type: 'boolean', short: 'q', default: false },
  });
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('struktur report takes one model file: struktur report MODEL.struct -o report.pdf');
  if (!values.output) throw new UsageError('struktur report needs the output file: -o report.pdf');
  if (values.preset !== undefined && !PRESETS.includes(values.preset as Preset)) throw new UsageError(`Unknown preset "${values.preset}": use ${PRESETS.join(', ')}`);
  const cwd = process.cwd();
  const out = path.resolve(cwd, values.output);
  if (!fs.existsSync(path.dirname(out))) throw new UsageError(`Cannot write ${values.output}: the folder ${path.dirname(values.output)} does not exist`);
  let input;
  try {
    input = prepareReport({
      file: positionals[0], cwd, root: values.root, preset: values.preset as Preset | undefined, config: values.config,
      shearDeformation: values['shear-deformation'], env: process.env, version: SERVER_VERSION,
    });
  } catch (e) {
    if (e instanceof ReportUsageError || e instanceof ReportConfigError) throw new UsageError(e.message);
    if (e instanceof ModelErrorsError) {
      process.stderr.write(`struktur: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const t0 = performance.now();
  const report = await generateReport(input);
  // Written to a temporary file first, so a failed write never leaves half a PDF behind.
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, report.pdf);
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new UsageError(`Cannot write ${values.output}: ${(e as Error).message}`);
  }
  const failing = input.results.checks.filter((c) => !c.ok);
  if (!values.quiet) {
    process.stdout.write(`${values.output}: ${report.pages} pages, ${report.figures} figures, ${report.tables} tables, ${(report.pdf.length / 1024).toFixed(0)} KiB, ${input.options.preset} preset (${Math.round(performance.now() - t0)} ms)\n`);
  }
  if (failing.length) {
    const members = [...new Set(failing.map((c) => c.member))];
    process.stderr.write(`struktur: ${members.length} member${members.length > 1 ? 's' : ''} fail${members.length > 1 ? '' : 's'} a design check (${members.slice(0, 5).join(', ')}${members.length > 5 ? ', …' : ''}); the report shows them\n`);
    return 1;
  }
  return 0;
}
