// The 3D view's panel: one per model (keyed by its root file), fed by a ModelFeed, restored by a
// webview serializer after a reload, linked to the editor through the selection hub (a click in
// the view reveals the declaration; the cursor on a declaration highlights the element).
import * as vscode from 'vscode';
import { MODEL3D_VIEW_TYPE, type HostToModel3d, type Model3dToHost, type Model3dUpdate, type ParticipantSelectionView } from '../../../language-server/src/shared/model3d-messages';
import type { ElementRef } from '../../../language-server/src/shared/panel-messages';
import type { ModelFeed, ModelSnapshot } from './model-feed';
import { ModelPanel, PanelRegistry, figureFolder, modelPanelTitle, type ModelPanelHandle, type ModelPanelKind, type PanelSet } from './model-panel';
import type { PanelContext } from './register-panels';

export const OPEN_3D_VIEW_COMMAND = 'struktur.open3DView';
const SOURCE = 'model3d';

/** What tests (through the extension's API) can see of an open 3D view. */
export interface Model3dPanelHandle extends ModelPanelHandle<Model3dToHost> {
  /** The element the webview reported it highlights after the last selection from outside. */
  readonly highlighted: ElementRef | null;
  /** What the webview reported it draws of the live-session participants' selections. */
  readonly participantsShown: readonly ParticipantSelectionView[];
}

const KIND: ModelPanelKind = { script: 'model3d', source: SOURCE, label: '3D view' };

export class Model3dPanel extends ModelPanel<Model3dToHost, HostToModel3d> implements Model3dPanelHandle {
  highlighted: ElementRef | null = null;
  participantsShown: readonly ParticipantSelectionView[] = [];
  /** The participants' selections last posted (JSON), so an unchanged set is not posted again. */
  private postedParticipants: string | undefined;
  /** The model our selection was last published under (a restored panel may learn its root later). */
  private publishedModel: string | undefined;

  constructor(ctx: PanelContext, panel: vscode.WebviewPanel, feed: ModelFeed, registry: PanelSet) {
    super(ctx, panel, feed, KIND, registry);
    const hub = ctx.participants;
    this.disposables.push(
      hub.onDidChangeRemote((models) => {
        if (models.includes(hub.canonical(this.model))) this.postParticipants();
      }),
      // What this view highlights as selected — a click here, Esc, the editor's cursor, the
      // dashboard — is our selection in the 3D view for a live session to show the others.
      ctx.selection.onDidChange((c) => {
        if (c.model === this.model) this.publishSelection(c.element);
      }),
    );
  }

  override async receive(message: Model3dToHost): Promise<void> {
    await super.receive(message);
    if (message.type === 'ready') {
      // A (re)started page has nothing drawn: send the participants again, and our selection.
      this.postedParticipants = undefined;
      this.postParticipants();
      this.publishSelection(this.ctx.selection.get(this.model));
    }
  }

  protected async handle(message: Model3dToHost): Promise<void> {
    switch (message.type) {
      case 'highlighted':
        this.highlighted = message.element;
        break;
      case 'participantsShown':
        this.participantsShown = message.selections;
        break;
    }
  }

  private postParticipants(): void {
    if (!this.isReady) return;
    const selections: ParticipantSelectionView[] = this.ctx.participants.remoteOf(this.model).map((p) => ({ name: p.name, colour: p.colour, elements: p.elements }));
    const text = JSON.stringify(selections);
    if (text === this.postedParticipants) return;
    this.postedParticipants = text;
    this.post({ type: 'participants', selections });
  }

  private publishSelection(element: ElementRef | null): void {
    if (this.publishedModel && this.publishedModel !== this.model) this.ctx.participants.clearLocal(this.publishedModel);
    this.publishedModel = this.model;
    this.ctx.participants.setLocal(this.model, element ? [element] : []);
  }

  override dispose(): void {
    if (!this.disposed && this.publishedModel) this.ctx.participants.clearLocal(this.publishedModel);
    super.dispose();
  }

  protected publish(s: ModelSnapshot): void {
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

  protected async saveImage(name: string, format: 'png' | 'svg', data: string): Promise<void> {
    const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(figureFolder(this.model), name), filters: format === 'png' ? { 'PNG image': ['png'] } : { 'SVG image': ['svg'] } });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, format === 'png' ? Buffer.from(data, 'base64') : Buffer.from(data, 'utf8'));
    void vscode.window.showInformationMessage(`Struktur: saved ${vscode.workspace.asRelativePath(target)}`);
  }
}

const panels = new PanelRegistry<Model3dPanel>({
  viewType: MODEL3D_VIEW_TYPE,
  title: panelTitle,
  create: (ctx, panel, feed, registry) => new Model3dPanel(ctx, panel, feed, registry),
});

function panelTitle(s: ModelSnapshot): string {
  return modelPanelTitle('3D', s);
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
      return panels.createOrShow(ctx, uri);
    }),
    ...panels.register(ctx),
  ];
}
