// `Struktur: Export Results`: the results document as JSON and/or its CSV tables (member end
// forces, node displacements, checks) in the user's display units, written beside the model or
// in a chosen folder.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ResultsDocument } from './results-types';
import { allTables, toCsv } from './results-tables';
import { displayUnits } from './settings';

export type ExportFormat = 'json' | 'csv' | 'both';

export interface ExportOptions {
  format?: ExportFormat;
  /** Folder to write into (a path or a URI); asked for when missing. */
  folder?: string | vscode.Uri;
  /** Do not offer to open the files afterwards (tests, scripts). */
  quiet?: boolean;
}

async function askFormat(): Promise<ExportFormat | undefined> {
  const items: (vscode.QuickPickItem & { format: ExportFormat })[] = [
    { label: 'JSON', description: 'struktur-results/1, SI units', format: 'json' },
    { label: 'CSV tables', description: 'member end forces, node displacements, checks — display units', format: 'csv' },
    { label: 'JSON and CSV', format: 'both' },
  ];
  return (await vscode.window.showQuickPick(items, { title: 'Export Struktur results', placeHolder: 'Format' }))?.format;
}

async function askFolder(model: vscode.Uri): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false, canSelectFolders: true, canSelectMany: false,
    defaultUri: vscode.Uri.joinPath(model, '..'), openLabel: 'Export here', title: 'Folder for the exported results',
  });
  return picked?.[0];
}

/** Writes the files; returns their URIs (empty when the user cancelled). */
export async function exportResults(model: vscode.Uri, results: ResultsDocument, options: ExportOptions = {}): Promise<vscode.Uri[]> {
  const format = options.format ?? (await askFormat());
  if (!format) return [];
  const folder = typeof options.folder === 'string' ? vscode.Uri.file(options.folder) : options.folder ?? (await askFolder(model));
  if (!folder) return [];
  const base = path.posix.basename(model.path).replace(/\.struct$/, '');
  const written: vscode.Uri[] = [];
  const write = async (name: string, text: string) => {
    const uri = vscode.Uri.joinPath(folder, name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    written.push(uri);
  };
  await vscode.workspace.fs.createDirectory(folder);
  if (format === 'json' || format === 'both') await write(`${base}.results.json`, JSON.stringify(results, null, 2) + '\n');
  if (format === 'csv' || format === 'both') {
    for (const table of allTables(results, displayUnits(model))) await write(`${base}.${table.name}.csv`, toCsv(table));
  }
  if (!options.quiet) {
    void vscode.window.showInformationMessage(`Struktur: exported ${written.length} file${written.length === 1 ? '' : 's'} to ${folder.fsPath}`, 'Open')
      .then((a) => a && vscode.window.showTextDocument(written[0]));
  }
  return written;
}
