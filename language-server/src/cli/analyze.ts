// `struktur analyze FILE --json [-o PATH] [--cases A,B]`: validates the model, runs the linear
// static analysis and prints the results document (struktur-results/1). Runs in this process
// with the same language and analysis code the server uses.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { Workspace } from '../language/workspace';
import { analyzeModel } from '../analysis/from-model';
import { parseCommandArgs, UsageError } from './usage';

export async function runAnalyze(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(argv, {
    json: { type: 'boolean', default: false },
    output: { type: 'string', short: 'o' },
    cases: { type: 'string' },
    root: { type: 'string' },
    'shear-deformation': { type: 'boolean', default: false },
  });
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('struktur analyze takes one model file: struktur analyze FILE --json');
  if (!values.json) throw new UsageError('struktur analyze prints JSON only for now: add --json');
  const cwd = process.cwd();
  const file = path.resolve(cwd, positionals[0]);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`Cannot read ${positionals[0]}: no such file`);
  const root = path.resolve(values.root ?? cwd);
  const ws = new Workspace({ root });
  const uri = pathToFileURL(file).toString();
  const model = ws.model(uri);
  const rel = (u: string) => (u.startsWith('file:') ? path.relative(cwd, fileURLToPath(u)).split(path.sep).join('/') : u);
  const errors = model.diagnostics.filter((d) => d.severity === 'error');

  const cases = values.cases?.split(',').map((s) => s.trim()).filter(Boolean);
  if (cases && errors.length === 0) {
    const known = new Set([...model.loadCases.map((c) => c.decl.name), ...model.combinations.map((c) => c.decl.name)]);
    const unknown = cases.filter((c) => !known.has(c));
    if (unknown.length) throw new UsageError(`Unknown case ${unknown.map((c) => `"${c}"`).join(', ')}: the model has ${[...known].join(', ')}`);
  }
  const { results: doc, diagnostics } = analyzeModel(model, rel, { cases, shearDeformation: values['shear-deformation'] });
  const failed = diagnostics.some((d) => d.severity === 'error') || doc.checks.some((c) => !c.ok);
  const text = JSON.stringify(doc, null, 2) + '\n';
  if (values.output) {
    try {
      fs.writeFileSync(values.output, text);
    } catch (e) {
      throw new UsageError(`Cannot write ${values.output}: ${(e as Error).message}`);
    }
  } else process.stdout.write(text);
  if (errors.length) process.stderr.write(`struktur: ${positionals[0]} has ${errors.length} error${errors.length > 1 ? 's' : ''}; no analysis was run (see "diagnostics")\n`);
  return failed ? 1 : 0;
}
