// `struktur check`: starts the language server as a child process, opens each model in it over
// LSP (stdio), collects what it publishes, and prints it in the chosen format.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fg from 'fast-glob';
import { LspProcessClient } from './lsp-client';
import { parseCommandArgs, UsageError } from './usage';
import { formatReport, isFormat, summarize, FORMATS, type CheckReport, type CheckedFile, type Format } from './formats';
import { FlushRequest } from '../shared/protocol';
import { RULES } from './rules';
import { SERVER_VERSION } from '../version';

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

export async function runCheck(argv: string[]): Promise<number> {
  const parsed = parseCommandArgs(argv, {
    format: { type: 'string', short: 'f', default: 'text' },
    output: { type: 'string', short: 'o' },
    'max-warnings': { type: 'string' },
    root: { type: 'string' },
    'no-color': { type: 'boolean', default: false },
    'no-analysis': { type: 'boolean', default: false },
  });
  const { values, positionals } = parsed;
  const format = values.format!;
  if (!isFormat(format)) throw new UsageError(`Unknown format "${format}": use one of ${FORMATS.join(', ')}`);
  let maxWarnings = Infinity;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings takes a whole number, got "${values['max-warnings']}"`);
  }
  const cwd = process.cwd();
  const root = path.resolve(values.root ?? cwd);
  const files = await expandFiles(positionals, cwd);

  const client = new LspProcessClient({ command: process.execPath, args: [serverEntry(), 'lsp', '--stdio'] });
  const report: CheckReport = { files: [], tool: { name: 'struktur', version: SERVER_VERSION }, rules: RULES };
  try {
    await client.initialize(pathToFileURL(root).toString(), { initializationOptions: { debounceMs: 0, analysis: !values['no-analysis'] } });
    const texts = new Map<string, string>();
    for (const f of files) {
      const uri = pathToFileURL(f).toString();
      const text = fs.readFileSync(f, 'utf8');
      texts.set(uri, text);
      await client.open(uri, text);
    }
    // The flush answers after every open document's diagnostics are published; notifications
    // arrive in order, so what we hold now is the server's final word.
    await client.request(() => client.connection.sendRequest(FlushRequest));
    for (const f of files) {
      const uri = pathToFileURL(f).toString();
      const diags = client.diagnostics.get(uri) ?? [];
      report.files.push(toCheckedFile(f, cwd, texts.get(uri)!, diags));
    }
    // Problems in included files that were not named on the command line count too.
    for (const [uri, diags] of client.diagnostics) {
      if (texts.has(uri) || diags.length === 0 || !uri.startsWith('file:')) continue;
      const f = fileURLToPath(uri);
      let text = '';
      try {
        text = fs.readFileSync(f, 'utf8');
      } catch {
        // Shown without source lines.
      }
      report.files.push(toCheckedFile(f, cwd, text, diags));
    }
  } finally {
    await client.shutdown();
  }

  const out = formatReport(report, format as Format, { color: !values['no-color'] && !values.output && process.stdout.isTTY === true });
  if (values.output) {
    try {
      fs.writeFileSync(values.output, out);
    } catch (e) {
      throw new UsageError(`Cannot write ${values.output}: ${(e as Error).message}`);
    }
  } else {
    process.stdout.write(out);
  }
  const s = summarize(report);
  return s.errors > 0 || s.warnings > maxWarnings ? 1 : 0;
}

/** The CLI bundle itself runs the server (`struktur lsp --stdio`), so no second file is needed. */
function serverEntry(): string {
  return __filename.endsWith('.js') ? __filename : path.resolve(__dirname, '..', '..', '..', 'dist', 'cli.js');
}

async function expandFiles(args: string[], cwd: string): Promise<string[]> {
  const patterns = args.length ? args : ['**/*.struct'];
  const out = new Set<string>();
  for (const p of patterns) {
    const abs = path.resolve(cwd, p);
    if (fs.existsSync(abs)) {
      const st = fs.statSync(abs);
      if (st.isDirectory()) {
        for (const f of await fg('**/*.struct', { cwd: abs, absolute: true, ignore: ['**/node_modules/**'] })) out.add(path.resolve(f));
      } else out.add(abs);
      continue;
    }
    if (!fg.isDynamicPattern(p)) throw new UsageError(`Cannot read ${p}: no such file`);
    const matches = await fg(p, { cwd, absolute: true, ignore: ['**/node_modules/**'] });
    if (matches.length === 0) throw new UsageError(`No files match ${p}`);
    for (const f of matches) out.add(path.resolve(f));
  }
  if (out.size === 0) throw new UsageError('No .struct files to check');
  return [...out].sort();
}

function toCheckedFile(file: string, cwd: string, text: string, diags: import('vscode-languageserver-protocol').Diagnostic[]): CheckedFile {
  const rel = path.relative(cwd, file).split(path.sep).join('/');
  return {
    path: rel,
    lines: text.split(/\r?\n/),
    diagnostics: diags.map((d) => ({
      range: d.range,
      severity: SEVERITIES[(d.severity ?? 1) - 1],
      code: String(d.code ?? ''),
      message: typeof d.message === 'string' ? d.message : d.message.value,
      ...(d.relatedInformation?.length
        ? { related: d.relatedInformation.map((r) => ({ path: relPath(r.location.uri, cwd), range: r.location.range, message: r.message })) }
        : {}),
    })),
  };
}

function relPath(uri: string, cwd: string): string {
  try {
    return path.relative(cwd, fileURLToPath(uri)).split(path.sep).join('/');
  } catch {
    return uri;
  }
}
