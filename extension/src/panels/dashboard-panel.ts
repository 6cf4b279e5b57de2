// The results dashboard's panel: one per model (keyed by its root file), fed by a ModelFeed that
// follows edits and analyses, restored by a webview serializer after a reload, linked through the
// selection hub (a row or bar clicked there reveals the declaration and selects the member in the
// 3D view; the cursor on a declaration selects it there). The server sends a digest of the results
// (struktur/resultsDigest) and the stations of one member at a time (struktur/memberSeries), so a
// large model's stations cross neither the LSP connection nor the webview channel.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { dashboardModel } from '../../../language-server/src/shared/dashboard-digest';
import {
  DASHBOARD_VIEW_TYPE, type DashboardModel, type DashboardToHost, type HostToDashboard, type ResultsDigest,
} from '../../../language-server/src/shared/dashboard-messages';
import { MemberSeriesRequest, ResultsDigestRequest } from '../../../language-server/src/shared/protocol';
import type { ModelFeed, ModelSnapshot, ResultsFetcher } from './model-feed';
import { ModelPanel, PanelRegistry, modelPanelTitle, type ModelPanelHandle, type ModelPanelKind, type PanelSet } from './model-panel';
import type { PanelContext } from './register-panels';

export const OPEN_DASHBOARD_COMMAND = 'struktur.openDashboard';
const SOURCE = 'dashboard';

/** What tests (through the command's return value) can see of an open dashboard. */
export interface DashboardPanelHandle extends ModelPanelHandle<DashboardToHost> {
  /** The last `update` posted to the webview, and how many there were. */
  readonly lastUpdate: Extract<HostToDashboard, { type: 'update' }> | undefined;
  readonly updates: number;
  readonly onDidPost: vscode.Event<HostToDashboard>;
}

const KIND: ModelPanelKind = { script: 'dashboard', source: SOURCE, label: 'Dashboard', inlineStyles: true, revealPreservesFocus: true };

/** The dashboard needs the digest, never the stations of every member. */
const digestOnly: ResultsFetcher<ResultsDigest> = (client, uri) => client.sendRequest(ResultsDigestRequest, { uri });

export class DashboardPanel extends ModelPanel<DashboardToHost, HostToDashboard, ResultsDigest> implements DashboardPanelHandle {
  private readonly postEmitter = new vscode.EventEmitter<HostToDashboard>();
  readonly onDidPost = this.postEmitter.event;
  lastUpdate: Extract<HostToDashboard, { type: 'update' }> | undefined;
  updates = 0;

  constructor(ctx: PanelContext, panel: vscode.WebviewPanel, feed: ModelFeed<ResultsDigest>, registry: PanelSet) {
    // Plotly's SVG charts set style attributes: this panel alone allows inline styles (never eval);
    // focus stays here on reveal, so the engineer can walk down the table while the editor follows.
    super(ctx, panel, feed, KIND, registry);
    this.disposables.push(this.postEmitter);
  }

  protected async handle(message: DashboardToHost): Promise<void> {
    switch (message.type) {
      case 'memberRequest': {
        const s = this.feed.current;
        const client = await this.ctx.server.ready();
        const series = s.results ? await client.sendRequest(MemberSeriesRequest, { uri: this.model, member: message.element.name }) : null;
        this.post({ type: 'member', series });
        break;
      }
    }
  }

  protected publish(s: ModelSnapshot<ResultsDigest>): void {
    // Counts and lengths from the last good view (what the results belong to); validity from the newest.
    const base = s.lastGood ?? s.view;
    let model: DashboardModel | null = null;
    if (base) {
      model = dashboardModel(base);
      if (s.view) model = { ...model, valid: s.view.valid, errors: s.view.errors };
    }
    const status = s.status;
    this.panel.title = panelTitle(s);
    this.post({
      type: 'update',
      model,
      results: s.results,
      status: { resultsCurrent: s.resultsCurrent, ...(status ? { analysis: status.state } : {}), ...(status?.message ? { message: status.message } : {}) },
    });
  }

  protected override didPost(message: HostToDashboard): void {
    if (message.type === 'update') {
      this.lastUpdate = message;
      this.updates++;
    }
    this.postEmitter.fire(message);
  }

  protected override didSaveImage(name: string, shown: string | undefined): void {
    this.post(shown === undefined ? { type: 'exported', name } : { type: 'exported', name, path: shown });
  }
}

const panels = new PanelRegistry<DashboardPanel, ResultsDigest>({
  viewType: DASHBOARD_VIEW_TYPE,
  title: panelTitle,
  results: digestOnly,
  create: (ctx, panel, feed, registry) => new DashboardPanel(ctx, panel, feed, registry),
});

function panelTitle(s: ModelSnapshot<ResultsDigest>): string {
  return modelPanelTitle('Dashboard', s);
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
      return panels.createOrShow(ctx, uri);
    }),
    ...panels.register(ctx),
  ];
}
