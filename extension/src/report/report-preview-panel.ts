// The PDF preview: one panel per report file, the pages drawn by pdf.js in the webview
// (webviews/report-preview). The bytes travel in a message — the webview may read only the
// extension's dist/webviews — and a serializer brings the panel back after a reload.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  REPORT_PREVIEW_VIEW_TYPE, type HostToReportPreview, type ReportPreviewState, type ReportPreviewToHost,
} from '../../../language-server/src/shared/report-preview-messages';
import { webviewHtml, webviewOptions } from '../panels/webview-html';

export interface RenderedInfo {
  pages: number;
  firstPage: { width: number; height: number };
}

export class ReportPreviewPanel implements vscode.Disposable {
  private static readonly open = new Map<string, ReportPreviewPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedInfo | Error>();
  /** Fires when the webview has drawn the document (or failed to). */
  readonly onDidRender = this.renderedEmitter.event;
  private ready = false;
  private summary = '';

  static find(pdf: vscode.Uri): ReportPreviewPanel | undefined {
    return ReportPreviewPanel.open.get(pdf.toString());
  }

  /** Shows the PDF, in its existing panel (reloaded) or a new one beside the editor. */
  static createOrShow(extensionUri: vscode.Uri, pdf: vscode.Uri, summary: string): ReportPreviewPanel {
    const existing = ReportPreviewPanel.find(pdf);
    if (existing) {
      existing.summary = summary;
      existing.panel.reveal(undefined, true);
      existing.load();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_PREVIEW_VIEW_TYPE, `Report: ${path.basename(pdf.fsPath)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      ...webviewOptions(extensionUri),
      retainContextWhenHidden: true,
    });
    return new ReportPreviewPanel(extensionUri, panel, pdf, summary);
  }

  static revive(extensionUri: vscode.Uri, panel: vscode.WebviewPanel, state: ReportPreviewState | undefined): void {
    const pdf = state?.pdf ? vscode.Uri.parse(state.pdf) : undefined;
    if (!pdf || !fs.existsSync(pdf.fsPath) || ReportPreviewPanel.find(pdf)) {
      panel.dispose();
      return;
    }
    panel.webview.options = webviewOptions(extensionUri);
    new ReportPreviewPanel(extensionUri, panel, pdf, '');
  }

  private constructor(extensionUri: vscode.Uri, readonly panel: vscode.WebviewPanel, readonly pdf: vscode.Uri, summary: string) {
    this.summary = summary;
    ReportPreviewPanel.open.set(pdf.toString(), this);
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'resources', 'struktur-file.svg');
    panel.webview.html = webviewHtml({ webview: panel.webview, extensionUri, script: 'report-preview', title: `Report ${path.basename(pdf.fsPath)}` });
    this.disposables.push(
      this.renderedEmitter,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: ReportPreviewToHost) => this.receive(m)),
      vscode.window.onDidChangeActiveColorTheme(() => this.post({ type: 'theme' })),
    );
  }

  private post(message: HostToReportPreview): void {
    void this.panel.webview.postMessage(message);
  }

  /** Sends the file's current bytes (after a regeneration too). */
  load(): void {
    if (!this.ready) return;
    let data: Uint8Array;
    try {
      data = new Uint8Array(fs.readFileSync(this.pdf.fsPath));
    } catch (e) {
      this.renderedEmitter.fire(new Error(`Cannot read ${this.pdf.fsPath}: ${(e as Error).message}`));
      return;
    }
    this.post({ type: 'load', name: path.basename(this.pdf.fsPath), uri: this.pdf.toString(), data, summary: this.summary });
  }

  private receive(m: ReportPreviewToHost): void {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.load();
        break;
      case 'rendered':
        this.renderedEmitter.fire({ pages: m.pages, firstPage: m.firstPage });
        break;
      case 'openExternal':
        void vscode.env.openExternal(this.pdf);
        break;
      case 'revealFile':
        void vscode.commands.executeCommand('revealInExplorer', this.pdf);
        break;
      case 'error':
        this.renderedEmitter.fire(new Error(m.message));
        void vscode.window.showErrorMessage(`Struktur report preview: ${m.message}`);
        break;
    }
  }

  /** Resolves with what the webview drew next, or rejects on its error or after `ms`. */
  nextRender(ms: number): Promise<RenderedInfo> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        sub.dispose();
        reject(new Error(`The report preview did not render within ${ms} ms`));
      }, ms);
      const sub = this.onDidRender((r) => {
        clearTimeout(timer);
        sub.dispose();
        if (r instanceof Error) reject(r);
        else resolve(r);
      });
    });
  }

  dispose(): void {
    ReportPreviewPanel.open.delete(this.pdf.toString());
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
