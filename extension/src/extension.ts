// The VS Code extension: a thin client. It starts the bundled language server over Node IPC and
// leaves everything else to it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const output = vscode.window.createOutputChannel('Struktur', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'struktur' }],
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.struct') },
    outputChannel: output,
  };
  client = new LanguageClient('struktur', 'Struktur', serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand('struktur.restartServer', async () => {
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
