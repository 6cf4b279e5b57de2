// What a panel shows of one model, kept current: the model view (struktur/modelView) and the
// results — the whole document (struktur/results) or only what the panel needs of it (the
// dashboard's digest) — fetched again, debounced, when a file of the model changes and when the
// server reports a new analysis state. An invalid intermediate edit keeps the last good view and
// results on screen, flagged, rather than blanking the panel.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ModelViewRequest, ResultsRequest, type AnalysisStatus, type ResultsDocument } from '../../../language-server/src/shared/protocol';
import type { ModelView } from '../../../language-server/src/shared/model-view';
import type { ServerHost } from '../server-host';

/** How a panel gets the results it shows: null when the model has none now. */
export type ResultsFetcher<R> = (client: LanguageClient, uri: string) => Promise<R | null>;

/** The whole results document (the default; the dashboard fetches a digest, the 3D view an index
 * and then one case). */
export const wholeResults: ResultsFetcher<ResultsDocument> = (client, uri) => client.sendRequest(ResultsRequest, { uri });

export interface ModelSnapshot<R = ResultsDocument> {
  /** The model's root file. */
  model: string;
  /** The newest view (it may have errors; `valid` says). */
  view: ModelView | null;
  /** The newest view without errors (what a panel draws while the text is invalid). */
  lastGood: ModelView | null;
  /** The newest results; kept while the model is invalid or being analysed. */
  results: R | null;
  /** false when `results` are older than the text (model invalid, analysis running or failed). */
  resultsCurrent: boolean;
  status: AnalysisStatus | undefined;
}

export const FEED_DEBOUNCE_MS = 250;

export class ModelFeed<R = ResultsDocument> implements vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ModelSnapshot<R>>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private files = new Set<string>();
  private snapshot: ModelSnapshot<R>;
  readonly onDidUpdate = this.emitter.event;

  constructor(
    private readonly server: ServerHost,
    readonly model: vscode.Uri,
    // The default is the whole document, so R defaults to ResultsDocument with it.
    private readonly fetchResults: ResultsFetcher<R> = wholeResults as unknown as ResultsFetcher<R>,
  ) {
    this.snapshot = { model: model.toString(), view: null, lastGood: null, results: null, resultsCurrent: false, status: undefined };
    this.files.add(model.toString());
    this.disposables.push(
      server.onStatus((s) => {
        if (s.uri !== this.snapshot.model && !s.files.some((f) => this.files.has(f))) return;
        this.snapshot = { ...this.snapshot, status: s };
        // A finished analysis brings new results; a running one only changes the state shown.
        if (s.state === 'running') this.publish();
        else this.schedule();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.files.has(e.document.uri.toString())) this.schedule();
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.files.has(d.uri.toString())) this.schedule();
      }),
    );
  }

  get current(): ModelSnapshot<R> {
    return this.snapshot;
  }

  /** Whether `uri` is one of the model's files. */
  covers(uri: vscode.Uri | string): boolean {
    return this.files.has(uri.toString());
  }

  /** Fetches now (the panel just opened or asked to refresh). */
  refresh(): Promise<ModelSnapshot<R>> {
    clearTimeout(this.timer);
    this.timer = undefined;
    return this.fetch();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.fetch().catch(() => undefined);
    }, FEED_DEBOUNCE_MS);
  }

  private async fetch(): Promise<ModelSnapshot<R>> {
    const generation = ++this.generation;
    const client = await this.server.ready();
    const uri = this.model.toString();
    const view = await client.sendRequest(ModelViewRequest, { uri });
    if (generation !== this.generation) return this.snapshot;
    if (view) this.files = new Set(view.files);
    const valid = !!view && view.valid;
    // Invalid models have no results to wait for; valid ones answer once analysed.
    const results = valid ? await this.fetchResults(client, uri) : null;
    if (generation !== this.generation) return this.snapshot;
    const prev = this.snapshot;
    this.snapshot = {
      model: view?.uri ?? prev.model,
      view,
      lastGood: valid ? view : prev.lastGood,
      results: results ?? prev.results,
      resultsCurrent: results !== null,
      status: prev.status,
    };
    this.publish();
    return this.snapshot;
  }

  private publish(): void {
    this.emitter.fire(this.snapshot);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.generation++;
    for (const d of this.disposables) d.dispose();
  }
}
