// A small LSP client that starts the Struktur language server as a child process and speaks
// LSP to it over stdio. `struktur check` uses it, so CI sees exactly what the editor sees, and so
// do the LSP tests.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  PublishDiagnosticsNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  ShutdownRequest, ExitNotification, ConfigurationRequest,
  type ProtocolConnection, type Diagnostic, type PublishDiagnosticsParams, type InitializeResult, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export interface ServerLaunch {
  /** The server script (dist/server.js) run with this Node, or a whole command. */
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
}

type Waiter = { uri: string; pred: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

export class LspProcessClient {
  readonly connection: ProtocolConnection;
  private readonly child: ChildProcess;
  /** Latest diagnostics per uri, and how many times each uri was published. */
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly publishCount = new Map<string, number>();
  private waiters: Waiter[] = [];
  private versions = new Map<string, number>();
  stderr = '';
  /** Settings answered to workspace/configuration, by section. */
  configuration: Record<string, unknown> = {};
  private exited: Promise<number | null>;
  private exitedEarly: Promise<never>;

  constructor(launch: ServerLaunch) {
    this.child = spawn(launch.command, launch.args, { stdio: ['pipe', 'pipe', 'pipe'], env: launch.env ?? process.env });
    this.child.stderr!.on('data', (b: Buffer) => {
      this.stderr += b.toString();
    });
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    // A server that dies must fail every pending request and wait, never leave them hanging.
    let shuttingDown = false;
    this.markShutdown = () => {
      shuttingDown = true;
    };
    this.exitedEarly = new Promise<never>((_, reject) => {
      this.child.on('error', (e) => reject(new Error(`Cannot start the language server: ${e.message}`)));
      this.child.on('exit', (code, signal) => {
        if (shuttingDown) return;
        const err = new Error(`The language server exited unexpectedly (code ${code}, signal ${signal}).\n${this.stderr}`);
        for (const w of this.waiters) {
          clearTimeout(w.timer);
          w.reject(err);
        }
        this.waiters = [];
        reject(err);
      });
    });
    this.exitedEarly.catch(() => undefined);
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.publishCount.set(p.uri, (this.publishCount.get(p.uri) ?? 0) + 1);
      this.waiters = this.waiters.filter((w) => {
        if (w.uri !== p.uri || !w.pred(p.diagnostics)) return true;
        clearTimeout(w.timer);
        w.resolve(p.diagnostics);
        return false;
      });
    });
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section ? this.configuration[i.section] ?? null : null)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', (m: { message: string }) => {
      this.stderr += `[log] ${m.message}\n`;
    });
    this.connection.listen();
  }

  private markShutdown: () => void;

  /** Sends a request, failing if the server dies first. */
  request<R>(send: () => Promise<R>): Promise<R> {
    return Promise.race([send(), this.exitedEarly]);
  }

  async initialize(rootUri: string | null, options: { configuration?: boolean; initializationOptions?: unknown } = {}): Promise<InitializeResult> {
    const result = await this.request(() => this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
      capabilities: {
        workspace: { configuration: options.configuration ?? false, workspaceFolders: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          rename: { prepareSupport: true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } },
        },
      },
      initializationOptions: options.initializationOptions,
    }));
    await this.connection.sendNotification(InitializedNotification.type, {});
    return result;
  }

  async open(uri: string, text: string, languageId = 'struktur'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Resolves with the first publication for `uri` (after this call) that satisfies `pred`. */
  waitForDiagnostics(uri: string, pred: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 20000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(new Error(`No diagnostics for ${uri} matching the condition within ${timeoutMs} ms. Last: ${JSON.stringify(this.diagnostics.get(uri))}\n${this.stderr}`));
      }, timeoutMs);
      this.waiters.push({ uri, pred, resolve, reject, timer });
    });
  }

  async shutdown(): Promise<number | null> {
    this.markShutdown();
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The server may already be gone; exit below.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    const code = await this.exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }
}
