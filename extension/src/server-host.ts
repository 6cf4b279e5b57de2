// The language client, started on first need (a Struktur document opened, a command run) and
// not at activation, after vscode-eslint's `realActivate`: a workspace that only contains .struct
// files gets the status item without a server process.
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { AnalysisStatusNotification, type AnalysisStatus } from '../../language-server/src/shared/protocol';

export class ServerHost implements vscode.Disposable {
  private current: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly statusEmitter = new vscode.EventEmitter<AnalysisStatus>();
  private readonly runningEmitter = new vscode.EventEmitter<boolean>();
  readonly onStatus = this.statusEmitter.event;
  readonly onRunning = this.runningEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** The client if it has been started (it may still be starting). */
  get client(): LanguageClient | undefined {
    return this.current;
  }

  get running(): boolean {
    return this.current?.state === State.Running;
  }

  /** The running client, starting it on first call. */
  ready(): Promise<LanguageClient> {
    this.starting ??= this.start().catch((err: unknown) => {
      this.starting = undefined;
      this.output.error(`Could not start the Struktur language server: ${(err as Error)?.stack ?? err}`);
      void vscode.window.showErrorMessage(`Struktur: the language server did not start (${(err as Error)?.message ?? err}).`, 'Show Output')
        .then((a) => a && this.output.show());
      throw err;
    });
    return this.starting;
  }

  private async start(): Promise<LanguageClient> {
    const serverModule = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      // struktur-live: a live session guest's copies, analysed like files (their includes resolve
      // inside the session).
      documentSelector: [{ language: 'struktur', scheme: 'file' }, { language: 'struktur', scheme: 'untitled' }, { language: 'struktur', scheme: 'struktur-live' }],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.struct') },
      diagnosticCollectionName: 'struktur',
      outputChannel: this.output,
    };
    // The client reads `struktur.trace.server` itself (its id is "struktur").
    const client = new LanguageClient('struktur', 'Struktur', serverOptions, clientOptions);
    this.current = client;
    client.onDidChangeState((e) => this.runningEmitter.fire(e.newState === State.Running));
    // Registered before start, so it survives restarts.
    client.onNotification(AnalysisStatusNotification, (s) => this.statusEmitter.fire(s));
    await client.start();
    return client;
  }

  async restart(): Promise<void> {
    if (!this.current) {
      await this.ready();
      return;
    }
    await this.ready();
    this.output.info('Restarting the Struktur language server');
    await this.current.restart();
  }

  async dispose(): Promise<void> {
    this.statusEmitter.dispose();
    this.runningEmitter.dispose();
    const c = this.current;
    this.current = undefined;
    if (c?.needsStop()) await c.stop();
  }
}
