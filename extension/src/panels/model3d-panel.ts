// The 3D view's panel: one per model (keyed by its root file), fed by a ModelFeed of the results
// index (struktur/resultsIndex: every case's name, the checks — no node or member data), restored
// by a webview serializer after a reload, linked to the editor through the selection hub (a click
// in the view reveals the declaration; the cursor on a declaration highlights the element). The
// view shows one case at a time and asks for it (`caseRequest`); the panel fetches that case alone
// (struktur/caseResults, pinned to the index's id) and posts it, and after a new analysis fetches
// the case shown before posting the new index, so the view redraws in one step.
import * as vscode from 'vscode';
import { indexHasCase, type ResultsIndex } from '../../../language-server/src/shared/case-view';
import { MODEL3D_VIEW_TYPE, type HostToModel3d, type Model3dCase, type Model3dToHost, type Model3dUpdate, type ParticipantSelectionView } from '../../../language-server/src/shared/model3d-messages';
import type { ElementRef } from '../../../language-server/src/shared/panel-messages';
import { CaseResultsRequest, ResultsIndexRequest, type CaseResult } from '../../../language-server/src/shared/protocol';
import type { ModelFeed, ModelSnapshot, ResultsFetcher } from './model-feed';
import { ModelPanel, PanelRegistry, modelPanelTitle, type ModelPanelHandle, type ModelPanelKind, type PanelSet } from './model-panel';
import type { PanelContext } from './register-panels';

export const OPEN_3D_VIEW_COMMAND = 'struktur.open3DView';
const SOURCE = 'model3d';

/** What tests (through the extension's API) can see of an open 3D view. */
export interface Model3dPanelHandle extends ModelPanelHandle<Model3dToHost> {
  /** The element the webview reported it highlights after the last selection from outside. */
  readonly highlighted: ElementRef | null;
  /** What the webview reported it draws of the live-session participants' selections. */
  readonly participantsShown: readonly ParticipantSelectionView[];
  /** The last `model` message posted; the cases posted (alone or with a model message), the
   * latest last (the last 100), and the last of them: what crossed the webview channel. */
  readonly lastUpdate: Model3dUpdate | undefined;
  readonly casesPosted: readonly { name: string; id: string }[];
  readonly lastCase: Model3dCase | undefined;
  readonly onDidPost: vscode.Event<HostToModel3d>;
}

/** The 3D view needs the index of the results and then the one case it shows. */
const indexOnly: ResultsFetcher<ResultsIndex> = (client, uri) => client.sendRequest(ResultsIndexRequest, { uri });

const KIND: ModelPanelKind = { script: 'model3d', source: SOURCE, label: '3D view' };

export class Model3dPanel extends ModelPanel<Model3dToHost, HostToModel3d, ResultsIndex> implements Model3dPanelHandle {
  highlighted: ElementRef | null = null;
  participantsShown: readonly ParticipantSelectionView[] = [];
  lastUpdate: Model3dUpdate | undefined;
  casesPosted: { name: string; id: string }[] = [];
  lastCase: Model3dCase | undefined;
  private readonly postEmitter = new vscode.EventEmitter<HostToModel3d>();
  readonly onDidPost = this.postEmitter.event;
  /** The case the page shows (its last `caseRequest`), fetched with each new index. */
  private shownCase: string | undefined;
  /** The one case fetched last, of one index (the page asks for one case at a time). */
  private fetched: { id: string; name: string; result: Promise<CaseResult | null | undefined> } | undefined;
  /** The index id and case the page has been sent, so an unchanged one is not fetched again. */
  private pageHas: { id: string; name: string } | undefined;
  /** Counts publishes: a model message waiting for its case is dropped when a newer one starts. */
  private publishing = 0;
  /** The participants' selections last posted (JSON), so an unchanged set is not posted again. */
  private postedParticipants: string | undefined;
  /** The model our selection was last published under (a restored panel may learn its root later). */
  private publishedModel: string | undefined;

  constructor(ctx: PanelContext, panel: vscode.WebviewPanel, feed: ModelFeed<ResultsIndex>, registry: PanelSet) {
    super(ctx, panel, feed, KIND, registry);
    const hub = ctx.participants;
    this.disposables.push(
      this.postEmitter,
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
    // A (re)started page holds no case.
    if (message.type === 'ready') this.pageHas = undefined;
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
      case 'caseRequest':
        await this.answerCase(message.name, message.id);
        break;
    }
  }

  /** The page shows case `name` and holds index `id`: post that case, unless the panel has a
   * newer index by now (its model message, with the case, is on its way or already sent). */
  private async answerCase(name: string, id: string | null): Promise<void> {
    this.shownCase = name;
    const index = this.feed.current.results;
    if (id === null || !index || index.id !== id) return;
    const result = await this.caseOf(index, name);
    // undefined: the server's results moved on; the feed brings the new index (and its case).
    if (result === undefined || this.feed.current.results?.id !== id || this.shownCase !== name) return;
    const message: Model3dCase = { type: 'case', id, name, result };
    this.pageHas = { id, name };
    this.post(message);
  }

  /** Case `name` of `index` from the server: null when the results have no such case, undefined
   * when the server's results are no longer this index's. One fetch per case and index. */
  private caseOf(index: ResultsIndex, name: string): Promise<CaseResult | null | undefined> {
    const f = this.fetched;
    if (f && f.id === index.id && f.name === name) return f.result;
    const result = indexHasCase(index, name)
      ? this.ctx.server.ready()
        .then((client) => client.sendRequest(CaseResultsRequest, { uri: this.model, case: name, id: index.id }))
        // A case the index lists answers null only when the results are another document now.
        .then((r) => r ?? undefined)
      : Promise.resolve(null);
    const entry = { id: index.id, name, result };
    this.fetched = entry;
    // A failed fetch is not kept: the next request tries again.
    result.catch(() => {
      if (this.fetched === entry) this.fetched = undefined;
    });
    return result;
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

  /** Posts the snapshot; with a new index, first fetches the case the page shows, so the page
   * redraws once with both. A newer snapshot arriving meanwhile supersedes this one. */
  protected publish(s: ModelSnapshot<ResultsIndex>): void {
    const generation = ++this.publishing;
    const index = s.results, name = this.shownCase;
    const has = this.pageHas;
    if (!index || name === undefined || !indexHasCase(index, name) || (has && has.id === index.id && has.name === name)) {
      this.postUpdate(s, undefined);
      return;
    }
    void this.caseOf(index, name).then(
      (result) => {
        if (generation !== this.publishing || this.disposed) return;
        this.postUpdate(s, result === undefined ? undefined : { type: 'case', id: index.id, name, result });
      },
      (e) => {
        if (generation !== this.publishing || this.disposed) return;
        this.ctx.output.error(`3D view: case ${name}: ${e instanceof Error ? e.message : String(e)}`);
        // Without its case: the page asks for it again.
        this.postUpdate(s, undefined);
      },
    );
  }

  private postUpdate(s: ModelSnapshot<ResultsIndex>, withCase: Model3dCase | undefined): void {
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
    if (withCase) {
      update.case = withCase;
      this.pageHas = { id: withCase.id, name: withCase.name };
    }
    this.panel.title = panelTitle(s);
    this.post(update);
  }

  protected override didPost(message: HostToModel3d): void {
    if (message.type === 'model') this.lastUpdate = message;
    const posted = message.type === 'model' ? message.case : message.type === 'case' ? message : undefined;
    if (posted) {
      this.lastCase = posted;
      // Names only, and not forever: a case of a large model is tens of megabytes.
      this.casesPosted.push({ name: posted.name, id: posted.id });
      if (this.casesPosted.length > 100) this.casesPosted.splice(0, this.casesPosted.length - 100);
    }
    this.postEmitter.fire(message);
  }
}

const panels = new PanelRegistry<Model3dPanel, ResultsIndex>({
  viewType: MODEL3D_VIEW_TYPE,
  title: panelTitle,
  results: indexOnly,
  create: (ctx, panel, feed, registry) => new Model3dPanel(ctx, panel, feed, registry),
});

function panelTitle(s: ModelSnapshot<ResultsIndex>): string {
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
