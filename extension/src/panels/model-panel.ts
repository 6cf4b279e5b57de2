// What the model panels (3D view, dashboard) share: one panel per model (keyed by its root file)
// kept in a PanelRegistry that creates, finds, restores (webview serializer) and disposes them,
// and a ModelPanel base that wires a ModelFeed, the selection hub and the webview's common
// messages (ready, select, reveal, exportImage, error). Each panel adds only what it shows:
// `publish` turns a snapshot into its update message, `handle` answers its own messages,
// `didSaveImage` hears where an exported figure was saved.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HostToPanel, PanelToHost } from '../../../language-server/src/shared/panel-messages';
import { revealElement } from './element-link';
import { ModelFeed, type ModelSnapshot, type ResultsFetcher } from './model-feed';
import type { ResultsDocument } from '../../../language-server/src/shared/protocol';
import type { PanelContext } from './register-panels';
import { webviewHtml, webviewOptions } from './webview-html';

type Message = { type: string };

/** How one kind of model panel differs from the others in the shared plumbing. */
export interface ModelPanelKind {
  /** The bundled webview script (dist/webviews/<script>.js). */
  script: string;
  /** The selection hub's source name of this panel (its own selections are not echoed back). */
  source: string;
  /** Prefix of errors in the output channel, e.g. "3D view". */
  label: string;
  /** Lets the page set style attributes (never eval). */
  inlineStyles?: boolean;
  /** Keep the focus in the panel when revealing a declaration. */
  revealPreservesFocus?: boolean;
}

/** Where the registry files a panel and takes it out again. */
export interface PanelSet {
  add(model: string, panel: ModelPanel<Message, Message, unknown>): void;
  remove(panel: ModelPanel<Message, Message, unknown>): void;
}

/** What tests (through a command's return value) can see of any open model panel. */
export interface ModelPanelHandle<In extends Message> {
  readonly model: string;
  readonly panel: vscode.WebviewPanel;
  /** Resolves once the webview has started and asked for its content. */
  readonly ready: Promise<void>;
  readonly onDidReceive: vscode.Event<In>;
  /** Handles a message exactly as if the webview had posted it. */
  receive(message: In): Promise<void>;
}

/** `R`: what the panel's feed fetches of the results (the whole document by default). */
export abstract class ModelPanel<In extends Message, Out extends Message, R = ResultsDocument> implements vscode.Disposable, ModelPanelHandle<In> {
  protected readonly disposables: vscode.Disposable[] = [];
  private readonly received = new vscode.EventEmitter<In>();
  readonly onDidReceive = this.received.event;
  readonly ready: Promise<void>;
  private markReady!: () => void;
  protected isReady = false;
  protected disposed = false;

  protected constructor(
    protected readonly ctx: PanelContext,
    readonly panel: vscode.WebviewPanel,
    readonly feed: ModelFeed<R>,
    private readonly kind: ModelPanelKind,
    private readonly registry: PanelSet,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    registry.add(feed.current.model, this);
    panel.iconPath = vscode.Uri.joinPath(ctx.context.extensionUri, 'images', 'icon.png');
    panel.webview.html = webviewHtml({ webview: panel.webview, extensionUri: ctx.context.extensionUri, script: kind.script, title: panel.title, ...(kind.inlineStyles ? { inlineStyles: true } : {}) });
    this.disposables.push(
      feed,
      this.received,
      ctx.trackFeed(feed),
      feed.onDidUpdate((s) => {
        if (this.isReady) this.publish(s);
      }),
      panel.webview.onDidReceiveMessage((m: In) => void this.receive(m).catch((e) => ctx.output.error(`${kind.label}: ${e?.stack ?? e}`))),
      panel.onDidDispose(() => this.dispose()),
      ctx.selection.onDidChange((c) => {
        if (c.model !== this.model || c.source === kind.source) return;
        this.post({ type: 'select', element: c.element, source: c.source === 'editor' ? 'editor' : 'panel' });
      }),
      vscode.window.onDidChangeActiveColorTheme(() => this.post({ type: 'theme' })),
    );
  }

  get model(): string {
    return this.feed.current.model;
  }

  /** Handles a message exactly as if the webview had posted it. */
  async receive(message: In): Promise<void> {
    this.received.fire(message);
    const common = message as Message as PanelToHost;
    switch (common.type) {
      case 'ready': {
        this.isReady = true;
        this.markReady();
        const snapshot = this.feed.current.view || this.feed.current.lastGood ? this.feed.current : await this.feed.refresh();
        this.publish(snapshot);
        const selected = this.ctx.selection.get(this.model);
        if (selected) this.post({ type: 'select', element: selected, source: 'panel' });
        return;
      }
      case 'select':
        this.ctx.selection.set({ model: this.model, element: common.element, source: this.kind.source });
        return;
      case 'reveal': {
        const view = this.feed.current.view ?? this.feed.current.lastGood;
        if (view && !(await revealElement(view, common.element, this.kind.revealPreservesFocus ?? false))) {
          void vscode.window.showWarningMessage(`Struktur: ${common.element.kind} ${common.element.name} is no longer in the model.`);
        }
        return;
      }
      case 'exportImage':
        await this.saveImage(common.name, common.format, common.data);
        return;
      case 'error':
        this.ctx.output.error(common.message);
        return;
    }
    await this.handle(message);
  }

  /** Sends the snapshot to the webview (called only once the webview is ready). */
  protected abstract publish(s: ModelSnapshot<R>): void;

  /** The panel's own messages. */
  protected abstract handle(message: In): Promise<void>;

  /** Saves a figure the webview exported: PNG as base64, SVG as text. */
  /** Asks where to save a figure the page exported (beside the model) and writes it. */
  private async saveImage(name: string, format: 'png' | 'svg', data: string): Promise<void> {
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(figureFolder(this.model), path.basename(name)),
      filters: format === 'png' ? { 'PNG image': ['png'] } : { 'SVG image': ['svg'] },
      title: 'Save figure',
    });
    if (!target) return this.didSaveImage(name, undefined);
    await vscode.workspace.fs.writeFile(target, format === 'png' ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8'));
    const shown = vscode.workspace.asRelativePath(target);
    this.didSaveImage(name, shown);
    void vscode.window.showInformationMessage(`Struktur: saved ${shown}`);
  }

  /** After an exported figure was saved (`shown`: its workspace-relative path) or not (undefined). */
  protected didSaveImage(_name: string, _shown: string | undefined): void {}

  /** Called after each message actually posted (tests watch them through it). */
  protected didPost(_message: Out | HostToPanel): void {}

  protected post(message: Out | HostToPanel): void {
    if (!this.isReady || this.disposed) return;
    void this.panel.webview.postMessage(message);
    this.didPost(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.registry.remove(this);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The open panels of one kind, at most one per model. */
export class PanelRegistry<P extends ModelPanel<any, any, R>, R = ResultsDocument> implements PanelSet {
  private readonly open = new Map<string, P>();

  constructor(private readonly spec: {
    viewType: string;
    title(s: ModelSnapshot<R>): string;
    /** What the panel needs of the results; the whole document when absent. */
    results?: ResultsFetcher<R>;
    create(ctx: PanelContext, panel: vscode.WebviewPanel, feed: ModelFeed<R>, registry: PanelSet): P;
  }) {}

  add(model: string, panel: ModelPanel<Message, Message, unknown>): void {
    this.open.set(model, panel as P);
  }

  remove(panel: ModelPanel<Message, Message, unknown>): void {
    for (const [k, p] of this.open) if (p === panel) this.open.delete(k);
  }

  /** The open panel of the model that `uri` belongs to (any of its files). */
  find(uri: vscode.Uri | string): P | undefined {
    const key = uri.toString();
    for (const p of this.open.values()) if (p.model === key || p.feed.covers(key)) return p;
    return undefined;
  }

  /** Shows the model's panel, creating it when there is none. */
  async createOrShow(ctx: PanelContext, uri: vscode.Uri): Promise<P> {
    const existing = this.find(uri);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return existing;
    }
    const feed = new ModelFeed<R>(ctx.server, uri, this.spec.results);
    // The root of an included file's model is known once the server answered.
    const snapshot = await feed.refresh().catch(() => feed.current);
    const again = this.find(snapshot.model);
    if (again) {
      feed.dispose();
      again.panel.reveal(undefined, true);
      return again;
    }
    const panel = vscode.window.createWebviewPanel(this.spec.viewType, this.spec.title(snapshot), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(ctx.context.extensionUri));
    return this.spec.create(ctx, panel, feed, this);
  }

  /** Brings back a panel VS Code restored after a reload (its state names the model). */
  async revive(ctx: PanelContext, panel: vscode.WebviewPanel, state: { model?: string } | undefined): Promise<P | undefined> {
    if (!state?.model) {
      panel.dispose();
      return undefined;
    }
    const uri = vscode.Uri.parse(state.model);
    if (this.find(uri)) {
      panel.dispose();
      return undefined;
    }
    panel.webview.options = webviewOptions(ctx.context.extensionUri);
    return this.spec.create(ctx, panel, new ModelFeed<R>(ctx.server, uri, this.spec.results), this);
  }

  /** The serializer that restores this kind's panels after a reload, and their disposal. */
  register(ctx: PanelContext): vscode.Disposable[] {
    return [
      vscode.window.registerWebviewPanelSerializer(this.spec.viewType, {
        deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
          await this.revive(ctx, panel, state as { model?: string } | undefined);
        },
      }),
      new vscode.Disposable(() => this.disposeAll()),
    ];
  }

  disposeAll(): void {
    for (const p of [...this.open.values()]) p.dispose();
  }
}

/** A panel's title: the prefix and the model's title (or its root file's name). */
export function modelPanelTitle(prefix: string, s: ModelSnapshot<unknown>): string {
  const view = s.view ?? s.lastGood;
  const name = view?.title ?? path.basename(vscode.Uri.parse(s.model).path);
  return `${prefix} · ${name}`;
}

/** Where a figure of the model is saved by default: its workspace folder, or its own folder. */
function figureFolder(model: string): vscode.Uri {
  const modelUri = vscode.Uri.parse(model);
  return vscode.workspace.getWorkspaceFolder(modelUri)?.uri ?? vscode.Uri.file(path.dirname(modelUri.fsPath));
}
