// The commands of package.json `contributes.commands`. Each takes an optional model URI (from the
// explorer or the editor title) and, for scripts and tests, options that skip the questions.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { FlushRequest } from '../../language-server/src/shared/protocol';
import { exportResults, type ExportOptions } from './export-results';
import { fetchResults, type ResultsDocuments } from './results-document';
import { formatLength, summarize, type Summary } from './results-tables';
import type { ServerHost } from './server-host';
import { analysisMode, displayUnits } from './settings';
import { newModel } from './templates';

export interface CommandDeps {
  context: vscode.ExtensionContext;
  server: ServerHost;
  results: ResultsDocuments;
  output: vscode.LogOutputChannel;
}

const isStruktur = (d: vscode.TextDocument) => d.languageId === 'struktur';

/** The model a command is about: its argument, the active editor, or the user's pick. */
async function targetModel(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document;
  if (active && isStruktur(active)) return active.uri;
  const open = vscode.workspace.textDocuments.filter(isStruktur);
  if (open.length === 1) return open[0].uri;
  const candidates = open.length ? open.map((d) => d.uri) : await vscode.workspace.findFiles('**/*.struct', '**/node_modules/**', 200);
  if (!candidates.length) {
    void vscode.window.showErrorMessage('Struktur: open a .struct model first.');
    return undefined;
  }
  const pick = await vscode.window.showQuickPick(
    candidates.map((uri) => ({ label: path.basename(uri.fsPath), description: vscode.workspace.asRelativePath(uri), uri })),
    { placeHolder: 'Which model?' },
  );
  return pick?.uri;
}

/** Makes sure the server has the document (a model picked from the explorer may not be open). */
async function openModel(model: vscode.Uri): Promise<void> {
  if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === model.toString())) await vscode.workspace.openTextDocument(model);
}

export function describe(name: string, s: Summary, units: ReturnType<typeof displayUnits>): string {
  const parts = [`${s.cases} case${s.cases === 1 ? '' : 's'}`];
  if (s.maxUtilisation !== undefined) parts.push(`max util ${s.maxUtilisation.toFixed(2)}`);
  if (s.maxDisplacement) parts.push(`max displacement ${formatLength(s.maxDisplacement.value, units.displacement)} (${s.maxDisplacement.node}, ${s.maxDisplacement.case})`);
  return `${name}: ${parts.join(' · ')}`;
}

export function registerCommands({ context, server, results, output }: CommandDeps): vscode.Disposable[] {
  const reg = (id: string, fn: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, fn);
  return [
    reg('struktur.analyze', async (arg?: unknown): Promise<Summary | undefined> => {
      const model = await targetModel(arg);
      if (!model) return undefined;
      if (analysisMode(model) === 'off') {
        const a = await vscode.window.showInformationMessage('Struktur: analysis is off for this model (struktur.analysis.mode).', 'Open Settings');
        if (a) await vscode.commands.executeCommand('workbench.action.openSettings', 'struktur.analysis.mode');
        return undefined;
      }
      await openModel(model);
      const doc = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Struktur: analysing' }, async () => {
        const client = await server.ready();
        // Validates and analyses every open model now, whatever the mode (onSave included).
        await client.sendRequest(FlushRequest);
        return fetchResults(server, model);
      });
      if (!doc) {
        const a = await vscode.window.showWarningMessage(`Struktur: ${path.basename(model.fsPath)} was not analysed: it has errors or nothing to analyse.`, 'Show Problems');
        if (a) await vscode.commands.executeCommand('workbench.actions.view.problems');
        return undefined;
      }
      const summary = summarize(doc);
      const text = describe(doc.model, summary, displayUnits(model));
      output.info(text);
      void vscode.window.showInformationMessage(`Struktur: ${text}`, 'Show Results', 'Export…').then((a) => {
        if (a === 'Show Results') return vscode.commands.executeCommand('struktur.showResults', model);
        if (a === 'Export…') return vscode.commands.executeCommand('struktur.exportResults', model);
        return undefined;
      });
      return summary;
    }),
    reg('struktur.showResults', async (arg?: unknown): Promise<vscode.Uri | undefined> => {
      const model = await targetModel(arg);
      if (!model) return undefined;
      await openModel(model);
      return (await results.show(model))?.uri;
    }),
    reg('struktur.exportResults', async (arg?: unknown, options?: ExportOptions): Promise<vscode.Uri[]> => {
      const model = await targetModel(arg);
      if (!model) return [];
      await openModel(model);
      const doc = await fetchResults(server, model);
      if (!doc) {
        void vscode.window.showWarningMessage(`Struktur: no results to export for ${path.basename(model.fsPath)}: the model has errors or nothing to analyse.`);
        return [];
      }
      return exportResults(model, doc, options);
    }),
    reg('struktur.newModel', (id?: string) => newModel(context, typeof id === 'string' ? id : undefined)),
    reg('struktur.openModel', async () => {
      const files = await vscode.workspace.findFiles('**/*.struct', '**/node_modules/**', 500);
      if (!files.length) return vscode.commands.executeCommand('struktur.newModel');
      const pick = await vscode.window.showQuickPick(
        files.map((uri) => ({ label: path.basename(uri.fsPath), description: vscode.workspace.asRelativePath(path.dirname(uri.fsPath)), uri })),
        { placeHolder: 'Open a Struktur model' },
      );
      return pick && vscode.window.showTextDocument(pick.uri);
    }),
    reg('struktur.restartServer', () => server.restart()),
    reg('struktur.showOutput', () => output.show(true)),
  ];
}
