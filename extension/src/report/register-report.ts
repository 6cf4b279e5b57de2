// `Struktur: Generate Report` (struktur.generateReport): asks for the preset and where to save,
// runs `struktur report` (the same command line as in a terminal), then shows the PDF in the
// preview panel. Scripts and tests pass options that skip the questions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { REPORT_PREVIEW_VIEW_TYPE, type ReportPreviewState } from '../../../language-server/src/shared/report-preview-messages';
import { ReportPreviewPanel, type RenderedInfo } from './report-preview-panel';
import { runReportCli, type ReportPreset } from './run-report-cli';

export const GENERATE_REPORT_COMMAND = 'struktur.generateReport';
/** A configuration file beside the model that the command uses when it exists (docs/reports.md). */
export const REPORT_CONFIG_FILE = 'struktur-report.json';

export interface GenerateReportOptions {
  preset?: ReportPreset;
  /** Where to write the PDF; without it the user is asked. */
  output?: string;
  config?: string;
  /** Show the preview (default true). */
  preview?: boolean;
  /** Wait until the preview has drawn the document (tests). */
  waitForPreview?: boolean;
}

export interface GenerateReportResult {
  pdf: string;
  exitCode: number;
  /** What the command line printed (pages, figures, size). */
  summary: string;
  /** Failing design checks and other notes. */
  notes: string;
  preview?: RenderedInfo;
}

async function modelOf(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'struktur') return active.uri;
  const files = await vscode.workspace.findFiles('**/*.struct', '**/node_modules/**', 200);
  if (!files.length) {
    void vscode.window.showErrorMessage('Struktur: open a .struct model first.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(files.map((uri) => ({ label: path.basename(uri.fsPath), description: vscode.workspace.asRelativePath(uri), uri })), { placeHolder: 'Report on which model?' });
  return pick?.uri;
}

const PRESET_ITEMS: (vscode.QuickPickItem & { preset: ReportPreset })[] = [
  { label: 'Summary', description: 'governing values and envelopes', preset: 'summary' },
  { label: 'Full', description: 'every case in full tables and diagrams', preset: 'full' },
  { label: 'Checker', description: 'full, every check in detail, and the model source', preset: 'checker' },
];

export async function generateReport(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, arg?: unknown, options: GenerateReportOptions = {}): Promise<GenerateReportResult | undefined> {
  const model = await modelOf(arg);
  if (!model || model.scheme !== 'file') return undefined;
  // The command line reads the files from disk: unsaved edits would not be in the report.
  for (const d of vscode.workspace.textDocuments) if (d.isDirty && d.languageId === 'struktur') await d.save();
  let preset = options.preset;
  if (!preset) {
    const pick = await vscode.window.showQuickPick(PRESET_ITEMS, { placeHolder: 'Which report?' });
    if (!pick) return undefined;
    preset = pick.preset;
  }
  const base = path.basename(model.fsPath, '.struct');
  let pdf = options.output;
  if (!pdf) {
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(path.join(path.dirname(model.fsPath), `${base}.pdf`)), filters: { PDF: ['pdf'] }, saveLabel: 'Generate Report' });
    if (!target) return undefined;
    pdf = target.fsPath;
  }
  const folder = vscode.workspace.getWorkspaceFolder(model)?.uri.fsPath ?? path.dirname(model.fsPath);
  const beside = path.join(path.dirname(model.fsPath), REPORT_CONFIG_FILE);
  const config = options.config ?? (fs.existsSync(beside) ? beside : undefined);
  const cliPath = vscode.Uri.joinPath(context.extensionUri, 'dist', 'cli.js').fsPath;
  const run = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Struktur: writing the ${preset} report of ${path.basename(model.fsPath)}`, cancellable: true },
    (_p, token) => runReportCli({ cliPath, model: model.fsPath, output: pdf!, cwd: folder, preset, config, root: folder }, (kill) => token.onCancellationRequested(kill)),
  );
  output.info(`struktur report ${path.basename(model.fsPath)} → ${pdf}: exit ${run.exitCode}\n${run.stdout}${run.stderr}`);
  const written = run.exitCode <= 1 && fs.existsSync(pdf) && run.stdout.trim().length > 0;
  if (!written) {
    const why = run.stderr.replace(/^struktur: /, '').trim() || `exit code ${run.exitCode}`;
    void vscode.window.showErrorMessage(`Struktur: no report for ${path.basename(model.fsPath)}. ${why.split('\n')[0]}`, 'Show Problems', 'Show Output').then((a) => {
      if (a === 'Show Problems') return vscode.commands.executeCommand('workbench.actions.view.problems');
      if (a === 'Show Output') output.show(true);
      return undefined;
    });
    return { pdf, exitCode: run.exitCode, summary: '', notes: run.stderr.trim() };
  }
  const summary = run.stdout.trim().replace(/^[^:]*: /, '');
  const result: GenerateReportResult = { pdf, exitCode: run.exitCode, summary, notes: run.stderr.trim() };
  if (run.exitCode === 1) void vscode.window.showWarningMessage(`Struktur: ${run.stderr.replace(/^struktur: /, '').trim()}`);
  if (options.preview !== false) {
    const panel = ReportPreviewPanel.createOrShow(context.extensionUri, vscode.Uri.file(pdf), summary);
    const rendered = panel.nextRender(120000);
    if (options.waitForPreview) result.preview = await rendered;
    else rendered.catch((e) => output.warn(String(e)));
  }
  return result;
}

export function registerReport(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(GENERATE_REPORT_COMMAND, (arg?: unknown, options?: GenerateReportOptions) => generateReport(context, output, arg, options)),
    vscode.window.registerWebviewPanelSerializer(REPORT_PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: ReportPreviewState | undefined) => ReportPreviewPanel.revive(context.extensionUri, panel, state),
    }),
  ];
}
