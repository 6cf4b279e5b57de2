// The results dashboard's panel: one per model (keyed by its root file), fed by a ModelFeed that
// follows edits and analyses, restored by a webview serializer after a reload, linked through the
// selection hub (a row or bar clicked there reveals the declaration and selects the member in the
// 3D view; the cursor on a declaration selects it there). The webview gets a digest of the results
// and the stations of one member at a time (dashboard-digest.ts), so a large model never crosses
// the channel whole.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { dashboardModel, digestResults, memberSeries } from '../../../language-server/src/shared/dashboard-digest';
import {
  DASHBOARD_VIEW_TYPE, type DashboardModel, type DashboardState, type DashboardToHost, type HostToDashboard, type ResultsDigest,
} from '../../../language-server/src/shared/dashboard-messages';
import type { ResultsDocument } from '../../../language-server/src/shared/protocol';
import { revealElement } from './element-link';
import { ModelFeed, type ModelSnapshot } from './model-feed';
import type { PanelContext } from './register-panels';
import { webviewHtml, webviewOptions } from './webview-html';

export const OPEN_DASHBOARD_COMMAND = 'struktur.openDashboard';
const SOURCE = 'dashboard';

/** What tests (through the command's return value) can see of an open dashboard. */
export interface DashboardPanelHandle {
  readonly model: string;
  readonly panel: vscode.WebviewPanel;
  /** Resolves once the webview has started and asked for its content. */
  readonly ready: Promise<void>;
  /** The last `update` posted to the webview, and how many there were. */
  readonly lastUpdate: Extract<HostToDashboard, { type: 'update' }> | undefined;
  readonly updates: number;
  readonly onDidPost: vscode.Event<HostToDashboard>;
  readonly onDidReceive: vscode.Event<DashboardToHost>;
  /** Handles a message exactly as if the webview had posted it. */
  receive(message: DashboardToHost): Promise<void>;
}

export class DashboardPanel implements vscode.Disposable, DashboardPanelHandle {
  private static readonly open = new Map<string, DashboardPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly received = new vscode.EventEmitter<DashboardToHost>();
  private readonly posted = new vscode.EventEmitter<HostToDashboard>();
  readonly onDidReceive = this.received.event;
  readonly onDidPost = this.posted.event;
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private isReady = false;
  private disposed = false;
  lastUpdate: Extract<HostToDashboard, { type: 'update' }> | undefined;
  updates = 0;
  // The digest of the last results document (the feed hands the same object until it changes).
  private digested: { of: ResultsDocument; digest: ResultsDigest } | undefined;

  /** The open dashboard of the model that `uri` belongs to (any of its files). */
  static find(uri: vscode.Uri | string): DashboardPanel | undefined {
    const key = uri.toString();
    for (const p of DashboardPanel.open.values()) if (p.model === key || p.feed.covers(key)) return p;
    return undefined;
  }

  /** Shows the model's dashboard, creating it when there is none. */
  static async createOrShow(ctx: PanelContext, uri: vscode.Uri): Promise<DashboardPanel> {
    const existing = DashboardPanel.find(uri);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const feed = new ModelFeed(ctx.server, uri);
    // The root of an included file's model is known once the server answered.
    const snapshot = await feed.refresh().catch(() => feed.current);
    const again = DashboardPanel.find(snapshot.model);
    if (again) {
      feed.dispose();
      again.panel.reveal(undefined, true);
      return again;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, panelTitle(snapshot), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(ctx.context.extensionUri));
    return new DashboardPanel(ctx, panel, feed);
  }

  /** Brings back a dashboard VS Code restored after a reload (its state names the model). */
  static async revive(ctx: PanelContext, panel: vscode.WebviewPanel, state: DashboardState | undefined): Promise<DashboardPanel | undefined> {
    if (!state?.model) {
      panel.dispose();
      return undefined;
    }
    const uri = vscode.Uri.parse(state.model);
    if (DashboardPanel.find(uri)) {
      panel.dispose();
      return undefined;
    }
    panel.webview.options = webviewOptions(ctx.context.extensionUri);
    return new DashboardPanel(ctx, panel, new ModelFeed(ctx.server, uri));
  }

  private constructor(private readonly ctx: PanelContext, readonly panel: vscode.WebviewPanel, private readonly feed: ModelFeed) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    DashboardPanel.open.set(feed.current.model, this);
    panel.iconPath = vscode.Uri.joinPath(ctx.context.extensionUri, 'images', 'icon.png');
    // Plotly's SVG charts set style attributes: this panel alone allows inline styles (never eval).
    panel.webview.html = webviewHtml({ webview: panel.webview, extensionUri: ctx.context.extensionUri, script: 'dashboard', title: panel.title, inlineStyles: true });
    this.disposables.push(
      feed,
      this.received,
      this.posted,
      ctx.trackFeed(feed),
      feed.onDidUpdate((s) => this.publish(s)),
      panel.webview.onDidReceiveMessage((m: DashboardToHost) => void this.receive(m).catch((e) => ctx.output.error(`Dashboard: ${e?.stack ?? e}`))),
      panel.onDidDispose(() => this.dispose()),
      ctx.selection.onDidChange((c) => {
        if (c.model !== this.model || c.source === SOURCE) return;
        this.post({ type: 'select', element: c.element, source: c.source === 'editor' ? 'editor' : 'panel' });
      }),
      vscode.window.onDidChangeActiveColorTheme(() => this.post({ type: 'theme' })),
    );
  }

  get model(): string {
    return this.feed.current.model;
  }

  async receive(message: DashboardToHost): Promise<void> {
    this.received.fire(message);
    switch (message.type) {
      case 'ready': {
        this.isReady = true;
        this.markReady();
        const snapshot = this.feed.current.view || this.feed.current.lastGood ? this.feed.current : await this.feed.refresh();
        this.publish(snapshot);
        const selected = this.ctx.selection.get(this.model);
        if (selected) this.post({ type: 'select', element: selected, source: 'panel' });
        break;
      }
      case 'select':
        this.ctx.selection.set({ model: this.model, element: message.element, source: SOURCE });
        break;
      case 'reveal': {
        const view = this.feed.current.view ?? this.feed.current.lastGood;
        // Focus stays here, so the engineer can walk down the table while the editor follows.
        if (view && !(await revealElement(view, message.element, true))) {
          void vscode.window.showWarningMessage(`Struktur: ${message.element.kind} ${message.element.name} is no longer in the model.`);
        }
        break;
      }
      case 'memberRequest': {
        const s = this.feed.current;
        const view = s.lastGood ?? s.view;
        const length = view?.members.find((m) => m.name === message.element.name)?.length;
        this.post({ type: 'member', series: s.results ? memberSeries(s.results, message.element.name, length) : null });
        break;
      }
      case 'exportImage':
        await this.saveImage(message.name, message.format, message.data);
        break;
      case 'error':
        this.ctx.output.error(message.message);
        break;
    }
  }

  private publish(s: ModelSnapshot): void {
    if (!this.isReady) return;
    // Counts and lengths from the last good view (what the results belong to); validity from the newest.
    const base = s.lastGood ?? s.view;
    let model: DashboardModel | null = null;
    if (base) {
      model = dashboardModel(base);
      if (s.view) model = { ...model, valid: s.view.valid, errors: s.view.errors };
    }
    if (s.results && this.digested?.of !== s.results) this.digested = { of: s.results, digest: digestResults(s.results) };
    const status = s.status;
    this.panel.title = panelTitle(s);
    this.post({
      type: 'update',
      model,
      results: s.results ? this.digested!.digest : null,
      status: { resultsCurrent: s.resultsCurrent, ...(status ? { analysis: status.state } : {}), ...(status?.message ? { message: status.message } : {}) },
    });
  }

  private post(message: HostToDashboard): void {
    if (!this.isReady || this.disposed) return;
    if (message.type === 'update') {
      this.lastUpdate = message;
      this.updates++;
    }
    void this.panel.webview.postMessage(message);
    this.posted.fire(message);
  }

  private async saveImage(name: string, format: 'png' | 'svg', data: string): Promise<void> {
    const modelUri = vscode.Uri.parse(this.model);
    const folder = vscode.workspace.getWorkspaceFolder(modelUri)?.uri ?? vscode.Uri.file(path.dirname(modelUri.fsPath));
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(folder, path.basename(name)),
      filters: format === 'png' ? { 'PNG image': ['png'] } : { 'SVG image': ['svg'] },
      title: 'Save figure',
    });
    if (!target) {
      this.post({ type: 'exported', name });
      return;
    }
    await vscode.workspace.fs.writeFile(target, format === 'png' ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8'));
    const shown = vscode.workspace.asRelativePath(target);
    this.post({ type: 'exported', name, path: shown });
    void vscode.window.showInformationMessage(`Struktur: saved ${shown}`);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const [k, p] of DashboardPanel.open) if (p === this) DashboardPanel.open.delete(k);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  static disposeAll(): void {
    for (const p of [...DashboardPanel.open.values()]) p.dispose();
  }
}

function panelTitle(s: ModelSnapshot): string {
  const view = s.view ?? s.lastGood;
  const name = view?.title ?? path.basename(vscode.Uri.parse(s.model).path);
  return `Dashboard · ${name}`;
}

/** The model a command is about: its argument, the active Struktur editor, or the only open model. */
async function targetModel(arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === 'struktur') return active.uri;
  const open = vscode.workspace.textDocuments.filter((d) => d.languageId === 'struktur');
  if (open.length === 1) return open[0].uri;
  if (open.length > 1) {
    const pick = await vscode.window.showQuickPick(open.map((d) => ({ label: path.basename(d.uri.fsPath), description: vscode.workspace.asRelativePath(d.uri), uri: d.uri })), { placeHolder: 'Which model?' });
    return pick?.uri;
  }
  void vscode.window.showErrorMessage('Struktur: open a .struct model to see its dashboard.');
  return undefined;
}

/** The command (`Struktur: Open Dashboard`) and the serializer that restores open dashboards
 * after a reload. */
export function registerDashboardPanel(ctx: PanelContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(OPEN_DASHBOARD_COMMAND, async (arg?: unknown): Promise<DashboardPanelHandle | undefined> => {
      const uri = await targetModel(arg);
      if (!uri) return undefined;
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) await vscode.workspace.openTextDocument(uri);
      return DashboardPanel.createOrShow(ctx, uri);
    }),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        await DashboardPanel.revive(ctx, panel, state as DashboardState | undefined);
      },
    }),
    new vscode.Disposable(() => DashboardPanel.disposeAll()),
  ];
}
