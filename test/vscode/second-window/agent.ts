// The agent in a second workbench window: connects back to the test in the first window and does
// what it asks with the VS Code API of this window — a colleague at their own VS Code. Runs in
// place of the mocha suites when the window's environment names the test's address.
import * as vscode from 'vscode';
import WebSocket from 'ws';
import { api, until } from '../suite/helpers';
import { AGENT_URL_ENV, diagnosticKey, type AgentMessage, type AgentRequest, type AgentState } from './protocol';

export function runAgent(): Promise<void> {
  const url = process.env[AGENT_URL_ENV];
  if (!url) return Promise.reject(new Error(`${AGENT_URL_ENV} is not set`));
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const send = (m: AgentMessage) => ws.send(JSON.stringify(m));
    ws.on('open', () => send({ kind: 'hello', folder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '' }));
    ws.on('message', async (data) => {
      const { id, request } = JSON.parse(String(data)) as { id: number; request: AgentRequest };
      try {
        const value = await perform(request);
        send({ kind: 'answer', id, ok: true, value: value ?? null });
        if (request.op === 'exit') ws.close();
      } catch (err) {
        send({ kind: 'answer', id, ok: false, error: String((err as Error)?.stack ?? err) });
      }
    });
    ws.on('close', () => resolve());
    ws.on('error', (err) => reject(err));
  });
}

async function perform(r: AgentRequest): Promise<unknown> {
  const a = await api();
  switch (r.op) {
    case 'join': {
      const uri = await vscode.commands.executeCommand<vscode.Uri>('struktur.live.join', r.invitation);
      await until('the shared copy in an editor', () => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()));
      return uri.toString();
    }
    case 'text':
      return (await document(r.uri)).getText().replace(/\r\n/g, '\n');
    case 'type': {
      const editor = await vscode.window.showTextDocument(await document(r.uri));
      const at = editor.document.getText().indexOf(r.marker);
      if (at < 0) throw new Error(`${JSON.stringify(r.marker)} is not in ${r.uri}`);
      const pos = editor.document.positionAt(at);
      editor.selection = new vscode.Selection(pos, pos);
      for (const ch of r.text) await vscode.commands.executeCommand('type', { text: ch });
      return editor.document.getText().replace(/\r\n/g, '\n');
    }
    case 'cursors':
      return a.live()?.decorations?.drawn.get(vscode.Uri.parse(r.uri).toString()) ?? [];
    case 'diagnostics':
      return vscode.languages.getDiagnostics(vscode.Uri.parse(r.uri)).map(diagnosticKey);
    case 'results':
      return until('results of the shared copy', () => a.results(vscode.Uri.parse(r.uri)));
    case 'state': {
      const live = a.live();
      const doc = r.uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === vscode.Uri.parse(r.uri!).toString()) : undefined;
      const state: AgentState = {
        statusText: live?.statusText ?? '',
        dirty: doc?.isDirty,
        unconfirmed: live?.session?.client.unconfirmed ?? 0,
        participants: (live?.session?.client.participants() ?? []).map((p) => p.user?.name ?? '?').sort(),
      };
      return state;
    }
    case 'reveal': {
      const editor = await vscode.window.showTextDocument(await document(r.uri));
      editor.revealRange(new vscode.Range(r.line, 0, r.line + 20, 0), vscode.TextEditorRevealType.AtTop);
      return null;
    }
    case 'idle':
      await a.live()?.session?.whenIdle();
      await until('every edit confirmed', () => (a.live()?.session?.client.unconfirmed ?? 0) === 0);
      return null;
    case 'leave':
      await vscode.commands.executeCommand('struktur.live.leave');
      return null;
    case 'exit':
      return null;
  }
}

async function document(uri: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
}
