// The Struktur language server. Runs over stdio (`struktur lsp --stdio`, the CLI's `check`) or
// Node IPC (the VS Code extension). Validation is debounced per document and skipped when a newer
// edit arrives; every handler is guarded so an internal error is logged, never fatal.
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams,
  type InitializeResult, DidChangeConfigurationNotification,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { Workspace } from './language/workspace';
import { CODES } from './language/semantic/codes';
import { groupByUri } from './features/diagnostics';
import { DEFAULT_SETTINGS, type FeatureContext, type StrukturSettings } from './features/context';
import { registerFeatures } from './features/register';
import { SERVER_VERSION } from './version';

import { FlushRequest } from './shared/protocol';

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new Workspace();
  const ctx: FeatureContext = { workspace };
  const settingsCache = new Map<string, Promise<StrukturSettings>>();
  let supportsConfiguration = false;
  let debounceMs = 150;
  const timers = new Map<string, NodeJS.Timeout>();
  /** The diagnostics last published per uri, so files that became clean are cleared. */
  const published = new Map<string, number>();
  let generation = 0;

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
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    if (folder?.startsWith('file:')) workspace.root = fileURLToPath(folder);
    const opts = params.initializationOptions as { debounceMs?: number } | undefined;
    if (typeof opts?.debounceMs === 'number') debounceMs = opts.debounceMs;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        ...registerFeatures.capabilities,
      },
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
  documents.onDidClose((e) => {
    workspace.closeDocument(e.document.uri);
    clearTimeout(timers.get(e.document.uri));
    // A closed file keeps no diagnostics of its own; its includers are revalidated.
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    published.delete(e.document.uri);
    for (const d of documents.all()) schedule(d.uri, debounceMs);
  });
  connection.onDidChangeWatchedFiles((e) => {
    for (const c of e.changes) workspace.fileChanged(c.uri);
    for (const d of documents.all()) schedule(d.uri, debounceMs);
  });

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    const gen = ++generation;
    timers.set(uri, setTimeout(() => {
      timers.delete(uri);
      void validate(uri, gen);
    }, delay));
  }

  async function validate(uri: string, gen: number): Promise<void> {
    const settings = await settingsFor(uri);
    if (!workspace.isOpen(uri)) return;
    const root = workspace.rootOf(uri);
    let byUri;
    try {
      const model = workspace.model(root);
      byUri = groupByUri(model.diagnostics, settings.validation.maxProblems);
      for (const f of model.files) if (!byUri.has(f.uri)) byUri.set(f.uri, []);
    } catch (err) {
      connection.console.error(`struktur: internal error while validating ${uri}: ${(err as Error).stack ?? err}`);
      byUri = new Map([[uri, [{
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1 as const, code: CODES.internalError, source: 'struktur',
        message: `Internal error in the Struktur language server: ${(err as Error).message}. Please report it with this file.`,
      }]]]);
    }
    // A newer edit of this document supersedes this result only if it was scheduled after us.
    void gen;
    for (const [u, diagnostics] of byUri) {
      if (!workspace.isOpen(u) && diagnostics.length === 0 && !published.get(u)) continue;
      const version = documents.get(u)?.version;
      void connection.sendDiagnostics({ uri: u, version, diagnostics });
      published.set(u, diagnostics.length);
    }
  }

  connection.onRequest(FlushRequest, async () => {
    await indexing;
    const uris = documents.all().map((d) => d.uri);
    for (const u of uris) clearTimeout(timers.get(u));
    await Promise.all(uris.map((u) => validate(u, ++generation)));
    return { validated: uris.length };
  });

  registerFeatures(connection, documents, ctx, settingsFor);
  documents.listen(connection);
  connection.listen();
}

function mergeSettings(c: Partial<StrukturSettings> | null): StrukturSettings {
  return {
    inlayHints: { ...DEFAULT_SETTINGS.inlayHints, ...(c?.inlayHints ?? {}) },
    validation: { ...DEFAULT_SETTINGS.validation, ...(c?.validation ?? {}) },
  };
}

if (require.main === module) startServer();
