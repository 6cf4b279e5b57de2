// The VS Code extension: a thin client. Activation (onLanguage:struktur, or a workspace with
// .struct files) registers the commands, the status item, the results documents and the task
// provider; the bundled language server (Node IPC) starts when a Struktur document is open.
// Everything else — validation, analysis, formatting — is the server's.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ResultsDocument } from './results-types';
import type { AnalysisStatus } from '../../language-server/src/shared/protocol';
import { registerCommands } from './commands';
import { fetchResults, ResultsDocuments } from './results-document';
import { ServerHost } from './server-host';
import { registerPanels } from './panels/register-panels';
import { StatusBar, type StatusSnapshot } from './status-bar';
import { StrukturTaskProvider, TASK_TYPE } from './task-provider';
import { SessionLoader } from './session-loader';
import type { LiveApi } from './live/controller';

/** What `activate` returns: for tests and for other extensions. */
export interface StrukturApi {
  /** The running language client, starting it if needed. */
  client(): Promise<LanguageClient>;
  /** Whether the language server has been started (it starts when a Struktur document opens). */
  readonly serverStarted: boolean;
  /** What the status bar item shows now. */
  readonly status: StatusSnapshot;
  readonly onDidChangeStatus: vscode.Event<StatusSnapshot>;
  /** The results document of the model of `uri` (struktur/results), null when it has none. */
  results(uri: vscode.Uri): Promise<ResultsDocument | null>;
  /** The server's latest analysis status for the model of `uri`. */
  analysisStatus(uri: vscode.Uri): AnalysisStatus | undefined;
  /** The live-session side (loaded on first use of a live command); undefined before that. */
  live(): LiveApi | undefined;
}

let host: ServerHost | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<StrukturApi> {
  const output = vscode.window.createOutputChannel('Struktur', { log: true });
  const server = new ServerHost(context, output);
  host = server;
  const status = new StatusBar((uri) => server.client?.diagnostics?.get(uri) ?? []);
  const results = new ResultsDocuments(server);
  const panels = registerPanels(context, server, output);
  const live = new SessionLoader(context, output, panels.participants);
  context.subscriptions.push(
    live,
    output, status, results,
    server.onStatus((s) => status.accept(s)),
    server.onRunning((r) => status.setServerRunning(r)),
    ...registerCommands({ context, server, results, output }),
    vscode.tasks.registerTaskProvider(TASK_TYPE, new StrukturTaskProvider(context)),
    panels,
  );

  const isStruktur = (d: vscode.TextDocument) => d.languageId === 'struktur';
  if (vscode.workspace.textDocuments.some(isStruktur)) {
    await server.ready().catch(() => undefined);
  } else {
    const waiting = vscode.workspace.onDidOpenTextDocument((d) => {
      if (!isStruktur(d)) return;
      waiting.dispose();
      void server.ready().catch(() => undefined);
    });
    context.subscriptions.push(waiting);
  }

  return {
    client: () => server.ready(),
    get serverStarted() {
      return server.client !== undefined;
    },
    get status() {
      return status.current;
    },
    onDidChangeStatus: status.onDidChange,
    results: (uri) => fetchResults(server, uri),
    analysisStatus: (uri) => status.statusOf(uri.toString()),
    live: () => live.api,
  };
}

export async function deactivate(): Promise<void> {
  await host?.dispose();
  host = undefined;
}
