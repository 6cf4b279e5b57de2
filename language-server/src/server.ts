// The Struktur language server. Runs over stdio (`struktur lsp --stdio`, the CLI's `check`) or
// Node IPC (the VS Code extension). A change is validated after a short debounce; when the model
// is valid it is analysed in a worker thread (a newer edit cancels the run), and the analysis
// diagnostics join the language diagnostics. Every handler is guarded: an internal error is
// logged and reported, never fatal.
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DidChangeConfigurationNotification, WorkDoneProgress,
  WorkDoneProgressCreateRequest, type Connection, type InitializeParams, type InitializeResult, type Diagnostic as LspDiagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { Workspace } from './language/workspace';
import { CODES } from './language/semantic/codes';
import type { Diagnostic } from './language/semantic/diagnostic';
import type { Model } from './language/semantic/model';
import { groupByUri } from './features/diagnostics';
import { DEFAULT_SETTINGS, type FeatureContext, type StrukturSettings } from './features/context';
import { registerFeatures } from './features/register';
import { AnalysisRunner } from './analysis-runner';
import { analysisDiagnostics, toAnalysisModel, toResultDiagnostics, type ModelMapping } from './analysis/from-model';
import type { AnalysisOutcome } from './analysis/analyze';
import { AnalysisStatusNotification, CaseResultsRequest, FlushRequest, MemberSeriesRequest, ModelViewRequest, ResultsDigestRequest, ResultsIndexRequest, ResultsRequest } from './shared/protocol';
import { digestResults, memberSeries } from './shared/dashboard-digest';
import type { ResultsDigest } from './shared/dashboard-messages';
import { caseOf, resultsIndex, type ResultsIndex } from './shared/case-view';
import { randomBytes } from 'node:crypto';
import type { ResultsDocument } from './analysis/results';
import { buildModelView } from './features/model-view';
import { SERVER_VERSION } from './version';

interface Analysed {
  key: string;
  outcome: AnalysisOutcome;
  mapping: ModelMapping;
  diagnostics: Diagnostic[];
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  const runner = new AnalysisRunner();
  const ctx: FeatureContext = {
    workspace,
    results: (uri) => {
      const root = workspace.rootOf(uri);
      const a = analysed.get(root);
      return a && a.key === wantedKey.get(root) ? a.outcome.results : undefined;
    },
  };
  const settingsCache = new Map<string, Promise<StrukturSettings>>();
  let supportsConfiguration = false;
  let supportsProgress = false;
  let supportsHintRefresh = false;
  let analysisEnabled = true;
  let debounceMs = 150;
  const timers = new Map<string, NodeJS.Timeout>();
  /** How many diagnostics were last published per uri, so files that became clean are cleared. */
  const published = new Map<string, number>();
  /** Analysis results per root, and the content key each root should show now. */
  const analysed = new Map<string, Analysed>();
  const wantedKey = new Map<string, string>();
  const inFlight = new Set<Promise<unknown>>();

  const settingsFor = (uri: string): Promise<StrukturSettings> => {
    if (!supportsConfiguration) return Promise.resolve(DEFAULT_SETTINGS);
    let s = settingsCache.get(uri);
    if (!s) {
      s = connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'struktur' })
        .then((c: Partial<StrukturSettings> | null) => mergeSettings(c))
        .catch(() => DEFAULT_SETTINGS);
      settingsCache.set(uri, s);
    }
    return s;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    supportsConfiguration = !!params.capabilities.workspace?.configuration;
    supportsProgress = !!params.capabilities.window?.workDoneProgress;
    supportsHintRefresh = !!params.capabilities.workspace?.inlayHint?.refreshSupport;
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    if (folder?.startsWith('file:')) workspace.root = fileURLToPath(folder);
    const opts = params.initializationOptions as { debounceMs?: number; analysis?: boolean } | undefined;
    if (typeof opts?.debounceMs === 'number') debounceMs = opts.debounceMs;
    if (opts?.analysis === false) analysisEnabled = false;
    return {
      capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } }, ...registerFeatures.capabilities },
      serverInfo: { name: 'struktur', version: SERVER_VERSION },
    };
  });

  let indexing: Promise<void> = Promise.resolve();
  connection.onInitialized(() => {
    if (supportsConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'struktur' });
    if (workspace.root) {
      // Index include lines of the workspace's models, so an included file is checked in context.
      indexing = fg('**/*.struct', { cwd: workspace.root, absolute: true, ignore: ['**/node_modules/**'], suppressErrors: true })
        .then((files) => {
          workspace.indexFiles(files);
          for (const d of documents.all()) schedule(d.uri, 0);
        })
        .catch((e) => connection.console.error(`struktur: indexing failed: ${e}`));
    }
  });

  connection.onDidChangeConfiguration(() => {
    settingsCache.clear();
    for (const d of documents.all()) schedule(d.uri, 0);
  });

  documents.onDidOpen((e) => {
    workspace.setDocument(e.document.uri, e.document.getText(), e.document.version);
    schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    workspace.setDocument(e.document.uri, e.document.getText(), e.document.version);
    schedule(e.document.uri, debounceMs);
  });
  documents.onDidSave((e) => schedule(e.document.uri, 0, true));
  documents.onDidClose((e) => {
    const root = workspace.rootOf(e.document.uri);
    workspace.closeDocument(e.document.uri);
    // The 3D view's kept document goes with the last open file of its model.
    if (!documents.all().some((d) => d.uri !== e.document.uri && workspace.rootOf(d.uri) === root)) indexed.delete(root);
    clearTimeout(timers.get(e.document.uri));
    // A closed file keeps no diagnostics of its own; the models that include it are revalidated.
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    published.delete(e.document.uri);
    for (const d of documents.all()) schedule(d.uri, debounceMs);
  });
  connection.onDidChangeWatchedFiles((e) => {
    for (const c of e.changes) workspace.fileChanged(c.uri);
    for (const d of documents.all()) schedule(d.uri, debounceMs);
  });

  function schedule(uri: string, delay: number, saved = false): void {
    clearTimeout(timers.get(uri));
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      track(validate(uri, saved));
    }, delay));
  }

  function track<T>(p: Promise<T>): Promise<T> {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    return p;
  }

  async function validate(uri: string, saved: boolean): Promise<void> {
    const settings = await settingsFor(uri);
    if (!workspace.isOpen(uri)) return;
    const root = workspace.rootOf(uri);
    let model: Model;
    try {
      model = workspace.model(root);
    } catch (err) {
      connection.console.error(`struktur: internal error while validating ${uri}: ${(err as Error).stack ?? err}`);
      publish([uri], [internalError(uri, err)], settings);
      return;
    }
    const files = model.files.map((f) => f.uri);
    const hasErrors = model.diagnostics.some((d) => d.severity === 'error');
    const mode = settings.analysis.mode;
    const wanted = analysisEnabled && mode !== 'off' && (mode === 'onType' || saved || analysed.has(root)) && !hasErrors && model.members.length > 0;
    if (!wanted) {
      wantedKey.delete(root);
      runner.cancel(root);
      if (mode === 'off' || hasErrors || !analysisEnabled) analysed.delete(root);
      publish(files, model.diagnostics, settings);
      sendStatus(root, files, 'skipped', undefined, hasErrors ? `${model.diagnostics.filter((d) => d.severity === 'error').length} errors` : undefined);
      return;
    }
    // Large models are analysed on save only: a run takes seconds, and typing should not queue them.
    const large = model.members.length > settings.analysis.maxMembersOnType;
    if ((mode === 'onSave' || large) && !saved) {
      // Keep showing the last analysis until the next save.
      const last = analysed.get(root);
      publish(files, [...model.diagnostics, ...(last?.diagnostics ?? [])], settings);
      return;
    }
    // Language diagnostics go out first: mapping and hashing a large model takes a moment.
    const last = analysed.get(root);
    publish(files, [...model.diagnostics, ...(last?.diagnostics ?? [])], settings);
    const revision = workspace.revision;
    await new Promise((resolve) => setImmediate(resolve));
    if (workspace.revision !== revision) return; // edited meanwhile: that validation takes over
    let mapping: ModelMapping;
    try {
      mapping = toAnalysisModel(model, sourcePath(root));
    } catch (err) {
      publish(files, [...model.diagnostics, internalError(root, err)], settings);
      return;
    }
    const options = { shearDeformation: settings.analysis.shearDeformation };
    const key = AnalysisRunner.keyOf(model, options);
    wantedKey.set(root, key);
    const cached = runner.cached(key);
    if (cached) {
      const done = remember(root, key, model, mapping, cached);
      publish(files, [...model.diagnostics, ...done.diagnostics], settings);
      return;
    }
    // Analysis diagnostics when the run completes.
    sendStatus(root, files, 'running');
    const progress = await beginProgress(`Analysing ${path.basename(sourcePath(root))}`);
    const result = await runner.run(root, key, mapping.input, options);
    progress?.done();
    if (wantedKey.get(root) !== key) return; // superseded by a newer edit
    if (!result.ok) {
      if (result.cancelled) return;
      connection.console.error(`struktur: analysis failed for ${root}: ${result.error}`);
      publish(files, [...model.diagnostics, internalError(root, new Error(result.error.split('\n')[0]))], settings);
      sendStatus(root, files, 'failed', undefined, 'analysis failed');
      return;
    }
    const done = remember(root, key, model, mapping, result.outcome);
    publish(files, [...model.diagnostics, ...done.diagnostics], settings);
  }

  function remember(root: string, key: string, model: Model, mapping: ModelMapping, outcome: AnalysisOutcome): Analysed {
    const diagnostics = analysisDiagnostics(model, mapping, outcome.problems, outcome.results.checks);
    const entry = { key, outcome, mapping, diagnostics };
    const changed = analysed.get(root)?.key !== key;
    analysed.set(root, entry);
    // Utilisation hints depend on the results: ask the editor to fetch them again.
    if (changed && supportsHintRefresh) void connection.languages.inlayHint.refresh().catch(() => undefined);
    const mechanism = outcome.problems.find((p) => p.kind === 'mechanism');
    const maxUtil = outcome.results.checks.reduce((m, c) => Math.max(m, c.ratio / (c.limit || 1)), 0);
    sendStatus(root, model.files.map((f) => f.uri), 'done', outcome.results.cases.length,
      mechanism ? `unstable at ${mechanism.kind === 'mechanism' ? mapping.nodeDecls[mechanism.nodes[0]?.node]?.name ?? '?' : '?'}` : undefined,
      outcome.results.checks.length ? maxUtil : undefined);
    return entry;
  }

  function sendStatus(root: string, files: string[], state: 'running' | 'done' | 'failed' | 'skipped', cases?: number, message?: string, maxUtilisation?: number): void {
    void connection.sendNotification(AnalysisStatusNotification, { uri: root, files, state, cases, message, maxUtilisation });
  }

  async function beginProgress(title: string): Promise<{ done(): void } | undefined> {
    if (!supportsProgress) return undefined;
    const token = `struktur-analysis-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    try {
      await connection.sendRequest(WorkDoneProgressCreateRequest.type, { token });
    } catch {
      return undefined;
    }
    void connection.sendProgress(WorkDoneProgress.type, token, { kind: 'begin', title, cancellable: false });
    return { done: () => void connection.sendProgress(WorkDoneProgress.type, token, { kind: 'end' }) };
  }

  function publish(files: string[], diags: Diagnostic[], settings: StrukturSettings): void {
    const byUri = groupByUri(diags, settings.validation.maxProblems);
    for (const f of files) if (!byUri.has(f)) byUri.set(f, []);
    for (const [u, diagnostics] of byUri) {
      if (!workspace.isOpen(u) && diagnostics.length === 0 && !published.get(u)) continue;
      void connection.sendDiagnostics({ uri: u, version: documents.get(u)?.version, diagnostics: diagnostics as LspDiagnostic[] });
      published.set(u, diagnostics.length);
    }
  }

  function sourcePath(uri: string): string {
    if (!uri.startsWith('file:')) return uri;
    const p = fileURLToPath(uri);
    return workspace.root ? path.relative(workspace.root, p).split(path.sep).join('/') : p;
  }

  connection.onRequest(FlushRequest, async () => {
    await indexing;
    const uris = documents.all().map((d) => d.uri);
    for (const u of uris) clearTimeout(timers.get(u));
    await Promise.all(uris.map((u) => track(validate(u, true))));
    // Analyses finish after their validation returned only when they were started earlier.
    while (inFlight.size) await Promise.all([...inFlight]);
    return { validated: uris.length };
  });

  /** The results document of the model `uri` belongs to, once the text now is analysed; the same
   * object while nothing changes (so what is derived from it can be kept with it). */
  const resultDocuments = new WeakMap<Analysed, ResultsDocument>();
  async function currentResults(uri: string): Promise<ResultsDocument | null> {
    const root = workspace.rootOf(uri);
    if (timers.has(uri) || inFlight.size) {
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      await track(validate(uri, true));
    }
    const pending = runner.pending(root);
    if (pending) await pending;
    const a = analysed.get(root);
    if (!a || a.key !== wantedKey.get(root)) return null;
    const model = workspace.model(root);
    const diagnostics = toResultDiagnostics([...model.diagnostics, ...a.diagnostics], sourcePath);
    const kept = resultDocuments.get(a);
    if (kept && JSON.stringify(kept.diagnostics) === JSON.stringify(diagnostics)) return kept;
    const doc: ResultsDocument = { ...a.outcome.results, diagnostics };
    resultDocuments.set(a, doc);
    return doc;
  }
  const digests = new WeakMap<ResultsDocument, ResultsDigest>();

  connection.onRequest(ResultsRequest, async ({ uri }) => currentResults(uri));

  connection.onRequest(ResultsDigestRequest, async ({ uri }) => {
    const doc = await currentResults(uri);
    if (!doc) return null;
    let digest = digests.get(doc);
    if (!digest) digests.set(doc, (digest = digestResults(doc)));
    return digest;
  });

  connection.onRequest(MemberSeriesRequest, async ({ uri, member }) => {
    const doc = await currentResults(uri);
    return doc ? memberSeries(doc, member) : null;
  });

  // The 3D view's index and its one case at a time. Ids carry this run's random prefix, so an
  // index from before a server restart never matches a document of this one. The document of the
  // last index served per model is kept, so a case asked for with that index's id comes from the
  // document the index describes — also while the text has errors (the view keeps showing the
  // last results, flagged, and may switch case) — and never from a newer one.
  const indexes = new WeakMap<ResultsDocument, ResultsIndex>();
  const indexed = new Map<string, { id: string; doc: ResultsDocument }>();
  const run = randomBytes(4).toString('hex');
  let indexCount = 0;

  connection.onRequest(ResultsIndexRequest, async ({ uri }) => {
    const doc = await currentResults(uri);
    if (!doc) return null;
    let index = indexes.get(doc);
    if (!index) indexes.set(doc, (index = resultsIndex(doc, `${run}-${++indexCount}`)));
    indexed.set(workspace.rootOf(uri), { id: index.id, doc });
    return index;
  });

  connection.onRequest(CaseResultsRequest, async ({ uri, case: name, id }) => {
    if (id === undefined) {
      const doc = await currentResults(uri);
      return doc ? caseOf(doc, name) : null;
    }
    const kept = indexed.get(workspace.rootOf(uri));
    return kept && kept.id === id ? caseOf(kept.doc, name) : null;
  });

  connection.onRequest(ModelViewRequest, async ({ uri }) => {
    await indexing;
    if (timers.has(uri)) {
      clearTimeout(timers.get(uri));
      timers.delete(uri);
      await track(validate(uri, true));
    }
    return buildModelView(workspace.model(workspace.rootOf(uri)));
  });

  registerFeatures(connection, documents, ctx, settingsFor);
  documents.listen(connection);
  connection.onShutdown(() => runner.dispose());
  connection.listen();
}

function internalError(uri: string, err: unknown): Diagnostic {
  return {
    uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: CODES.internalError,
    message: `Internal error in the Struktur language server: ${String((err as Error)?.message ?? err).replace(/^Error: /, '')}. Please report it with this file.`,
  };
}

function mergeSettings(c: Partial<StrukturSettings> | null): StrukturSettings {
  return {
    inlayHints: { ...DEFAULT_SETTINGS.inlayHints, ...(c?.inlayHints ?? {}) },
    results: { ...DEFAULT_SETTINGS.results, ...(c?.results ?? {}) },
    validation: { ...DEFAULT_SETTINGS.validation, ...(c?.validation ?? {}) },
    analysis: { ...DEFAULT_SETTINGS.analysis, ...(c?.analysis ?? {}) },
  };
}

if (require.main === module) startServer();
