// From a .struct file on disk to the report's input: validate the model, run the analysis in this
// process (as `struktur analyze` does), hash the files. A model with errors — in the language
// or in the analysis (a mechanism, a missing weight…) — gets no report; failing design checks
// do get one, since showing them is what the report is for.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Workspace } from '../language/workspace';
import { analyze } from '../analysis/analyze';
import { analysisDiagnostics, toAnalysisModel, toResultDiagnostics } from '../analysis/from-model';
import type { ResultDiagnostic } from '../analysis/results';
import type { ReportInput, SourceFile } from './context';
import { parseConfig, resolveOptions, type Preset, type ReportConfig } from './options';
import { CODES } from '../language/semantic/codes';

/** The command was called wrongly or a file cannot be read (exit code 2). */
export class ReportUsageError extends Error {}

/** The model has errors: no report (exit code 1). */
export class ModelErrorsError extends Error {
  constructor(message: string, readonly diagnostics: ResultDiagnostic[]) {
    super(message);
  }
}

export interface ReportRequest {
  /** The model file, relative to `cwd` or absolute. */
  file: string;
  cwd: string;
  root?: string;
  preset?: Preset;
  /** A report.json configuration file. */
  config?: string;
  shearDeformation?: boolean;
  env: Record<string, string | undefined>;
  version: string;
}

export function readConfig(file: string, cwd: string): ReportConfig {
  const p = path.resolve(cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(p, 'utf8');
  } catch (e) {
    throw new ReportUsageError(`Cannot read the configuration ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return parseConfig(text, file);
}

export function prepareReport(req: ReportRequest): ReportInput {
  const file = path.resolve(req.cwd, req.file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new ReportUsageError(`Cannot read ${req.file}: no such file`);
  const config = req.config ? readConfig(req.config, req.cwd) : {};
  const ws = new Workspace({ root: path.resolve(req.root ?? req.cwd) });
  const uri = pathToFileURL(file).toString();
  const model = ws.model(uri);
  const rel = (u: string) => (u.startsWith('file:') ? path.relative(req.cwd, fileURLToPath(u)).split(path.sep).join('/') : u);
  const source = rel(uri);
  const errors = model.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    const diags = toResultDiagnostics(errors, rel);
    throw new ModelErrorsError(`${req.file} has ${errors.length} error${errors.length > 1 ? 's' : ''}; no report was written:\n${formatDiagnostics(diags)}`, diags);
  }
  if (model.members.length === 0) throw new ModelErrorsError(`${req.file} has no members; there is nothing to report`, []);
  const mapping = toAnalysisModel(model, source);
  const outcome = analyze(mapping.input, { shearDeformation: req.shearDeformation });
  const extra = analysisDiagnostics(model, mapping, outcome.problems, outcome.results.checks);
  // Failing checks are errors for `check`, but the report shows them; anything else stops it.
  const blocking = extra.filter((d) => d.severity === 'error' && d.code !== CODES.checkFailed);
  if (blocking.length) {
    const diags = toResultDiagnostics(blocking, rel);
    throw new ModelErrorsError(`The analysis of ${req.file} found ${blocking.length} error${blocking.length > 1 ? 's' : ''}; no report was written:\n${formatDiagnostics(diags)}`, diags);
  }
  const results = { ...outcome.results, diagnostics: toResultDiagnostics([...model.diagnostics, ...extra], rel) };
  const files: SourceFile[] = model.files.map((f) => {
    const p = f.uri.startsWith('file:') ? fileURLToPath(f.uri) : f.uri;
    const bytes = fs.existsSync(p) ? fs.readFileSync(p) : Buffer.from(f.text, 'utf8');
    return { path: rel(f.uri), sha256: createHash('sha256').update(bytes).digest('hex'), text: bytes.toString('utf8') };
  });
  const options = resolveOptions(config, req.preset, req.env, model.meta);
  return { model, results, files, options, version: req.version, shearDeformation: req.shearDeformation };
}

export function formatDiagnostics(diags: ResultDiagnostic[]): string {
  return diags.map((d) => `  ${d.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`).join('\n');
}
