// `Struktur: Show Results`: a read-only virtual document (scheme `struktur-results`) holding the
// model's struktur-results/1 document as the server answers struktur/results. It refreshes when
// the model is analysed again.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ResultsRequest } from '../../language-server/src/shared/protocol';
import type { ResultsDocument } from './results-types';
import type { ServerHost } from './server-host';

export const RESULTS_SCHEME = 'struktur-results';

/** The virtual document of a model: `struktur-results:/NAME.results.json?MODEL-URI`. */
export function resultsUri(model: vscode.Uri): vscode.Uri {
  const base = path.posix.basename(model.path).replace(/\.struct$/, '');
  return vscode.Uri.from({ scheme: RESULTS_SCHEME, path: `/${base}.results.json`, query: model.toString() });
}

export function modelOf(results: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(results.query);
}

export async function fetchResults(server: ServerHost, model: vscode.Uri): Promise<ResultsDocument | null> {
  const client = await server.ready();
  return client.sendRequest(ResultsRequest, { uri: model.toString() });
}

export class ResultsDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** Answers fetched by the command that opens the document, so it is not asked twice. */
  private readonly prefetched = new Map<string, ResultsDocument | null>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly server: ServerHost) {
    this.disposables.push(
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(RESULTS_SCHEME, this),
      server.onStatus((s) => {
        if (s.state !== 'done' && s.state !== 'skipped') return;
        for (const doc of vscode.workspace.textDocuments) {
          if (doc.uri.scheme === RESULTS_SCHEME && s.files.includes(modelOf(doc.uri).toString())) this.changed.fire(doc.uri);
        }
      }),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    const results = this.prefetched.has(key) ? this.prefetched.get(key) : await fetchResults(this.server, modelOf(uri));
    this.prefetched.delete(key);
    if (!results) {
      return JSON.stringify({ note: `No results for ${modelOf(uri).fsPath}: the model has errors or nothing to analyse.` }, null, 2) + '\n';
    }
    return JSON.stringify(results, null, 2) + '\n';
  }

  /** Opens the results of `model` beside the editor. Returns the document, or undefined (with a
   * message to the user) when the model has no results. */
  async show(model: vscode.Uri): Promise<vscode.TextDocument | undefined> {
    const results = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Struktur: analysing' },
      () => fetchResults(this.server, model),
    );
    if (!results) {
      const choice = await vscode.window.showWarningMessage(
        `Struktur: no results for ${path.basename(model.fsPath)}: the model has errors or nothing to analyse.`, 'Show Problems');
      if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
      return undefined;
    }
    const uri = resultsUri(model);
    this.prefetched.set(uri.toString(), results);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) this.changed.fire(uri);
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== 'json') doc = await vscode.languages.setTextDocumentLanguage(doc, 'json');
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: false });
    return doc;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
