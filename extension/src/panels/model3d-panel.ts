// The 3D view's panel: one per model (keyed by its root file), fed by a ModelFeed, restored by a
// webview serializer after a reload, linked to the editor through the selection hub (a click in
// the view reveals the declaration; the cursor on a declaration highlights the element).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MODEL3D_VIEW_TYPE, type HostToModel3d, type Model3dState, type Model3dToHost, type Model3dUpdate } from '../../../language-server/src/shared/model3d-messages';
import type { ElementRef } from '../../../language-server/src/shared/panel-messages';
import { revealElement } from './element-link';
import { ModelFeed, type ModelSnapshot } from './model-feed';
import type { PanelContext } from './register-panels';
import { webviewHtml, webviewOptions } from './webview-html';

export const OPEN_3D_VIEW_COMMAND = 'struktur.open3DView';
const SOURCE = 'model3d';

/** What tests (through the extension's API) can see of an open 3D view. */
export interface Model3dPanelHandle {
  readonly model: string;
  readonly panel: vscode.WebviewPanel;
  /** Resolves once the webview has started and asked for its content. */
  readonly ready: Promise<void>;
  /** The element the webview reported it highlights after the last selection from outside. */
  readonly highlighted: ElementRef | null;
  readonly onDidReceive: vscode.Event<Model3dToHost>;
  /** Handles a message exactly as if the webview had posted it. */
  receive(message: Model3dToHost): Promise<void>;
}

export class Model3dPanel implements vscode.Disposable, Model3dPanelHandle {
  private static readonly open = new Map<string, Model3dPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly received = new vscode.EventEmitter<Model3dToHost>();
  readonly onDidReceive = this.received.event;
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private isReady = false;
  highlighted: ElementRef | null = null;
  private disposed = false;

  /** The open view of the model that `uri` belongs to (any of its files). */
  static find(uri: vscode.Uri | string): Model3dPanel | undefined {
    const key = uri.toString();
    for (const p of Model3dPanel.open.values()) if (p.model === key || p.feed.covers(key)) return p;
    return undefined;
  }

  /** Shows the model's view, creating it when there is none. */
  static async createOrShow(ctx: PanelContext, uri: vscode.Uri): Promise<Model3dPanel> {
    const existing = Model3dPanel.find(uri);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const feed = new ModelFeed(ctx.server, uri);
    // The root of an included file's model is known once the server answered.
    const snapshot = await feed.refresh().catch(() => feed.current);
    const again = Model3dPanel.find(snapshot.model);
    if (again) {
      feed.dispose();
      again.panel.reveal(undefined, true);
      return again;
    }
    const title = panelTitle(snapshot);
    const panel = vscode.window.createWebviewPanel(MODEL3D_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(ctx.context.extensionUri));
    return new Model3dPanel(ctx, panel, feed);
  }

  /** Brings back a view VS Code restored after a reload (its state names the model). */
  static async revive(ctx: PanelContext, panel: vscode.WebviewPanel, state: Model3dState | undefined): Promise<Model3dPanel | undefined> {
    if (!state?.model) {
      panel.dispose();
      return undefined;
    }
    const uri = vscode.Uri.parse(state.model);
    if (Model3dPanel.find(uri)) {
      panel.dispose();
      return undefined;
    }
    panel.webview.options = webviewOptions(ctx.context.extensionUri);
    const feed = new ModelFeed(ctx.server, uri);
    return new Model3dPanel(ctx, panel, feed);
  }

  private constructor(private readonly ctx: PanelContext, readonly panel: vscode.WebviewPanel, private readonly feed: ModelFeed) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    Model3dPanel.open.set(feed.current.model, this);
    panel.iconPath = vscode.Uri.joinPath(ctx.context.extensionUri, 'images', 'icon.png');
    panel.webview.html = webviewHtml({ webview: panel.webview, extensionUri: ctx.context.extensionUri, script: 'model3d', title: panel.title });
    this.disposables.push(
      feed,
      this.received,
      ctx.trackFeed(feed),
      feed.onDidUpdate((s) => this.publish(s)),
      panel.webview.onDidReceiveMessage((m: Model3dToHost) => void this.receive(m).catch((e) => ctx.output.error(`3D view: ${e?.stack ?? e}`))),
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

  async receive(message: Model3dToHost): Promise<void> {
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
        if (view && !(await revealElement(view, message.element))) {
          void vscode.window.showWarningMessage(`Struktur: ${message.element.kind} ${message.element.name} is no longer in the model.`);
        }
        break;
      }
      case 'highlighted':
        this.highlighted = message.element;
        break;
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
    const stale = !!s.view && !s.view.valid;
    const view = stale ? (s.lastGood ?? s.view) : s.view;
    const state = s.status?.state;
    const update: Model3dUpdate = {
      type: 'model',
      model: s.model,
      view,
      results: s.results,
      stale,
      errors: s.view?.errors ?? 0,
      resultsStale: !s.resultsCurrent,
      analysis: state === 'running' ? 'running' : state === 'failed' ? `failed${s.status?.message ? `: ${s.status.message}` : ''}` : s.status?.message,
    };
    this.panel.title = panelTitle(s);
    this.post(update);
  }

  private post(message: HostToModel3d): void {
    if (!this.isReady || this.disposed) return;
    void this.panel.webview.postMessage(message);
  }

  private async saveImage(name: string, format: 'png' | 'svg', data: string): Promise<void> {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(this.model))?.uri ?? vscode.Uri.file(path.dirname(vscode.Uri.parse(this.model).fsPath));
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(folder, name), filters: format === 'png' ? { 'PNG image': ['png'] } : { 'SVG image': ['svg'] } });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, format === 'png' ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8'));
    void vscode.window.showInformationMessage(`Struktur: saved ${vscode.workspace.asRelativePath(target)}`);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (Model3dPanel.open.get(this.model) === this) Model3dPanel.open.delete(this.model);
    for (const [k, p] of Model3dPanel.open) if (p === this) Model3dPanel.open.delete(k);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  static disposeAll(): void {
    for (const p of [...Model3dPanel.open.values()]) p.dispose();
  }
}

function panelTitle(s: ModelSnapshot): string {
  const view = s.view ?? s.lastGood;
  const name = view?.title ?? path.basename(vscode.Uri.parse(s.model).path);
  return `3D · ${name}`;
}

/** The command (`Struktur: Open 3D View`, also on the editor title of .struct files) and the
 * serializer that restores open views after a reload. */
export function registerModel3dPanel(ctx: PanelContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(OPEN_3D_VIEW_COMMAND, async (arg?: unknown): Promise<Model3dPanelHandle | undefined> => {
      const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.languageId === 'struktur' ? vscode.window.activeTextEditor.document.uri : undefined;
      if (!uri) {
        void vscode.window.showErrorMessage('Struktur: open a .struct model to see it in 3D.');
        return undefined;
      }
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) await vscode.workspace.openTextDocument(uri);
      return Model3dPanel.createOrShow(ctx, uri);
    }),
    vscode.window.registerWebviewPanelSerializer(MODEL3D_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
        await Model3dPanel.revive(ctx, panel, state as Model3dState | undefined);
      },
    }),
    new vscode.Disposable(() => Model3dPanel.disposeAll()),
  ];
}
