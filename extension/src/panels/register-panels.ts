// The panels (3D view, dashboard, report preview) and what they share: the selection hub and the
// editor-cursor tracking that feeds it. Each panel kind adds one `register…` call below.
import * as vscode from 'vscode';
import type { ServerHost } from '../server-host';
import { elementAt } from './element-link';
import { registerModel3dPanel } from './model3d-panel';
import { registerDashboardPanel } from './dashboard-panel';
import { registerReport } from '../report/register-report';
import type { ModelFeed } from './model-feed';
import { SelectionHub } from './selection-hub';
import { ParticipantSelections } from './participant-selections';

export interface PanelContext {
  context: vscode.ExtensionContext;
  server: ServerHost;
  output: vscode.LogOutputChannel;
  selection: SelectionHub;
  /** Live-session participants' selections in the 3D views, and ours (fed by the live side). */
  participants: ParticipantSelections;
  /** Lets the cursor tracking find the model view of an editor's document. */
  trackFeed(feed: ModelFeed<unknown>): vscode.Disposable;
}

export interface Panels extends vscode.Disposable {
  readonly selection: SelectionHub;
  readonly participants: ParticipantSelections;
}

export function registerPanels(context: vscode.ExtensionContext, server: ServerHost, output: vscode.LogOutputChannel): Panels {
  const selection = new SelectionHub();
  // URIs from the language server and from the live side's file map compare as VS Code prints them.
  const participants = new ParticipantSelections((u) => vscode.Uri.parse(u, true).toString());
  const feeds = new Set<ModelFeed<unknown>>();
  const disposables: vscode.Disposable[] = [selection, participants];
  const ctx: PanelContext = {
    context, server, output, selection, participants,
    trackFeed(feed) {
      feeds.add(feed);
      return new vscode.Disposable(() => feeds.delete(feed));
    },
  };

  // The cursor on a member's or node's declaration selects it in every panel of its model.
  disposables.push(vscode.window.onDidChangeTextEditorSelection((e) => {
    if (e.textEditor.document.languageId !== 'struktur' || feeds.size === 0) return;
    const uri = e.textEditor.document.uri;
    for (const feed of feeds) {
      const view = feed.current.view ?? feed.current.lastGood;
      if (!view || !feed.covers(uri)) continue;
      const element = elementAt(view, uri, e.selections[0].active);
      if (element) selection.set({ model: feed.current.model, element, source: 'editor' });
    }
  }));

  // Panel kinds register here.
  void ctx;
  disposables.push(...registerModel3dPanel(ctx));
  disposables.push(...registerDashboardPanel(ctx));
  disposables.push(...registerReport(ctx.context, ctx.output));

  return {
    selection,
    participants,
    dispose: () => {
      for (const d of disposables) d.dispose();
    },
  };
}
