// The report is made by the command line (`struktur report`, dist/cli.js) in a child process, so
// the editor and the terminal give byte-identical files, pdf-lib and the fonts stay out of the
// extension bundle and the language server, and a long report never blocks either.
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export type ReportPreset = 'summary' | 'full' | 'checker';

export interface ReportRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ReportArgs {
  cliPath: string;
  model: string;
  output: string;
  cwd: string;
  preset?: ReportPreset;
  config?: string;
  root?: string;
  shearDeformation?: boolean;
}

export function reportArgs(a: ReportArgs): string[] {
  const args = [a.cliPath, 'report', path.relative(a.cwd, a.model) || a.model, '-o', a.output];
  if (a.preset) args.push('--preset', a.preset);
  if (a.config) args.push('--config', a.config);
  if (a.root) args.push('--root', a.root);
  if (a.shearDeformation) args.push('--shear-deformation');
  return args;
}

export function runReportCli(a: ReportArgs, onCancel?: (kill: () => void) => void): Promise<ReportRun> {
  return new Promise((resolve, reject) => {
    // In VS Code desktop the extension host is Electron: ask it to behave as Node.
    const child = spawn(process.execPath, reportArgs(a), { cwd: a.cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 130 : 3), stdout, stderr }));
    onCancel?.(() => child.kill());
  });
}
